/**
 * What in a Markdown draft is not prose: fenced code, inline code, HTML (comments among it), link destinations and
 * link reference definitions. Parsed with micromark, which gives every construct its exact offsets (markdown-it
 * maps only blocks to lines, so inline code and link destinations would need a second scan of each block);
 * indented code blocks are turned off, since an indented paragraph pasted from a word processor is prose.
 *
 * micromark takes ~6 ms for a 2,000-word draft, more than a re-check may spend. These constructs never cross a
 * blank line — but a fenced block may hold blank lines — so the draft is parsed block by block (from the first
 * fence to the end as one block), only blocks holding a character that can open one are parsed at all, and each
 * block's answer is remembered: a re-check after an edit parses the edited block alone.
 */
import { parse, postprocess, preprocess } from 'micromark';

/** The constructs whose text is not prose, by micromark's token types. */
const NOT_PROSE = new Set(['codeFenced', 'codeText', 'htmlFlow', 'htmlText', 'resourceDestination', 'definition', 'autolink']);
const NO_INDENTED_CODE = { disable: { null: ['codeIndented'] } };
/** A character or pair without which a block holds none of those constructs. */
const MAY_HOLD = /[`<~]|\]\s*[(:]/;
const BLANK_LINE = /\n[ \t]*\r?\n/g;
const FENCE = /^ {0,3}(?:```|~~~)/m;
/** Blocks whose answers are kept: many more than a long draft has. */
const REMEMBERED_BLOCKS = 5000;
const remembered = new Map<string, Array<[number, number]>>();

/** [start, end) ranges of `text` from `from` on that are not prose, in order, not overlapping. */
export function markdownNonProse(text: string, from = 0): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const [start, end] of blocks(text, from)) {
    const block = text.slice(start, end);
    if (!MAY_HOLD.test(block)) continue;
    for (const [a, b] of parsedBlock(block)) ranges.push([start + a, start + b]);
  }
  return ranges;
}

/** [start, end) of each run of lines between blank lines; from the first fence on, one block to the end. */
function blocks(text: string, from: number): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let start = from;
  BLANK_LINE.lastIndex = from;
  for (let blank = BLANK_LINE.exec(text); blank; blank = BLANK_LINE.exec(text)) {
    if (FENCE.test(text.slice(start, blank.index))) break;
    found.push([start, blank.index]);
    start = blank.index + blank[0].length;
  }
  found.push([start, text.length]);
  return found;
}

function parsedBlock(block: string): Array<[number, number]> {
  let ranges = remembered.get(block);
  if (!ranges) {
    ranges = [];
    const events = postprocess(
      parse({ extensions: [NO_INDENTED_CODE] })
        .document()
        .write(preprocess()(block, undefined, true)),
    );
    let openUntil = -1;
    for (const [kind, token] of events) {
      if (kind !== 'enter' || !NOT_PROSE.has(token.type) || token.start.offset < openUntil) continue;
      ranges.push([token.start.offset, token.end.offset]);
      openUntil = token.end.offset;
    }
    if (remembered.size >= REMEMBERED_BLOCKS) remembered.clear();
    remembered.set(block, ranges);
  }
  return ranges;
}
