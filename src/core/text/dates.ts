/** Dates as drafters write them, to full or partial ISO ("2017-03-15", "2014-12", "2006"). */

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** The month names as a pattern's alternatives: "January|February|…". */
export const MONTH_ALTERNATIVES = MONTH_NAMES.join('|');
const MONTH = `(${MONTH_ALTERNATIVES})`;

const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\b`, 'i');
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i');
const NUMERIC_YMD = /\b(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\b/;
const MONTH_YEAR = new RegExp(`\\b${MONTH},?\\s+(\\d{4})\\b`, 'i');
const ISO_PARTIAL = /^(\d{4})(?:-(\d{1,2}))?$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(year: number, month: number, day?: number): string | null {
  if (month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** 1 for "January" (any case), 0 for no month. */
export function monthNumber(name: string): number {
  return MONTH_NAMES.findIndex((month) => month.toLowerCase() === name.toLowerCase()) + 1;
}

/** The first date stated in a piece of prose, or null. */
export function findDateInProse(text: string): string | null {
  let m = DAY_MONTH_YEAR.exec(text);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2]), Number(m[1]));
  m = MONTH_DAY_YEAR.exec(text);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1]), Number(m[2]));
  m = NUMERIC_YMD.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH_YEAR.exec(text);
  if (m) return isoDate(Number(m[2]), monthNumber(m[1]));
  return null;
}

/** A front-matter date: YAML date, integer year, ISO string (full or partial) or prose. */
export function normalizeDateValue(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999) {
    return String(value);
  }
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const partial = ISO_PARTIAL.exec(trimmed);
  if (partial) return partial[2] ? isoDate(Number(partial[1]), Number(partial[2])) : partial[1];
  return findDateInProse(trimmed);
}

/** An ISO date, full or partial, as the UN writes it: "31 October 2000", "October 2000", "2000". */
export function formatUnDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  const monthName = month ? MONTH_NAMES[Number(month) - 1] : undefined;
  if (!monthName) return year;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}
