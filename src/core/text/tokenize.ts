/** Words and identifiers of normalised text, with their offsets. */

export interface Token {
  term: string;
  start: number;
  end: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const HAS_DIGIT = /\d/;

function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  return LETTER_OR_DIGIT.test(text[i]);
}

function isDigit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0x30 && code <= 0x39;
}

/** A number written in groups of thousands: "1,000", "1 000" (a space or a no-break space), "12,500.5". */
const GROUPED_NUMBER = /^\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?$/;
const GROUP_SEPARATORS = /[, ]/g;

/**
 * Runs of letters and digits, with the term each stands for. A number keeps its separators — "70/1",
 * "29/09/2015", "3.8" stay whole — so identifiers are matched exactly, never fuzzily; a number in groups of
 * thousands ("1,000", "1 000") stands for the same term as "1000", as people type it either way.
 */
export function scanTokens(normalized: string, onToken: (start: number, end: number, term: string) => void): void {
  const length = normalized.length;
  let i = 0;
  while (i < length) {
    if (!isWordChar(normalized, i)) {
      i++;
      continue;
    }
    const start = i;
    let allDigits = true;
    while (i < length && isWordChar(normalized, i)) {
      if (!isDigit(normalized, i)) allDigits = false;
      i++;
    }
    if (allDigits) {
      // "1 000 000": a lead of up to three digits, then groups of exactly three after single spaces.
      if (i - start <= 3) while (isSpacedGroup(normalized, i)) i += 4;
      // "70/1", "3.8", "10,000": a separator between digits continues the number.
      while (i + 1 < length && isNumberSeparator(normalized.charCodeAt(i)) && isDigit(normalized, i + 1)) {
        i++;
        while (i < length && isDigit(normalized, i)) i++;
      }
    }
    const raw = normalized.slice(start, i);
    onToken(start, i, allDigits && GROUPED_NUMBER.test(raw) ? raw.replace(GROUP_SEPARATORS, '') : raw);
  }
}

/** A space, three digits, and no digit or letter after them: the next group of a number written "1 000". */
function isSpacedGroup(text: string, at: number): boolean {
  return (
    text.charCodeAt(at) === 0x20 &&
    isDigit(text, at + 1) &&
    isDigit(text, at + 2) &&
    isDigit(text, at + 3) &&
    (at + 4 >= text.length || !isWordChar(text, at + 4))
  );
}

export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  scanTokens(normalized, (start, end, term) => tokens.push({ term, start, end }));
  return tokens;
}

function isNumberSeparator(code: number): boolean {
  return code === 0x2f || code === 0x2e || code === 0x2c;
}

/** Resolution numbers, symbols' numeric parts, years and figures: they must match exactly. */
export function isIdentifier(term: string): boolean {
  return HAS_DIGIT.test(term);
}
