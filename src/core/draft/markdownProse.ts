/**
 * What in a Markdown draft is not prose: fenced code, inline code, HTML (comments among it), link destinations and
 * link reference definitions. Parsed with micromark, which gives every construct its exact offsets (markdown-it
 * maps only blocks to lines, so inline code and link destinations would need a second scan); indented code blocks
 * are turned off, since an indented paragraph pasted from a word processor is prose.
 */
import { parse, postprocess, preprocess } from 'micromark';

/** The constructs whose text is not prose, by micromark's token types. */
const NOT_PROSE = new Set(['codeFenced', 'codeText', 'htmlFlow', 'htmlText', 'resourceDestination', 'definition', 'autolink']);
const NO_INDENTED_CODE = { disable: { null: ['codeIndented'] } };

/** [start, end) ranges of `text` from `from` on that are not prose, in order, not overlapping. */
export function markdownNonProse(text: string, from = 0): Array<[number, number]> {
  const body = text.slice(from);
  const events = postprocess(
    parse({ extensions: [NO_INDENTED_CODE] })
      .document()
      .write(preprocess()(body, undefined, true)),
  );
  const ranges: Array<[number, number]> = [];
  let openUntil = -1;
  for (const [kind, token] of events) {
    if (kind !== 'enter' || !NOT_PROSE.has(token.type) || token.start.offset < openUntil) continue;
    ranges.push([from + token.start.offset, from + token.end.offset]);
    openUntil = token.end.offset;
  }
  return ranges;
}
