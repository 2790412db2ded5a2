/**
 * Where a continuation meets the drafter's text: ghost text is accepted without looking, so it must join the text
 * before the cursor and the text after it without doubling a comma, a full stop or a space, and end where the text
 * after the cursor can follow it.
 */

const WORD_CHAR = /[\p{L}\p{N}]/u;
const CLOSERS = `"'”’)\\]`;
/** The drafter has finished the sentence: a full stop (or ! ?), perhaps a closing quote, perhaps spaces. */
const SENTENCE_END = new RegExp(`[.!?][${CLOSERS}]*\\s*$`);
/** The drafter has ended a clause: a comma, semicolon or colon, perhaps spaces. */
const CLAUSE_END = /[,;:]\s*$/;
const LEADING_CLAUSE_PUNCTUATION = /^\s*[,;:]+/;
const LEADING_SENTENCE_END = /^\s*[.!?]/;
const TRAILING_PUNCTUATION = new RegExp(`[\\s,;:.!?${CLOSERS}]+$`);
const TRAILING_SENTENCE_END = new RegExp(`[.!?][${CLOSERS}]*\\s*$`);
/** Text after the cursor that supplies its own punctuation: the continuation stops at a word. */
const PUNCTUATION_FOLLOWS = /^[,;:.!?)\]]/;

/** Whether anything may be offered at this cursor at all. */
export function canContinue(before: string, after: string): boolean {
  if (SENTENCE_END.test(before)) return false;
  // Inside a word: a continuation would split it.
  return !(endsWithWordChar(before) && WORD_CHAR.test(after.charAt(0)));
}

/**
 * The continuation as it should be inserted between `before` and `after` (the rest of the cursor's line), or null
 * when it cannot join them: it starts with the punctuation the drafter has just typed handled once, and ends so that
 * `after` follows it.
 */
export function fitToSeam(continuation: string, before: string, after: string): string | null {
  if (!canContinue(before, after)) return null;
  let text = continuation;
  if (CLAUSE_END.test(before) || /\s$/.test(before)) {
    // The drafter typed the comma (or the space): the continuation's own comma goes, and so does its leading space
    // when the drafter's text already ends with one.
    text = text.replace(LEADING_CLAUSE_PUNCTUATION, '');
    if (LEADING_SENTENCE_END.test(text)) return null;
    text = /\s$/.test(before) ? text.trimStart() : ` ${text.trimStart()}`;
  }
  const rest = after.split(/\r?\n/, 1)[0];
  if (PUNCTUATION_FOLLOWS.test(rest)) text = text.replace(TRAILING_PUNCTUATION, '');
  else if (rest.trim().length > 0) {
    // The sentence goes on after the cursor: no full stop before a word in lower case, one space between.
    if (/^\s*\p{Ll}/u.test(rest)) text = text.replace(TRAILING_SENTENCE_END, '');
    text = /^\s/.test(rest) ? text.trimEnd() : `${text.trimEnd()} `;
  }
  return text.trim().length > 0 ? text : null;
}

function endsWithWordChar(text: string): boolean {
  return text.length > 0 && WORD_CHAR.test(text.charAt(text.length - 1));
}
