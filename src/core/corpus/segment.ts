/** Paragraph text into sentences, as [start, end) offsets. */

/** Words whose full stop does not end a sentence (compared lower-case, without the stop). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'h.e',
  'e',
  'h',
  'amb',
  'no',
  'nos',
  'art',
  'arts',
  'para',
  'paras',
  'vol',
  'p',
  'pp',
  'cf',
  'e.g',
  'i.e',
  'viz',
  'vs',
  'u.n',
  'u.s',
  'u.k',
  'u.s.a',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'rev',
  'corr',
  'add',
  'gen',
  'lt',
  'col',
  'sr',
  'jr',
  'fig',
  'approx',
  'ch',
  'sec',
  'op',
  'rep',
  'excellency',
  'exc',
]);

const CANDIDATE_END = /[.!?]+["'”’)\]]*(?=\s+|$)/g;
const WORD_CHAR = /[\p{L}\p{N}.]/u;
const NEXT_START = /^\s+["'“‘([]?[\p{Lu}\p{N}]/u;
const ENUMERATION_MARKER = /^\(?(?:\d{1,3}|[ivxlc]{1,5}|[a-z])$/i;

export function splitSentences(text: string): Array<[number, number]> {
  const sentences: Array<[number, number]> = [];
  let start = skipSpace(text, 0);
  for (const match of text.matchAll(CANDIDATE_END)) {
    const stopAt = match.index ?? 0;
    const end = stopAt + match[0].length;
    if (end >= text.length) break;
    if (!NEXT_START.test(text.slice(end, end + 4))) continue;
    if (match[0].startsWith('.') && !endsSentence(text, start, stopAt)) continue;
    sentences.push([start, end]);
    start = skipSpace(text, end);
  }
  if (start < text.length) sentences.push([start, trimEnd(text)]);
  return sentences;
}

/** Whether the full stop at `stopAt` ends the sentence that began at `start`. */
function endsSentence(text: string, start: number, stopAt: number): boolean {
  let wordStart = stopAt;
  while (wordStart > start && WORD_CHAR.test(text[wordStart - 1])) wordStart--;
  while (wordStart < stopAt && text[wordStart] === '.') wordStart++;
  if (wordStart === stopAt) return true;
  const word = text.slice(wordStart, stopAt);
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  // Initials such as "H. E." or "J. Smith".
  if (word.length === 1 && /\p{Lu}/u.test(word)) return false;
  // "(1)" or "1." opening an enumerated paragraph.
  const opensParagraph = text.slice(start, wordStart).trim() === '' || text.slice(start, wordStart) === '(';
  return !(opensParagraph && ENUMERATION_MARKER.test(word));
}

function isWhiteSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isWhiteSpace(text.charCodeAt(i))) i++;
  return i;
}

function trimEnd(text: string): number {
  let end = text.length;
  while (end > 0 && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  return end;
}
