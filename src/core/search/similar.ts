/**
 * The corpus passages a sentence closely follows: candidates from the index, then the share of the sentence's words
 * each one shares (Dice over word sets, numbers left out, since the point is to compare them afterwards).
 */
import { pageOf } from '../corpus/pages';
import type { CorpusDocument, CorpusPlace } from '../types';
import { normalizeForMatch } from '../text/normalize';
import { isIdentifier, tokenize } from '../text/tokenize';
import type { Lexicon, QueryTerm } from './lexicon';
import type { PassageIndex } from './passageIndex';

export interface SimilarPassage extends CorpusPlace {
  /** The page the passage starts on, in a PDF; null elsewhere. */
  page: number | null;
  similarity: number;
  /** How many distinct words the two share. */
  sharedWords: number;
}

const SELECTING_WORDS = 8;

export function similarPassages(
  index: PassageIndex,
  documents: readonly CorpusDocument[],
  sentence: string,
  options: { limit: number; excludeFile?: string; citing?: number; candidates?: number },
): SimilarPassage[] {
  const terms = similarityTerms(index.lexicon, sentence, options.citing);
  if (!terms) return [];
  const found = index.candidates(terms, options.candidates ?? SIMILAR_CANDIDATES).map(({ passage }) => {
    const { document, passage: p, text } = index.passageIn(documents, passage);
    const { title, date, speaker } = document.meta;
    return { text, file: document.file, range: p.range, title, date, speaker, page: pageOf(document, p.range.startLine) };
  });
  return rankSimilar(sentence, found, options);
}

/** How many candidates the index gives for a sentence's precedent. */
export const SIMILAR_CANDIDATES = 8;

/**
 * The words that select a sentence's candidate precedents, or null when it is too short to have one. Numbers are
 * what the checks compare, so they do not select passages — unless one is asked for. A close precedent shares the
 * sentence's rarest words; they alone select candidates, which keeps long sentences fast.
 */
export function similarityTerms(lexicon: Lexicon, sentence: string, citing?: number): QueryTerm[] | null {
  return wordSet(sentence).size < 4 ? null : selectingTerms(lexicon, sentence, citing);
}

/** The candidates by the share of the sentence's words each one shares, best first. */
export function rankSimilar(
  sentence: string,
  candidates: Array<Omit<SimilarPassage, 'similarity' | 'sharedWords'>>,
  options: { limit: number; excludeFile?: string },
): SimilarPassage[] {
  const words = wordSet(sentence);
  const found: SimilarPassage[] = [];
  for (const candidate of candidates) {
    if (candidate.file === options.excludeFile) continue;
    const theirs = wordSet(candidate.text);
    const sharedWords = countShared(words, theirs);
    found.push({ ...candidate, similarity: (2 * sharedWords) / (words.size + theirs.size), sharedWords });
  }
  return found.sort((a, b) => b.similarity - a.similarity).slice(0, options.limit);
}

/**
 * The words that select the passages a text may follow. Numbers are what the checks compare, so they do not select
 * passages — unless one is asked for. A close precedent shares the text's rarest words; they alone select
 * candidates, which keeps long texts fast.
 */
export function selectingTerms(lexicon: Lexicon, text: string, citing?: number): QueryTerm[] {
  return lexicon
    .analyze(text)
    .filter((t) => !t.identifier || t.text === String(citing))
    .sort((a, b) => Number(b.identifier) - Number(a.identifier) || b.idf - a.idf)
    .slice(0, SELECTING_WORDS);
}

/** The distinct words of a text, normalised, without numbers. */
export function wordSet(text: string): Set<string> {
  return new Set(
    tokenize(normalizeForMatch(text))
      .map((t) => t.term)
      .filter((term) => !isIdentifier(term)),
  );
}

export function countShared(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared;
}
