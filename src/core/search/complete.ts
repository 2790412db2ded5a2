/**
 * Continuations of the sentence being typed, taken from the corpus passages that hold its last words: the drafter
 * types "Japan therefore attaches great importance" and is offered "to the assistance provided by the UNODC".
 * Each continuation ends at a clause or sentence boundary, and is fitted to the text around the cursor (seam.ts).
 */
import type { CorpusDocument, SourceRange } from '../types';
import { normalizeForMatch } from '../text/normalize';
import { tokenize, type Token } from '../text/tokenize';
import type { PassageIndex } from './passageIndex';
import { canContinue, fitToSeam } from './seam';

export interface Continuation {
  /** The text to insert after the cursor (the continuation only). */
  text: string;
  file: string;
  range: SourceRange;
  title: string | null;
  date: string | null;
}

/** How many of the typed words are matched against the corpus. */
const TAIL_WORDS = 8;
const MIN_MATCHED_WORDS = 2;
export const COMPLETION_CANDIDATES = 30;
/** A clause shorter than this runs on to the next boundary. */
const MIN_CLAUSE_WORDS = 3;
const CLAUSE_END = /[,;:.!?]["'”’)]*(?=\s|$)/g;

/**
 * `typed` is the sentence before the cursor; `after` the text after it on the same line ("" at the end of a line),
 * which the continuation must be able to precede.
 */
export function completeSentence(
  index: PassageIndex,
  documents: readonly CorpusDocument[],
  typed: string,
  limit: number,
  after = '',
): Continuation[] {
  if (!canContinue(typed, after)) return [];
  const found = index.candidates(index.analyze(completionQuery(typed)), COMPLETION_CANDIDATES).map(({ passage }) => {
    const { document, passage: p, text } = index.passageIn(documents, passage);
    return { text, file: document.file, range: p.range, title: document.meta.title, date: document.meta.date };
  });
  return rankContinuations(typed, after, found, limit);
}

/** What of the typed text selects candidates: its last words. */
export function completionQuery(typed: string): string {
  return typed.slice(-200);
}

/**
 * Continuations from the candidates (best candidate first), by how many of the typed words each one holds, each
 * fitted between `typed` and `after`.
 */
/** Continuations from several sources, in order, each wording once: the first source's first. */
export function mergeContinuations(lists: Continuation[][], limit: number): Continuation[] {
  const seen = new Set<string>();
  const kept: Continuation[] = [];
  for (const continuation of lists.flat()) {
    const key = normalizeForMatch(continuation.text).trim();
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(continuation);
  }
  return kept.slice(0, limit);
}

export function rankContinuations(typed: string, after: string, candidates: Continuation[], limit: number): Continuation[] {
  const normalizedTyped = normalizeForMatch(typed);
  const typedTokens = tokenize(normalizedTyped).slice(-TAIL_WORDS);
  if (typedTokens.length < MIN_MATCHED_WORDS) return [];
  const midWord = typedTokens[typedTokens.length - 1].end === normalizedTyped.length;
  const tail = typedTokens.map((t) => t.term);
  const scored: Array<{ continuation: Continuation; matched: number; rank: number }> = [];
  candidates.forEach(({ text, file, range, title, date }, rank) => {
    const tokens = tokenize(normalizeForMatch(text));
    const match = alignTail(tail, tokens, midWord);
    if (!match || match.matched < Math.min(MIN_MATCHED_WORDS + 1, tail.length)) return;
    const continuation = fitToSeam(untilBoundary(text, match.from), typed, after);
    if (continuation === null) return;
    scored.push({ continuation: { text: continuation, file, range, title, date }, matched: match.matched, rank });
  });
  scored.sort((a, b) => b.matched - a.matched || a.rank - b.rank);
  const seen = new Set<string>();
  const unique: Continuation[] = [];
  for (const { continuation } of scored) {
    const key = normalizeForMatch(continuation.text).trim();
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(continuation);
    if (unique.length === limit) break;
  }
  return unique;
}

/**
 * Where the typed words end in the passage: the longest run of the passage's words equal to the last typed words
 * (the very last one may be half typed). Returns the offset in the passage right after the match.
 */
function alignTail(tail: string[], tokens: Token[], midWord: boolean): { matched: number; from: number } | null {
  let best: { matched: number; from: number } | null = null;
  for (let end = 0; end < tokens.length; end++) {
    const last = tokens[end].term;
    const lastTyped = tail[tail.length - 1];
    if (!(last === lastTyped || (midWord && last.startsWith(lastTyped)))) continue;
    let matched = 1;
    while (matched < tail.length && end - matched >= 0 && tokens[end - matched].term === tail[tail.length - 1 - matched]) matched++;
    if (!best || matched > best.matched) {
      // Mid-word, the continuation starts with the rest of the word being typed.
      const from = midWord ? tokens[end].start + lastTyped.length : tokens[end].end;
      best = { matched, from };
    }
  }
  return best;
}

/** From `from` to the end of the clause (or of the sentence, when the clause is very short). */
function untilBoundary(text: string, from: number): string {
  const rest = text.slice(from);
  CLAUSE_END.lastIndex = 0;
  for (const boundary of rest.matchAll(CLAUSE_END)) {
    const end = (boundary.index ?? 0) + boundary[0].length;
    if (rest.slice(0, end).trim().split(/\s+/).length >= MIN_CLAUSE_WORDS) return rest.slice(0, end);
  }
  return rest;
}
