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

/**
 * Runs of letters and digits. A number keeps its separators — "70/1", "29/09/2015", "3.8", "10,000" stay whole —
 * so identifiers are matched exactly, never fuzzily.
 */
export function scanTokens(normalized: string, onToken: (start: number, end: number) => void): void {
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
      // "70/1", "3.8", "10,000": a separator between digits continues the number.
      while (i + 1 < length && isNumberSeparator(normalized.charCodeAt(i)) && isDigit(normalized, i + 1)) {
        i++;
        while (i < length && isDigit(normalized, i)) i++;
      }
    }
    onToken(start, i);
  }
}

export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  scanTokens(normalized, (start, end) => tokens.push({ term: normalized.slice(start, end), start, end }));
  return tokens;
}

function isNumberSeparator(code: number): boolean {
  return code === 0x2f || code === 0x2e || code === 0x2c;
}

/** Resolution numbers, symbols' numeric parts, years and figures: they must match exactly. */
export function isIdentifier(term: string): boolean {
  return HAS_DIGIT.test(term);
}
