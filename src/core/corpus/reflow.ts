/**
 * Hard-wrapped lines back into paragraphs, keeping for every character of the result the offset in the file it
 * came from. Line-end hyphens are resolved by the document's own vocabulary; OCR joins and splits are left as
 * written (search tolerates them).
 */
import { expandLigature } from '../text/normalize';
import { lastAtOrBelow } from '../text/sorted';
import type { LineContent } from './furniture';

export interface ReflowedParagraph {
  text: string;
  /** Where each UTF-16 unit of `text` is in the file. */
  sources: SourceMap;
}

interface ContentLine {
  start: number;
  end: number;
  /** Blank lines seen between the previous content line and this one. */
  blankBefore: boolean;
}

const TERMINAL = /[.!?:;]["'”’)\]]*$/;
const STARTS_LOWER = /^["'“‘(]?\p{Ll}/u;
const ENUMERATION_START = /^(?:\(\w{1,4}\)|\d{1,3}[.)]\s|[•▪●◦·*-]\s)/u;
const LINE_END_HYPHEN = /(\p{L}+)-$/u;

/** A character that is copied as it is: below U+00A0, neither a space nor a tab. */
function isPlain(code: number): boolean {
  return code < 0xa0 && code !== 0x20 && code !== 0x09;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x3000;
}

/** Zero-width characters a reader never sees: a stray BOM, zero-width space, soft hyphen. */
function isIgnored(code: number): boolean {
  return code === 0xfeff || code === 0x200b || code === 0xad;
}

function isBlank(code: number): boolean {
  return isSpace(code) || isIgnored(code);
}

function isLigature(code: number): boolean {
  return code >= 0xfb00 && code <= 0xfb06;
}

export function reflow(text: string, contents: LineContent[]): ReflowedParagraph[] {
  const lines = contentLines(text, contents);
  if (lines.length === 0) return [];
  const lengths = lines.map((line) => line.end - line.start);
  const wrapWidth = hardWrapWidth(lengths);
  const paragraphs: ReflowedParagraph[] = [];
  // Built on the first line-end hyphen: most documents have none.
  let vocabulary: Set<string> | null = null;
  let current = new ParagraphBuilder();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i > 0) {
      const previous = text.slice(lines[i - 1].start, lines[i - 1].end);
      const next = text.slice(line.start, line.end);
      const join = wrapWidth !== null && continuesParagraph(previous, next, line.blankBefore, wrapWidth);
      if (!join) {
        paragraphs.push(current.finish());
        current = new ParagraphBuilder();
      } else {
        const head = previous.endsWith('-') ? LINE_END_HYPHEN.exec(previous.slice(-40)) : null;
        const tail = head ? /^\p{Ll}\p{L}*/u.exec(next) : null;
        if (head && tail) current.joinHyphenated(keepsHyphen(head[1], tail[0], (vocabulary ??= vocabularyOf(text))));
        else current.space(lines[i - 1].end);
      }
    }
    current.append(text, line.start, line.end);
  }
  paragraphs.push(current.finish());
  return paragraphs.filter((paragraph) => paragraph.text.length > 0);
}

function contentLines(text: string, contents: LineContent[]): ContentLine[] {
  const lines: ContentLine[] = [];
  let blank = false;
  for (const content of contents) {
    if (content === null) continue;
    let { start, end } = content;
    while (start < end && isBlank(text.charCodeAt(start))) start++;
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    if (start === end) {
      blank = true;
      continue;
    }
    lines.push({ start, end, blankBefore: blank });
    blank = false;
  }
  return lines;
}

/**
 * The width a document was wrapped at, or null when its lines are paragraphs already (web pages, Word
 * exports). Wrapped text has most lines of a similar, modest length.
 */
function hardWrapWidth(lengths: number[]): number | null {
  if (lengths.length < 4) return null;
  const sorted = [...lengths].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (median > 130 || median < 25) return null;
  const width = sorted[Math.floor(sorted.length * 0.8)];
  const nearWidth = lengths.filter((length) => length >= width * 0.7 && length <= width * 1.5).length;
  return nearWidth >= lengths.length * 0.5 ? width : null;
}

function continuesParagraph(previous: string, next: string, blankBetween: boolean, wrapWidth: number): boolean {
  const ended = TERMINAL.test(previous);
  if (blankBetween) {
    // A PDF extract may put a blank line mid-sentence ("members of", blank, "society.").
    return !ended && (STARTS_LOWER.test(next) || previous.length >= wrapWidth * 0.8);
  }
  if (ENUMERATION_START.test(next)) return false;
  if (previous.length < wrapWidth * 0.6) return false;
  return !(ended && previous.length < wrapWidth * 0.8);
}

/** "human-" + "centred" keeps its hyphen; "protec-" + "tion" joins. */
export function keepsHyphen(head: string, tail: string, vocabulary: Set<string>): boolean {
  const lowerHead = head.toLowerCase();
  const lowerTail = tail.toLowerCase();
  if (vocabulary.has(lowerHead + lowerTail)) return false;
  if (vocabulary.has(`${lowerHead}-${lowerTail}`)) return true;
  return vocabulary.has(lowerHead) && lowerHead.length > 1;
}

/**
 * Words the document uses whole, and its hyphenated compounds; a word cut by a line-end hyphen is not one. Words
 * are runs of letters and hyphens, found by a scan of the text's characters (most documents of a large corpus have
 * a line-end hyphen somewhere, and a split by a Unicode pattern costs several times more).
 */
export function vocabularyOf(text: string): Set<string> {
  const words = new Set<string>();
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length;) {
    const width = i < lower.length ? letterOrHyphenWidth(lower, i) : 0;
    if (width > 0) {
      if (start < 0) start = i;
      i += width;
      continue;
    }
    if (start >= 0) {
      const chunk = lower.slice(start, i);
      start = -1;
      if (!chunk.endsWith('-')) {
        words.add(chunk);
        if (chunk.includes('-')) for (const part of chunk.split('-')) words.add(part);
      }
    }
    i++;
  }
  return words;
}

const LETTER = /\p{L}/u;

/** The UTF-16 units of the letter or hyphen at `i` (two for a letter beyond the Basic Plane), 0 for anything else. */
function letterOrHyphenWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x2d ? 1 : 0;
  const point = text.codePointAt(i)!;
  const char = String.fromCodePoint(point);
  return LETTER.test(char) ? char.length : 0;
}

/**
 * Where each character of a reflowed paragraph came from, as runs: a run of characters copied from the file maps
 * by a constant shift, so one pair (text offset, file offset) per run is enough.
 */
export class SourceMap {
  constructor(
    private readonly textStarts: number[],
    private readonly sourceStarts: number[],
  ) {}

  /** The file offset of the paragraph's character at `offset`. */
  sourceOf(offset: number): number {
    const run = lastAtOrBelow(this.textStarts, offset);
    return this.sourceStarts[run] + (offset - this.textStarts[run]);
  }
}

class ParagraphBuilder {
  private text = '';
  private readonly textStarts: number[] = [];
  private readonly sourceStarts: number[] = [];
  private pendingSpace = -1;

  append(source: string, start: number, end: number): void {
    let runStart = start;
    const flushRun = (runEnd: number) => {
      if (runEnd <= runStart) return;
      this.flushSpace();
      this.map(runStart);
      this.text += source.slice(runStart, runEnd);
    };
    for (let i = start; i < end; i++) {
      const code = source.charCodeAt(i);
      if (code < 0xa0 && code !== 0x20 && code !== 0x09) continue;
      // A single space between words is copied with them, as the run would emit it: one run a line, not a word.
      if (code === 0x20 && i > runStart && i + 1 < end && isPlain(source.charCodeAt(i + 1))) continue;
      if (isSpace(code)) {
        flushRun(i);
        if (this.pendingSpace < 0 && this.text.length > 0) this.pendingSpace = i;
        runStart = i + 1;
      } else if (isIgnored(code) || isLigature(code)) {
        flushRun(i);
        runStart = i + 1;
        if (isLigature(code)) {
          this.flushSpace();
          // Each letter of "fi" comes from the one "ﬁ".
          for (const letter of expandLigature(source[i])) {
            this.map(i);
            this.text += letter;
          }
        }
      }
    }
    flushRun(end);
  }

  space(sourceOffset: number): void {
    if (this.pendingSpace < 0 && this.text.length > 0) this.pendingSpace = sourceOffset;
  }

  /** Joins across a line-end hyphen: the hyphen is already in the text; drop it unless the word keeps it. */
  joinHyphenated(keep: boolean): void {
    this.pendingSpace = -1;
    if (!keep && this.text.endsWith('-')) {
      this.text = this.text.slice(0, -1);
      if (this.textStarts[this.textStarts.length - 1] === this.text.length) {
        this.textStarts.pop();
        this.sourceStarts.pop();
      }
    }
  }

  finish(): ReflowedParagraph {
    // The text is made of slices of the file's text, which would keep the whole file in memory: flattened into a
    // string of its own (slicing a concatenation copies it).
    const text = `${this.text} `.slice(0, -1);
    return { text, sources: new SourceMap(this.textStarts, this.sourceStarts) };
  }

  /** The next character appended comes from `sourceOffset`; starts a run unless it continues the last one. */
  private map(sourceOffset: number): void {
    const last = this.textStarts.length - 1;
    if (last >= 0 && this.sourceStarts[last] + (this.text.length - this.textStarts[last]) === sourceOffset) return;
    this.textStarts.push(this.text.length);
    this.sourceStarts.push(sourceOffset);
  }

  private flushSpace(): void {
    if (this.pendingSpace < 0) return;
    this.map(this.pendingSpace);
    this.text += ' ';
    this.pendingSpace = -1;
  }
}
