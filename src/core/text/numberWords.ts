/** Numbers written as words, one to ninety-nine ("twenty-five"): one table for reading figures and for the style sheet. */

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** A pattern's alternatives for one number in words, compounds first: "twenty-five|twenty|…|one". */
export const NUMBER_WORD_ALTERNATIVES = [`(?:${TENS.join('|')})-(?:${UNITS.join('|')})`, ...TENS, ...TEENS, ...UNITS].join('|');

/** 25 for "twenty-five" (any case), or null for no number word. */
export function numberWordValue(written: string): number | null {
  const [first, second] = written.toLowerCase().split('-');
  const tens = TENS.indexOf(first);
  if (tens >= 0) return 20 + 10 * tens + (second ? UNITS.indexOf(second) + 1 : 0);
  const teen = TEENS.indexOf(first);
  if (teen >= 0) return 10 + teen;
  const unit = UNITS.indexOf(first);
  return unit >= 0 ? unit + 1 : null;
}

/** "five" for 5, one to nine: the numbers the UN style writes in words. */
export function unitWord(value: number): string {
  return UNITS[value - 1];
}
