/** Words and identifiers of normalised text, with their offsets. */

export interface Token {
  term: string;
  start: number;
  end: number;
}

/**
 * Identifiers first — "70/1", "29/09/2015", "3.8", "10,000" stay whole — then words. Digits inside an
 * identifier are matched exactly, never fuzzily.
 */
const TOKEN = /\d+(?:[/.,]\d+)+|[\p{L}\p{N}]+/gu;
const HAS_DIGIT = /\d/;

export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  for (const match of normalized.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    tokens.push({ term: match[0], start, end: start + match[0].length });
  }
  return tokens;
}

/** Resolution numbers, symbols' numeric parts, years and figures: they must match exactly. */
export function isIdentifier(term: string): boolean {
  return HAS_DIGIT.test(term);
}
