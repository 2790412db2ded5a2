/**
 * Positioned text of PDF pages into paragraphs in reading order: running headers and footers, page numbers and
 * UN document symbols dropped; two-column pages (UN verbatim records) read column by column; lines joined, with
 * line-end hyphens resolved by the document's own vocabulary (as reflow does for text files).
 */
import { keepsHyphen, vocabularyOf } from '../reflow';
import type { ExtractedBlock } from './extracted';

export interface PositionedText {
  text: string;
  /** Left edge and baseline, in PDF points from the page's bottom left. */
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PositionedPage {
  width: number;
  height: number;
  items: PositionedText[];
}

/** The top and bottom of a page where running headers and footers sit, as a share of its height. */
const MARGIN_BAND = 0.09;
/** A page number, a UN symbol ("S/PV.7898", "A/70/PV.16"), a job number ("17-06915"), a date, "(E)", a bar code. */
const FURNITURE_TOKEN = /^(?:\d{1,4}(?:\/\d{1,4})?|[AS]\/(?:[\w.-]+\/)*[\w.-]+|\d{2}-\d{5}|\(E\)|\*\d{5,}\*|\d{1,2}\/\d{1,2}\/\d{4}|Page)$/;
/** A gutter is at least this wide (points): wider than any space between words. */
const GUTTER = 9;
/** Lines crossing the gutter (a title over both columns) may be at most this share of a page's items. */
const SPANNING_SHARE = 0.15;
/** Each column holds at least this share of a page's characters. */
const COLUMN_SHARE = 0.1;
const TERMINAL = /[.!?:;]["'”’)\]]*$/;
const STARTS_LOWER = /^["'“‘(]?\p{Ll}/u;
const LINE_END_HYPHEN = /(\p{L}+)-$/u;
const NEXT_WORD = /^\p{Ll}\p{L}*/u;

interface Line {
  text: string;
  /** Left and right edges. */
  x: number;
  end: number;
  y: number;
  fontSize: number;
}

/** The lines of one column (or of a line over both), top to bottom. */
type Flow = Line[];

interface Paragraph {
  lines: string[];
  page: number;
}

export function readingOrder(pages: PositionedPage[]): ExtractedBlock[] {
  const running = runningLines(pages);
  const paragraphs: Paragraph[] = [];
  let flowEnded = true;
  pages.forEach((page, index) => {
    const body = page.items.filter((item) => !isFurniture(item, page, running));
    for (const flow of flows(body, page.width)) {
      paragraphsOfFlow(flow).forEach((lines, i) => {
        const last = paragraphs[paragraphs.length - 1];
        // A sentence running on from the foot of a column or page to the head of the next.
        const continues = i === 0 && last && !flowEnded && STARTS_LOWER.test(lines[0]);
        if (continues) last.lines.push(...lines);
        else paragraphs.push({ lines, page: index + 1 });
      });
      const last = paragraphs[paragraphs.length - 1];
      flowEnded = !last || TERMINAL.test(last.lines[last.lines.length - 1]);
    }
  });
  const vocabulary = vocabularyOf(paragraphs.map((p) => p.lines.join('\n')).join('\n'));
  return paragraphs.map(({ lines, page }) => ({ text: joinLines(lines, vocabulary), page }));
}

/** Text in the margin bands that repeats on most pages (digits aside: "Page 3" is "Page 4" one page on). */
function runningLines(pages: PositionedPage[]): Set<string> {
  const running = new Set<string>();
  if (pages.length < 2) return running;
  const counts = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set(page.items.filter((item) => inMargin(item, page)).map(runningKey));
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, count] of counts) if (count >= Math.max(2, pages.length / 2)) running.add(key);
  return running;
}

function runningKey(item: PositionedText): string {
  return `${Math.round(item.y)}\u0000${item.text.replace(/\d+/g, '#').trim()}`;
}

function inMargin(item: PositionedText, page: PositionedPage): boolean {
  return item.y > page.height * (1 - MARGIN_BAND) || item.y < page.height * MARGIN_BAND;
}

function isFurniture(item: PositionedText, page: PositionedPage, running: Set<string>): boolean {
  if (!inMargin(item, page)) return false;
  return (
    running.has(runningKey(item)) ||
    item.text
      .trim()
      .split(/\s+/)
      .every((token) => FURNITURE_TOKEN.test(token))
  );
}

/**
 * A page's lines in reading order. On a two-column page the lines over both columns (a title, a heading) cut it
 * into bands, and each band is read left column, then right.
 */
function flows(items: PositionedText[], pageWidth: number): Flow[] {
  const gutter = findGutter(items, pageWidth);
  if (gutter === null) return [toLines(items)];
  const left = toLines(items.filter((item) => item.x + item.width <= gutter));
  const right = toLines(items.filter((item) => item.x >= gutter));
  const spanning = toLines(items.filter((item) => item.x < gutter && item.x + item.width > gutter));
  const result: Flow[] = [];
  let above = Infinity;
  for (const cut of [...spanning, null]) {
    const below = cut ? cut.y : -Infinity;
    const inBand = (line: Line) => line.y < above && line.y >= below;
    result.push(left.filter(inBand), right.filter(inBand));
    if (cut) result.push([cut]);
    above = below;
  }
  return result.filter((flow) => flow.length > 0);
}

/** The x of a vertical strip no more than a few items cross, with enough text on either side; null for one column. */
function findGutter(items: PositionedText[], pageWidth: number): number | null {
  const characters = items.reduce((sum, item) => sum + item.text.length, 0);
  let best: { x: number; crossing: number; run: number } | null = null;
  let run = 0;
  let previousCrossing = -1;
  for (let x = Math.round(pageWidth * 0.3); x <= pageWidth * 0.7; x++) {
    const crossing = items.filter((item) => item.x < x + GUTTER / 2 && item.x + item.width > x - GUTTER / 2).length;
    run = crossing === previousCrossing ? run + 1 : 1;
    previousCrossing = crossing;
    // Among the clearest strips, the middle of the widest.
    if (!best || crossing < best.crossing || (crossing === best.crossing && run > best.run)) {
      best = { x: x - Math.floor((run - 1) / 2), crossing, run };
    }
  }
  if (!best || best.crossing > items.length * SPANNING_SHARE) return null;
  const x = best.x;
  const leftCharacters = items.filter((item) => item.x + item.width <= x).reduce((sum, item) => sum + item.text.length, 0);
  const rightCharacters = items.filter((item) => item.x >= x).reduce((sum, item) => sum + item.text.length, 0);
  return leftCharacters >= characters * COLUMN_SHARE && rightCharacters >= characters * COLUMN_SHARE ? x : null;
}

/** Items on one baseline (within half a font size) make a line, read left to right. */
function toLines(items: PositionedText[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; fontSize: number; items: PositionedText[] }> = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - item.y) <= Math.max(line.fontSize, item.fontSize) / 2) line.items.push(item);
    else lines.push({ y: item.y, fontSize: item.fontSize, items: [item] });
  }
  return lines
    .map(({ y, fontSize, items: lineItems }) => {
      lineItems.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const item of lineItems) {
        const gap = item.x - end > fontSize * 0.15;
        if (text && gap && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
        text += item.text;
        end = item.x + item.width;
      }
      return { text: text.replace(/\s+/g, ' ').trim(), x: lineItems[0].x, end, y, fontSize };
    })
    .filter((line) => line.text.length > 0);
}

/**
 * A flow's lines into paragraphs. A new one starts where the space above a line is clearly more than the usual
 * leading, where the type grows (a heading), where a line is indented under one that is not (UN records mark
 * paragraphs so), and after a sentence that ends well short of the column's edge.
 */
function paragraphsOfFlow(flow: Flow): string[][] {
  const gaps = flow.slice(1).map((line, i) => flow[i].y - line.y);
  const leading = median(gaps) ?? Infinity;
  const left = Math.min(...flow.map((line) => line.x));
  const right = Math.max(...flow.map((line) => line.end));
  const paragraphs: string[][] = [];
  flow.forEach((line, i) => {
    const previous = flow[i - 1];
    // Paragraphs of one line each: the median gap is then the space between paragraphs, not the leading.
    const breaks =
      !previous ||
      gaps[i - 1] > Math.min(leading, line.fontSize * 1.3) * 1.4 ||
      line.fontSize > previous.fontSize * 1.15 ||
      (line.x > left + line.fontSize && previous.x < left + line.fontSize / 2) ||
      (previous.end < right - line.fontSize * 4 && TERMINAL.test(previous.text));
    if (breaks) paragraphs.push([line.text]);
    else paragraphs[paragraphs.length - 1].push(line.text);
  });
  return paragraphs;
}

function joinLines(lines: string[], vocabulary: Set<string>): string {
  let text = lines[0];
  for (const next of lines.slice(1)) {
    const head = text.endsWith('-') ? LINE_END_HYPHEN.exec(text.slice(-40)) : null;
    const tail = head ? NEXT_WORD.exec(next) : null;
    if (head && tail) text = (keepsHyphen(head[1], tail[0], vocabulary) ? text : text.slice(0, -1)) + next;
    else text += ` ${next}`;
  }
  return text;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
