/**
 * The times a sentence refers to, as full or partial ISO dates or ranges ("2014-12", "1992/2015"), with relative
 * ones ("last week", "by the end of this month") resolved against the document's date.
 *
 * chrono-node reads the calendar expressions, relative ones included; it leaves bare years alone (wisely: most
 * four-digit numbers in these texts are not years), so the year phrases of reports — "in 2014", "since 1992",
 * "from 2001 to 2014", "FY2014" — are read here, only after a word that makes them a time.
 */
import * as chrono from 'chrono-node';
import { MONTH_ALTERNATIVES, monthNumber } from '../text/dates';

export interface TimeMention {
  /** "2014", "2014-12", "2017-03-31", or a range "1992/2015" ("1992/.." when open-ended). */
  value: string;
  start: number;
  end: number;
}

const MONTH = `(?<month>${MONTH_ALTERNATIVES})`;
const YEAR = String.raw`(?:19|20)\d\d`;
/** Words that make the year after them a time: "in 2014", "as at the end of 2015", "FY2014". */
const YEAR_LEAD = String.raw`(?:in|during|for|until|of|as of|as at|at the end of|end of)\s+(?:the\s+)?(?:year\s+|FY\s?)?|FY\s?`;
/** Each pattern's value, or null where the match is no time after all. */
const YEAR_PHRASES: Array<{
  pattern: RegExp;
  value: (g: Record<string, string | undefined>, documentYear: string | null) => string | null;
}> = [
  {
    pattern: new RegExp(String.raw`\b(?:from|between)\s+(?<from>${YEAR})\s+(?:to|until|through|and)\s+(?<to>${YEAR})\b`, 'gi'),
    value: (g) => `${g.from}/${g.to}`,
  },
  {
    pattern: new RegExp(String.raw`\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:${MONTH}\s+)?(?<year>${YEAR})\b`, 'gi'),
    value: (g, documentYear) => `${withMonth(g.year!, g.month)}/${documentYear && documentYear > g.year! ? documentYear : '..'}`,
  },
  {
    // "2014-2016", "2014–16"; not a date ("2017-03-31"), and the second year after the first.
    pattern: new RegExp(String.raw`\b(?<from>${YEAR})\s?[-–]\s?(?<to>${YEAR}|\d\d)\b(?![-–/]\d)(?!\s*\))`, 'g'),
    value: (g) => {
      const to = g.to!.length === 2 ? g.from!.slice(0, 2) + g.to : g.to!;
      return to > g.from! ? `${g.from}/${to}` : null;
    },
  },
  {
    // "by 2030" after the document's year is a target ("reduce emissions by 2030"), not when anything happened.
    pattern: new RegExp(String.raw`\bby\s+(?:the\s+end\s+of\s+)?(?<year>${YEAR})\b(?!\s*\))`, 'gi'),
    value: (g, documentYear) => (documentYear && g.year! > documentYear ? null : g.year!),
  },
  {
    pattern: new RegExp(String.raw`\b(?:${YEAR_LEAD})(?<year>${YEAR})\b(?!\s*\))`, 'gi'),
    value: (g) => g.year!,
  },
];

/** chrono-node is thorough and slow: only sentences naming a month or a relative time are handed to it. */
const CALENDAR_WORD = new RegExp(String.raw`\b(?:${MONTH_ALTERNATIVES}|today|yesterday|tomorrow|week|month|year|ago|decade)\b`, 'i');

export function findTimes(sentence: string, documentDate: string | null): TimeMention[] {
  const documentYear = documentDate?.slice(0, 4) ?? null;
  const found: TimeMention[] = [];
  for (const { pattern, value } of YEAR_PHRASES) {
    for (const match of sentence.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      const time = value(match.groups!, documentYear);
      if (time && !found.some((t) => start < t.end && end > t.start)) found.push({ value: time, start, end });
    }
  }
  if (!CALENDAR_WORD.test(sentence)) return found.sort((a, b) => a.start - b.start);
  for (const result of chrono.en.GB.parse(sentence, referenceDate(documentDate))) {
    const start = result.index;
    const end = start + result.text.length;
    if (found.some((t) => start < t.end && end > t.start)) continue;
    const value = calendarValue(result, documentDate);
    if (value) found.push({ value, start, end });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A relative or year-less expression means something only against a document dated to the day. */
function calendarValue(result: chrono.ParsedResult, documentDate: string | null): string | null {
  const { start } = result;
  const statesYear = start.isCertain('year') && result.text.includes(String(start.get('year')));
  if (!statesYear && !(documentDate && documentDate.length === 10)) return null;
  // "on Monday" and "in March" name no particular day or month of the record.
  const certain = (['year', 'month', 'day'] as const).some((part) => start.isCertain(part));
  if (!certain && !/\b(?:week|month|year|today|yesterday)\b/i.test(result.text)) return null;
  const from = isoOf(start);
  return result.end ? `${from}/${isoOf(result.end)}` : from;
}

function isoOf(component: chrono.ParsedComponents): string {
  const date = component.date();
  const year = String(date.getFullYear());
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  if (component.isCertain('day') || component.isCertain('weekday')) return `${year}-${month}-${day}`;
  if (component.isCertain('month')) return `${year}-${month}`;
  return year;
}

function referenceDate(documentDate: string | null): Date {
  const [year, month, day] = (documentDate ?? '').split('-').map(Number);
  return year ? new Date(year, (month || 1) - 1, day || 1, 12) : new Date(2000, 0, 1, 12);
}

function withMonth(year: string, month: string | undefined): string {
  return month ? `${year}-${String(monthNumber(month)).padStart(2, '0')}` : year;
}

/** The latest moment a time value covers, for ordering facts newest first ("1992/2015" → "2015"). */
export function timeEnd(value: string): string {
  const end = value.includes('/') ? value.split('/')[1] : value;
  return end === '..' ? value.split('/')[0] : end;
}
