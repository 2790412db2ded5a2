/**
 * Figures in prose, with their unit normalised so that "$23 million", "23 million US dollars" and "US$ 23 million"
 * compare equal: amounts of money, percentages, and counts of things.
 */

export interface Quantity {
  /** Scaled: 23000000 for "23 million". */
  value: number;
  /** "USD", "JPY", "EUR", "GBP", "percent", or "count:<noun>". */
  unit: string;
  text: string;
  start: number;
  end: number;
}

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const scale = (name: string) => String.raw`(?:\s?(?<${name}>thousand|million|billion|trillion|bn|m)\b)?`;
const CURRENCY_BEFORE = String.raw`(?<before>US\s?\$|\$|USD|US dollars?|EUR|€|£|GBP|¥|JPY)\s?`;
const CURRENCY_AFTER = String.raw`\s+(?<after>US dollars|United States dollars|dollars|USD|yen|JPY|euros?|EUR|pounds sterling|GBP)\b`;
const PERCENT = String.raw`\s?(?<percent>%|per\s?cent\b|percent\b)`;
const COUNTED = String.raw`\s+(?<noun>(?:[a-z]+\s)?(?:personnel|persons|people|troops|peacekeepers|police|officers|experts|refugees|migrants|children|women|victims|missions|countries|projects|staff|members|volunteers|participants|schools|hospitals|tons|tonnes))\b`;

const QUANTITY = new RegExp(
  `${CURRENCY_BEFORE}(?<n1>${NUMBER})${scale('s1')}|(?<n2>${NUMBER})${scale('s2')}(?:${CURRENCY_AFTER}|${PERCENT}|${COUNTED})`,
  'g',
);

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };

export function extractQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const g = match.groups!;
    const number = Number((g.n1 ?? g.n2).replace(/,/g, ''));
    const scaleWord = g.s1 ?? g.s2;
    const value = number * (scaleWord ? SCALES[scaleWord.toLowerCase()] : 1);
    const unit = g.before ?? g.after ? currencyCode(g.before ?? g.after) : g.percent ? 'percent' : `count:${countedNoun(g.noun)}`;
    const start = match.index ?? 0;
    found.push({ value, unit, text: match[0], start, end: start + match[0].length });
  }
  return found;
}

function currencyCode(written: string): string {
  const w = written.toLowerCase().replace(/\s+/g, ' ');
  if (w.includes('$') || w.includes('dollar') || w === 'usd') return 'USD';
  if (w === 'yen' || w === 'jpy' || w === '¥') return 'JPY';
  if (w.startsWith('euro') || w === 'eur' || w === '€') return 'EUR';
  return 'GBP';
}

/** "UN personnel" and "personnel" count the same thing: the last word is the noun. */
function countedNoun(noun: string): string {
  return noun.toLowerCase().split(' ').pop()!;
}
