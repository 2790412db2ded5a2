/**
 * Figures in prose, with their unit normalised so that "$23 million", "23 million US dollars" and "US$ 23 million"
 * compare equal: amounts of money, percentages, counts of people and things, and rankings ("fifth-largest").
 *
 * A grammar of our own rather than a library: the maintained number parsers either read bare numerals only
 * (numeral, numbro) or miss the currency in "23 million US dollars" and "US$ 23 million" (compromise, which also
 * adds 365 KB and milliseconds per sentence), while the forms in diplomatic prose are few and regular.
 */

import { NUMBER_WORD_ALTERNATIVES, numberWordValue } from '../text/numberWords';

export type QuantityUnit = 'USD' | 'JPY' | 'EUR' | 'GBP' | 'AUD' | 'CAD' | 'CHF' | 'CNY' | 'percent' | 'persons' | 'count' | 'ordinal';

export interface Quantity {
  /** Scaled: 23000000 for "23 million". */
  value: number;
  unit: QuantityUnit;
  /** What is counted ("personnel", "missions"), for counts of people and things. */
  noun: string | null;
  /** As written, hedge included: "approximately 23 million US dollars". */
  text: string;
  /** "approximately", "about", "some", "more than"…: the figure is not exact. */
  approximate: boolean;
  start: number;
  end: number;
}

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
const SCALES: Record<string, number> = { hundred: 1e2, thousand: 1e3, million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };

const HEDGES = 'approximately|about|around|roughly|some|nearly|almost|close to|over|more than|up to|an estimated';
const HEDGE = String.raw`(?:(?<hedge>${HEDGES})\s+)?`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const NUMBER = String.raw`${DIGITS}|${NUMBER_WORD_ALTERNATIVES}`;
const scale = (name: string) => String.raw`(?:\s?(?<${name}>hundred|thousand|million|billion|trillion|bn|m)\b)?`;
const CURRENCY_BEFORE = String.raw`(?<![\p{L}])(?<before>US\s?\$|\$|USD|US dollars?|EUR|€|£|GBP|¥|JPY)\s?`;
const DOLLARS_AFTER = 'US dollars?|United States dollars?|Australian dollars?|Canadian dollars?|dollars|USD';
const OTHER_CURRENCIES_AFTER = 'yen|JPY|euros?|EUR|pounds sterling|GBP|Swiss francs|yuan|renminbi';
const CURRENCY_AFTER = String.raw`\s+(?<after>${DOLLARS_AFTER}|${OTHER_CURRENCIES_AFTER})\b`;
const PERCENT = String.raw`\s?(?<percent>%|per\s?cent\b|percent\b)`;
const PEOPLE =
  'personnel|persons|people|troops|peacekeepers|police|officers|experts|refugees|migrants|children|women|men|victims|' +
  'staff|members|volunteers|participants|students|trainees|soldiers|civilians|lives';
const THINGS =
  'missions|operations|countries|States|nations|projects|programmes|programs|schools|hospitals|tons|tonnes|resolutions|' +
  'cases|units|partners|regions|jobs|years';
/** A word qualifying what is counted ("military" in "military personnel"), not a preposition or article. */
const QUALIFIER = String.raw`(?!(?:of|the|or|to|in|on|for|by|from|with)\s)[\p{L}-]+\s`;
/** Up to three qualifying words between the figure and what it counts: "13 UN PKO missions", "103,000 military and police personnel". */
const COUNTED = String.raw`\s+(?:${QUALIFIER}){0,3}(?<noun>${PEOPLE}|${THINGS})\b`;
const ORDINAL_WORD_ALTERNATIVES = Object.keys(ORDINAL_WORDS).join('|');
const ORDINAL = String.raw`\b(?<ordinal>\d+(?:st|nd|rd|th)|${ORDINAL_WORD_ALTERNATIVES})[-\s](?:largest|biggest|greatest|highest|top)\b`;

/** "$23 million": the currency first, then the figure. */
const MONEY_FIRST = String.raw`${CURRENCY_BEFORE}(?<n1>${DIGITS})${scale('s1')}`;
/** "23 million US dollars", "23 per cent", "23 missions": the figure first, then what it measures. */
const FIGURE_FIRST = String.raw`(?<n2>${NUMBER})${scale('s2')}(?:${CURRENCY_AFTER}|${PERCENT}|${COUNTED})`;
const QUANTITY = new RegExp(String.raw`(?<![\p{L}\p{N}.,-])${HEDGE}(?:${MONEY_FIRST}|${FIGURE_FIRST})|${ORDINAL}`, 'giu');
const PEOPLE_NOUNS = new Set(PEOPLE.split('|'));
/** Most sentences hold no figure: a cheap test spares them the full pattern. */
const MAY_HOLD_FIGURE = new RegExp(`\\d|\\b(?:${NUMBER_WORD_ALTERNATIVES}|${ORDINAL_WORD_ALTERNATIVES})\\b`, 'i');

export function extractQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  if (!MAY_HOLD_FIGURE.test(text)) return found;
  for (const match of text.matchAll(QUANTITY)) {
    const start = match.index ?? 0;
    const quantity = readMatch(match.groups!);
    if (quantity)
      found.push({ ...quantity, approximate: Boolean(match.groups!.hedge), text: match[0], start, end: start + match[0].length });
  }
  return found;
}

type Reading = Pick<Quantity, 'value' | 'unit' | 'noun'>;

function readMatch(g: Record<string, string | undefined>): Reading | null {
  if (g.ordinal) return { value: ordinalValue(g.ordinal), unit: 'ordinal', noun: null };
  const number = numberValue(g.n1 ?? g.n2!);
  const scaleWord = g.s1 ?? g.s2;
  const value = number * (scaleWord ? SCALES[scaleWord.toLowerCase()] : 1);
  const currency = g.before ?? g.after;
  if (currency) return { value, unit: currencyCode(currency), noun: null };
  if (g.percent) return { value, unit: 'percent', noun: null };
  // "one of the States" and "two years" are not figures worth recording; "nine missions" is.
  const noun = g.noun!.toLowerCase();
  if (noun === 'years' || (noun === 'states' && !/^\d/.test(g.n2!))) return null;
  return { value, unit: PEOPLE_NOUNS.has(noun) ? 'persons' : 'count', noun };
}

function numberValue(written: string): number {
  return numberWordValue(written) ?? Number(written.replace(/,/g, ''));
}

function ordinalValue(written: string): number {
  return ORDINAL_WORDS[written.toLowerCase()] ?? parseInt(written, 10);
}

function currencyCode(written: string): QuantityUnit {
  const w = written.toLowerCase().replace(/\s+/g, ' ');
  if (w.startsWith('australian')) return 'AUD';
  if (w.startsWith('canadian')) return 'CAD';
  if (w.includes('$') || w.includes('dollar') || w === 'usd') return 'USD';
  if (w === 'yen' || w === 'jpy' || w === '¥') return 'JPY';
  if (w.startsWith('euro') || w === 'eur' || w === '€') return 'EUR';
  if (w === 'swiss francs') return 'CHF';
  if (w === 'yuan' || w === 'renminbi') return 'CNY';
  return 'GBP';
}

/** Two figures that state the same amount of the same thing, however each is written. */
export function sameQuantity(a: Quantity, b: Quantity): boolean {
  return a.unit === b.unit && a.value === b.value && (a.noun === b.noun || a.unit !== 'count');
}

/** Figures that measure the same kind of thing, so that one can replace the other. */
export function comparableQuantities(a: Quantity, b: Quantity): boolean {
  return a.unit === b.unit && (a.unit !== 'count' || a.noun === b.noun);
}
