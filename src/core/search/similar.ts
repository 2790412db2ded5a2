/**
 * The corpus passages a sentence closely follows: candidates from the index, then the share of the sentence's words
 * each one shares (Dice over word sets, numbers left out, since the point is to compare them afterwards).
 */
import { pageOf } from '../corpus/pages';
import type { CorpusDocument, SourceRange } from '../types';
import { normalizeForMatch } from '../text/normalize';
import { isIdentifier, tokenize } from '../text/tokenize';
import type { PassageIndex, QueryTerm } from './passageIndex';

export interface SimilarPassage {
  text: string;
  file: string;
  range: SourceRange;
  title: string | null;
  date: string | null;
  speaker: string | null;
  /** The page the passage starts on, in a PDF; null elsewhere. */
  page: number | null;
  similarity: number;
  /** How many distinct words the two share. */
  sharedWords: number;
}

const CANDIDATES = 8;
const SELECTING_WORDS = 8;

export function similarPassages(
  index: PassageIndex,
  documents: readonly CorpusDocument[],
  sentence: string,
  options: { limit: number; excludeFile?: string; citing?: number; candidates?: number },
): SimilarPassage[] {
  const words = wordSet(sentence);
  if (words.size < 4) return [];
  const terms = selectingTerms(index, sentence, options.citing);
  const found: SimilarPassage[] = [];
  for (const { passage } of index.candidates(terms, options.candidates ?? CANDIDATES)) {
    const { document, passage: p, text } = index.passageIn(documents, passage);
    if (document.file === options.excludeFile) continue;
    const theirs = wordSet(text);
    const sharedWords = countShared(words, theirs);
    const similarity = (2 * sharedWords) / (words.size + theirs.size);
    found.push({
      text,
      file: document.file,
      range: p.range,
      title: document.meta.title,
      date: document.meta.date,
      speaker: document.meta.speaker,
      page: pageOf(document, p.range.startLine),
      similarity,
      sharedWords,
    });
  }
  return found.sort((a, b) => b.similarity - a.similarity).slice(0, options.limit);
}

/**
 * The words that select the passages a text may follow. Numbers are what the checks compare, so they do not select
 * passages — unless one is asked for. A close precedent shares the text's rarest words; they alone select
 * candidates, which keeps long texts fast.
 */
export function selectingTerms(index: PassageIndex, text: string, citing?: number): QueryTerm[] {
  return index
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
