/**
 * Normalisation for matching only. It maps each UTF-16 unit to exactly one unit, so an offset in the
 * normalised string is the same offset in the text a reader sees: match ranges need no translation.
 */

const SPACES = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff\u00ad]/;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

const foldedChars = new Map<string, string>();

function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded !== undefined) return folded;
  if (SPACES.test(char)) folded = ' ';
  else if (SINGLE_QUOTES.test(char)) folded = "'";
  else if (DOUBLE_QUOTES.test(char)) folded = '"';
  else if (DASHES.test(char)) folded = '-';
  else {
    const lower = char.toLowerCase();
    const bare = lower.normalize('NFD').replace(COMBINING_MARKS, '');
    folded = bare.length === 1 ? bare : lower.length === 1 ? lower : char;
  }
  foldedChars.set(char, folded);
  return folded;
}

const NON_ASCII = /[\u0080-\uffff]/g;

export function normalizeForMatch(text: string): string {
  const lowered = text.toLowerCase();
  // Whole-string lower-casing keeps the length for all but a few characters ("İ"); fold those one by one.
  if (lowered.length !== text.length) return Array.from(text, (char) => (char.length === 1 ? foldChar(char) : char)).join('');
  return lowered.replace(NON_ASCII, foldChar);
}

const LIGATURES: Record<string, string> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

/** Typographic ligatures as a reader reads them ("ﬁ" → "fi"); used when text is reflowed. */
export function expandLigature(char: string): string {
  return LIGATURES[char] ?? char;
}
