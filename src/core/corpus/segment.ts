/** Paragraph text into sentences, as [start, end) offsets. */

/** Words whose full stop does not end a sentence (compared lower-case, without the stop). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'h.e', 'e', 'h', 'amb', 'no', 'nos', 'art', 'arts', 'para', 'paras',
  'vol', 'p', 'pp', 'cf', 'e.g', 'i.e', 'viz', 'vs', 'u.n', 'u.s', 'u.k', 'u.s.a', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'rev', 'corr', 'add', 'gen', 'lt', 'col', 'sr', 'jr',
  'fig', 'approx', 'ch', 'sec', 'op', 'rep', 'excellency', 'exc',
]);

const CANDIDATE_END = /[.!?]+["'”’)\]]*(?=\s+|$)/g;
const WORD_BEFORE = /([\p{L}\p{N}.]+)$/u;
const NEXT_START = /^\s+["'“‘(\[]?[\p{Lu}\p{N}]/u;
const ENUMERATION_MARKER = /^\(?(?:\d{1,3}|[ivxlc]{1,5}|[a-z])$/i;

export function splitSentences(text: string): Array<[number, number]> {
  const sentences: Array<[number, number]> = [];
  let start = skipSpace(text, 0);
  for (const match of text.matchAll(CANDIDATE_END)) {
    const stopAt = match.index ?? 0;
    const end = stopAt + match[0].length;
    if (end >= text.length) break;
    if (!NEXT_START.test(text.slice(end, end + 4))) continue;
    if (match[0].startsWith('.') && !endsSentence(text.slice(start, stopAt))) continue;
    sentences.push([start, end]);
    start = skipSpace(text, end);
  }
  if (start < text.length) sentences.push([start, trimEnd(text)]);
  return sentences;
}

/** Whether a full stop after `before` (the sentence so far) ends the sentence. */
function endsSentence(before: string): boolean {
  const word = WORD_BEFORE.exec(before)?.[1];
  if (!word) return true;
  const bare = word.replace(/^\.+/, '');
  if (ABBREVIATIONS.has(bare.toLowerCase())) return false;
  // Initials such as "H. E." or "J. Smith".
  if (/^\p{Lu}$/u.test(bare)) return false;
  // "(1)" or "1." opening an enumerated paragraph.
  if (before.trim() === bare && ENUMERATION_MARKER.test(bare)) return false;
  return true;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function trimEnd(text: string): number {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
