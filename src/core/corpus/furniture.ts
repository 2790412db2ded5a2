/**
 * Page furniture: text on the page that is not part of the statement. UN verbatim records carry job numbers,
 * page counters and the record's symbol and date, often in the middle of a paragraph; mission web pages end with
 * menus, social links, copyright and address lines.
 */
import type { Line } from './lines';

/** "15-29431 41/51", "10-54833 30" — the UN job number and page, at the start of a line. */
const JOB_NUMBER_PREFIX = /^[ \t\u00a0]*\d{2}-\d{5}[ \t\u00a0]+\d{1,3}(?:\/\d{1,3})?(?=\s|$)[ \t\u00a0]*/;
const INLINE_SPACE = String.raw`[ \t\u00a0]`;
const RECORD_SYMBOL = String.raw`[AS]\/(?:ES-\d+\/)?\d+\/PV\.\d+`;
const RECORD_DATE = String.raw`\d{2}\/\d{2}\/\d{4}`;
const RECORD_HEADER = String.raw`${RECORD_SYMBOL}${INLINE_SPACE}+${RECORD_DATE}|${RECORD_DATE}${INLINE_SPACE}+${RECORD_SYMBOL}`;
/** "A/70/PV.16 29/09/2015" or "29/09/2015 A/70/PV.16" — a meeting record's running header. */
const RECORD_HEADER_PREFIX = new RegExp(String.raw`^${INLINE_SPACE}*(?:${RECORD_HEADER})(?=\s|$)${INLINE_SPACE}*`);
const SOCIAL_NETWORKS = 'Facebook|Twitter|X|YouTube|Youtube|Instagram|LinkedIn|Flickr';
/** "Facebook | Twitter | YouTube": two or more networks in a row. */
const SOCIAL_LINKS = String.raw`(?:${SOCIAL_NETWORKS})(?:\s*[|·•]?\s*(?:${SOCIAL_NETWORKS}))+`;
const FOOTER_HEADINGS = String.raw`Sitemap\b.*|Copyright\b.*|©.*|All rights reserved.*|Privacy Policy.*|Back to top.*|Page top.*`;
/** A line that opens a web page's footer. */
const FOOTER_START = new RegExp(String.raw`^\s*(?:${SOCIAL_LINKS}|${FOOTER_HEADINGS})\s*$`, 'i');
const FOOTER_LINE_MAX = 160;

/** What is left of a line once furniture is cut: [start, end) in the file, or null when nothing is. */
export type LineContent = { start: number; end: number } | null;

export function stripFurniture(text: string, lines: Line[]): LineContent[] {
  const contents: LineContent[] = lines.map((line) => {
    let start = line.start;
    const rest = () => text.slice(start, line.end);
    for (;;) {
      const prefix = JOB_NUMBER_PREFIX.exec(rest()) ?? RECORD_HEADER_PREFIX.exec(rest());
      if (!prefix || prefix[0].length === 0) break;
      start += prefix[0].length;
    }
    if (start === line.start) return { start, end: line.end };
    // A line that was all furniture disappears, so the paragraph around it reads on.
    return start >= line.end ? null : { start, end: line.end };
  });
  const footer = footerStart(text, lines);
  for (let i = footer; i < lines.length; i++) contents[i] = null;
  return contents;
}

/** The first line of a trailing footer block: a footer marker followed only by short lines. */
function footerStart(text: string, lines: Line[]): number {
  let candidate = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const content = text.slice(lines[i].start, lines[i].end);
    if (content.length > FOOTER_LINE_MAX) break;
    if (FOOTER_START.test(content)) candidate = i;
  }
  return candidate;
}
