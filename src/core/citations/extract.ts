/**
 * Resolution citations in running text, with exact offsets: "Security Council resolution 2331 (2016)",
 * "resolutions 1325 (2000), 1820 (2008) and 2467 (2019)", "S/RES/2331 (2016)", "General Assembly resolution 70/1",
 * "A/RES/70/1", "resolution 68/247 B", "resolution 1514 (XV)", "217 A (III)", and a date stated next to one
 * ("2331, adopted on 20 December 2016").
 */

export type Body = 'security-council' | 'general-assembly';

export interface Citation {
  /** Who adopted it, by the words around it or its form; null when neither tells. */
  body: Body | null;
  /** Whether the body was named in words ("Security Council resolution …"), not only implied by the form. */
  bodyNamed: boolean;
  /** The resolution's number: 2331 of "2331 (2016)", 1 of "70/1", 1514 of "1514 (XV)". */
  number: number;
  /** General Assembly session: 70 of "70/1", 15 of "1514 (XV)". */
  session: number | null;
  suffix: string | null;
  /** As written, without the year: "2331", "70/1", "68/247 B", "1514 (XV)". */
  label: string;
  /** The year in parentheses, "(2016)". */
  year: number | null;
  start: number;
  end: number;
  numberStart: number;
  numberEnd: number;
  yearStart: number | null;
  yearEnd: number | null;
  /** "adopted in December 2016" or "adopted last December" next to the citation. */
  statedDate: StatedDate | null;
}

export interface StatedDate {
  /** The year, when the prose gives one or it follows from the document's exact date. */
  year: number;
  /** The prose, as written: "December 2016", "last December". */
  text: string;
  start: number;
  end: number;
  relative: boolean;
}

/**
 * The body named before "resolution": "Security Council", "UNSC", "the Council's" (the Security Council, for a
 * plain number); another council's name ("Human Rights Council") is caught so that it names no body of ours.
 */
const OTHER_BODIES = [
  String.raw`Human\s+Rights\s+Council`,
  String.raw`Economic\s+and\s+Social\s+Council`,
  'ECOSOC',
  'HRC',
  String.raw`Trusteeship\s+Council`,
  String.raw`Peace\s+and\s+Security\s+Council`,
].join('|');
const OUR_BODIES = String.raw`Security\s+Council|General\s+Assembly|UNSC|UNGA|SC|GA`;
const THE_COUNCIL = String.raw`(?<=\b(?:the|The|this|This)\s+)(?<council>Council)`;
const BODY_WORDS = String.raw`(?:(?:(?<other>${OTHER_BODIES})|(?<body>${OUR_BODIES})|${THE_COUNCIL})(?:['’]s)?\s+)?`;
const HEAD = new RegExp(String.raw`\b(?:${BODY_WORDS}[Rr]esolutions?|(?<abbreviation>(?:UN)?SCRs?))\s+(?:(?:No|Nos)\.?\s*)?`, 'g');
const SYMBOL = new RegExp(
  String.raw`\b(?<organ>[SA])\/[Rr][Ee][Ss]\/(?:(?<session>\d{1,3})\/)?(?<number>\d{1,4})(?:\s?(?<suffix>[A-Z])\b)?` +
    String.raw`(?:\s*\((?<paren>\d{4}|(?:ES-|S-)?[IVXLC]+)\))?`,
  'g',
);
const GA_NEW = /(?<session>\d{1,3})\/(?<number>\d{1,4})(?:\s?(?<suffix>[A-Z])\b)?/y;
const GA_ROMAN = /(?<number>\d{1,4})\s*(?:(?<suffix>[A-Z])\s*)?\((?<roman>(?:ES-|S-)?[IVXLC]+)\)/y;
const NUMBERED = /(?<number>\d{1,4})(?![\d/.,]\d)(?:\s*\((?<year>\d{4})\))?/y;
const LIST_SEPARATOR = /\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)/y;
/** "resolutions 1325 (2000) to 2467 (2019)": both ends are citations (taken only when both carry a year). */
const RANGE_SEPARATOR = /\s*(?:to|through|[–—-])\s*/y;
const AFTER_WORDS = /^\s*of\s+the\s+(?<body>Security\s+Council|General\s+Assembly)/;

const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
const STATED_DATE =
  String.raw`(?<date>\d{1,2}\s+(?:${MONTH_NAMES})\s+\d{4}|(?:${MONTH_NAMES})\s+\d{1,2},?\s+\d{4}|(?:${MONTH_NAMES})\s+\d{4}|\d{4}` +
  String.raw`|last\s+(?:year|month|${MONTH_NAMES})|this\s+year|earlier\s+this\s+year)(?![\d/])`;
/** "…, which was adopted in December 2016", "…, adopted on 20 December 2016", "… of 24 September 2014", "… of 2014". */
const ADOPTED = new RegExp(
  String.raw`^(?:\s+of\s+the\s+(?:Security\s+Council|General\s+Assembly))?(?:[\s,]*(?:(?:which|that)\s+(?:was|were)\s+|as\s+)?` +
    String.raw`(?:unanimously\s+)?adopted\s+(?:unanimously\s+)?(?:by\s+the\s+(?:Security\s+)?Council\s+)?(?:on\s+|in\s+)?|\s+of\s+)` +
    STATED_DATE,
);
/** The plain-number form of a resolution adopted from 1976 on is the Security Council's: the Assembly's are "31/1". */
const FIRST_SESSION_NUMBERED_YEAR = 1976;
const MONTH_INDEX = new Map(MONTH_NAMES.split('|').map((name, i) => [name.toLowerCase(), i + 1]));

/** Context words that tell the body of a bare "resolution 2331", nearest first. */
const CONTEXT_BODY = /(Security\s+Council|General\s+Assembly)/g;
const CONTEXT_WINDOW = 400;

export interface ExtractOptions {
  /** The document's date (full or partial ISO): resolves "adopted last December" when it is exact. */
  documentDate?: string | null;
}

export function extractCitations(text: string, options: ExtractOptions = {}): Citation[] {
  const citations: Citation[] = [];
  const taken: Array<[number, number]> = [];
  const documentDate = options.documentDate ?? null;
  for (const match of text.matchAll(SYMBOL)) {
    const citation = symbolCitation(text, match);
    if (citation) {
      citation.statedDate = statedDateAfter(text, citation.end, documentDate);
      citations.push(citation);
      taken.push([citation.start, citation.end]);
    }
  }
  for (const head of text.matchAll(HEAD)) {
    const start = head.index ?? 0;
    if (taken.some(([a, b]) => start < b && start + head[0].length > a)) continue;
    citations.push(...listAfterHead(text, head, documentDate));
  }
  return citations.sort((a, b) => a.start - b.start);
}

function symbolCitation(text: string, match: RegExpMatchArray): Citation | null {
  const groups = match.groups!;
  const start = match.index ?? 0;
  const number = Number(groups.number);
  const numberStart = start + match[0].indexOf(groups.number, groups.organ.length + 5);
  const base = { bodyNamed: true, suffix: groups.suffix ?? null, start, end: start + match[0].length, statedDate: null };
  if (groups.organ === 'S') {
    if (groups.session) return null;
    const year = groups.paren && /^\d{4}$/.test(groups.paren) ? Number(groups.paren) : null;
    const yearStart = year === null ? null : start + match[0].lastIndexOf(groups.paren);
    return {
      ...base,
      body: 'security-council',
      number,
      session: null,
      label: groups.number,
      year,
      numberStart,
      numberEnd: numberStart + groups.number.length,
      yearStart,
      yearEnd: yearStart === null ? null : yearStart + 4,
    };
  }
  const session = groups.session ? Number(groups.session) : groups.paren ? romanToNumber(groups.paren) : null;
  const labelStart = groups.session ? start + 6 : numberStart;
  return {
    ...base,
    body: 'general-assembly',
    number,
    session,
    label: text.slice(labelStart, base.end).replace(/\s+/g, ' '),
    year: null,
    numberStart: labelStart,
    numberEnd: base.end,
    yearStart: null,
    yearEnd: null,
  };
}

/** "resolution 2331 (2016)" or "resolutions 1325 (2000), 1820 (2008) and 2467 (2019)": each item of the list. */
function listAfterHead(text: string, head: RegExpMatchArray, documentDate: string | null): Citation[] {
  const headStart = head.index ?? 0;
  const groups = head.groups!;
  const named = groups.body ? bodyFromWords(groups.body) : groups.abbreviation ? 'security-council' : null;
  const items: Citation[] = [];
  let at = headStart + head[0].length;
  for (;;) {
    const item = itemAt(text, at);
    if (!item) break;
    items.push(item);
    const next = nextItemStart(text, item);
    if (next === null) break;
    at = next;
  }
  if (items.length === 0) return [];
  const last = items[items.length - 1];
  // A date after a list ("1325 and 1820, adopted in 2000 and 2008") is not the last one's alone.
  if (items.length === 1) last.statedDate = statedDateAfter(text, last.end, documentDate);
  const after = named ? null : AFTER_WORDS.exec(text.slice(last.end, last.end + 60));
  const wordsBody = named ?? (after ? bodyFromWords(after.groups!.body) : null);
  items[0].start = headStart;
  for (const item of items) {
    const formBody = item.body ?? (laterThanOldNumbering(item) ? 'security-council' : null);
    if (groups.other) {
      item.body = null;
      continue;
    }
    // "the Council's resolution 2331" is the Security Council's; "the Council's resolution 16/18", another council's.
    const councilBody = groups.council && item.session === null ? 'security-council' : null;
    item.bodyNamed = wordsBody !== null || councilBody !== null;
    item.body = groups.council ? councilBody : (wordsBody ?? formBody ?? bodyFromContext(text, headStart));
  }
  return items;
}

/** Where the next item of a list starts ("1325 (2000), 1820 (2008) and …", "1325 (2000) to 2467 (2019)"), or null. */
function nextItemStart(text: string, item: Citation): number | null {
  LIST_SEPARATOR.lastIndex = item.end;
  const separator = LIST_SEPARATOR.exec(text);
  if (separator && itemAt(text, separator.index + separator[0].length)) return separator.index + separator[0].length;
  RANGE_SEPARATOR.lastIndex = item.end;
  const range = item.year !== null ? RANGE_SEPARATOR.exec(text) : null;
  const end = range ? range.index + range[0].length : null;
  return end !== null && itemAt(text, end)?.year != null ? end : null;
}

/** A plain number with a year of adoption from 1976 on: the General Assembly numbered by session by then. */
function laterThanOldNumbering(item: Citation): boolean {
  const year = item.year ?? item.statedDate?.year ?? null;
  return item.session === null && year !== null && year >= FIRST_SESSION_NUMBERED_YEAR;
}

function itemAt(text: string, at: number): Citation | null {
  const base = { bodyNamed: false, statedDate: null, yearStart: null, yearEnd: null, year: null, start: at };
  // "70/1", "68/247 B" (session/number) or "1514 (XV)", "217 A (III)" (number and Roman session).
  for (const form of [GA_NEW, GA_ROMAN]) {
    form.lastIndex = at;
    const m = form.exec(text);
    if (!m) continue;
    const g = m.groups!;
    return {
      ...base,
      body: 'general-assembly',
      number: Number(g.number),
      session: g.session ? Number(g.session) : romanToNumber(g.roman),
      suffix: g.suffix ?? null,
      label: m[0].replace(/\s+/g, ' '),
      end: at + m[0].length,
      numberStart: at,
      numberEnd: at + m[0].length,
    };
  }
  NUMBERED.lastIndex = at;
  const m = NUMBERED.exec(text);
  if (!m) return null;
  const g = m.groups!;
  const yearStart = g.year ? at + m[0].lastIndexOf(g.year) : null;
  return {
    ...base,
    // "2331 (2016)" — number and year of adoption — is how Security Council resolutions are cited.
    body: g.year ? 'security-council' : null,
    number: Number(g.number),
    session: null,
    suffix: null,
    label: g.number,
    year: g.year ? Number(g.year) : null,
    end: at + m[0].length,
    numberStart: at,
    numberEnd: at + g.number.length,
    yearStart,
    yearEnd: yearStart === null ? null : yearStart + 4,
  };
}

function bodyFromWords(words: string): Body {
  return /^(?:Security|UNSC|SC)/.test(words) ? 'security-council' : 'general-assembly';
}

/** The body named nearest before a bare citation, in the same stretch of text. */
function bodyFromContext(text: string, at: number): Body | null {
  const window = text.slice(Math.max(0, at - CONTEXT_WINDOW), at);
  let last: string | null = null;
  for (const match of window.matchAll(CONTEXT_BODY)) last = match[1];
  return last ? bodyFromWords(last) : null;
}

function statedDateAfter(text: string, end: number, documentDate: string | null): StatedDate | null {
  const following = text.slice(end, end + 120);
  const match = ADOPTED.exec(following);
  if (!match) return null;
  const written = match.groups!.date;
  const start = end + match[0].length - written.length;
  const absolute = /(\d{4})$/.exec(written);
  if (absolute) return { year: Number(absolute[1]), text: written, start, end: start + written.length, relative: false };
  const year = resolveRelativeYear(written, documentDate);
  return year === null ? null : { year, text: written, start, end: start + written.length, relative: true };
}

/** "last December" in a statement of 15 March 2017 is December 2016; only an exact document date will do. */
function resolveRelativeYear(written: string, documentDate: string | null): number | null {
  const exact = documentDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(documentDate) : null;
  if (!exact) return null;
  const year = Number(exact[1]);
  const month = Number(exact[2]);
  const words = written.toLowerCase().split(/\s+/);
  if (words[0] === 'this' || words[0] === 'earlier') return year;
  if (words[1] === 'year') return year - 1;
  if (words[1] === 'month') return month === 1 ? year - 1 : year;
  const named = MONTH_INDEX.get(words[1]);
  return named === undefined ? null : named >= month ? year - 1 : year;
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** "XV" → 15; "ES-10" style prefixes are dropped (emergency and special sessions number apart). */
export function romanToNumber(roman: string): number | null {
  const numeral = roman.replace(/^(?:ES|S)-/, '');
  if (numeral !== roman) return null;
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = ROMAN_VALUES[numeral[i]];
    const next = ROMAN_VALUES[numeral[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}
