/**
 * The corpus passages a draft sentence follows, as the drafter reads them beside the draft: the whole passage, the
 * words it shares with the sentence, and the word-level difference from the sentence to it. Twin texts of one
 * speech are one passage, "also in …".
 */
import { normalizeForMatch } from '../text/normalize';
import { tokenize } from '../text/tokenize';
import { type DiffPart, wordDiff } from '../text/wordDiff';
import type { CorpusDocument, SourceRange } from '../types';
import type { PassageIndex } from './passageIndex';
import { type SimilarPassage, similarPassages } from './similar';
import { mergeTwins } from './twins';

/** Below this share of words in common (Dice), a passage is not close enough to show beside a sentence. */
export const CLOSE_SIMILARITY = 0.5;
/** Passages weighed for each one shown: twins and copies take places among the candidates. */
const CANDIDATES_PER_RESULT = 4;

/** How many similar passages to weigh for `limit` shown, and how many candidates the index gives for them. */
export function sentenceCandidates(limit: number): { limit: number; candidates: number } {
  return { limit: limit * CANDIDATES_PER_RESULT, candidates: Math.max(20, limit * CANDIDATES_PER_RESULT) };
}

/** Where else the same passage stands (the other text of the same speech). */
export interface TwinPlace {
  file: string;
  title: string | null;
  range: SourceRange;
}

export interface SentencePassage extends SimilarPassage {
  /** [start, end) offsets in `text` of the words it shares with the sentence, neighbouring words joined. */
  shared: Array<[number, number]>;
  /** From the draft sentence to the passage: what using the passage's wording would change. */
  diff: DiffPart[];
  twins: TwinPlace[];
}

export function sentencePassages(
  index: PassageIndex,
  documents: readonly CorpusDocument[],
  sentence: string,
  options: { limit: number; excludeFile?: string },
): SentencePassage[] {
  const found = similarPassages(index, documents, sentence, { ...sentenceCandidates(options.limit), excludeFile: options.excludeFile });
  return closeSentencePassages(sentence, found, options.limit);
}

/** The similar passages close enough to show beside a sentence, as the panel shows them (wherever they were found). */
export function closeSentencePassages(sentence: string, similar: SimilarPassage[], limit: number): SentencePassage[] {
  const found = similar.filter((passage) => passage.similarity >= CLOSE_SIMILARITY);
  const terms = new Set(tokenize(normalizeForMatch(sentence)).map((t) => t.term));
  return mergeTwins(found)
    .slice(0, limit)
    .map(({ match, twins }) => ({
      ...match,
      shared: sharedSpans(match.text, terms),
      diff: wordDiff(sentence, match.text),
      twins: twins.map((twin) => ({ file: twin.file, title: twin.title, range: twin.range })),
    }));
}

/** The spans of `text` whose words are among `terms`; spans separated only by white space or marks are one. */
export function sharedSpans(text: string, terms: ReadonlySet<string>): Array<[number, number]> {
  const normalized = normalizeForMatch(text);
  const spans: Array<[number, number]> = [];
  for (const token of tokenize(normalized)) {
    if (!terms.has(token.term)) continue;
    const last = spans[spans.length - 1];
    if (last && /^[\s,;:'"()-]*$/.test(normalized.slice(last[1], token.start))) last[1] = token.end;
    else spans.push([token.start, token.end]);
  }
  return spans;
}
