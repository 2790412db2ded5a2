/**
 * The history of a phrase: its close variants in the corpus in date order — first use, each change, latest use —
 * with the word difference from one version to the next. Identical consecutive versions are one entry with their
 * count and date range; the twin texts of one speech are one version, "also in …".
 */
import { type DiffPart, sameWording, type WordChange, wordChanges, wordDiff } from '../text/wordDiff';
import type { CorpusDocument } from '../types';
import type { PassageIndex } from './passageIndex';
import { type SimilarPassage, similarPassages, wordSet } from './similar';
import type { TwinPlace } from './sentencePassages';
import { mergeTwins } from './twins';

/** The share of words (Dice, numbers aside) a passage must share with the phrase to count as a version of it. */
export const HISTORY_SIMILARITY = 0.5;
/** At most this many versions, the closest ones. */
export const HISTORY_LIMIT = 50;
/** A passage that holds this share of the phrase's words (numbers aside) is a version, however long it is. */
export const CONTAINED = 0.8;
/** Passages weighed to find them. */
export const HISTORY_CANDIDATES = 400;

/** One place a version was used. */
export interface Use {
  passage: SimilarPassage;
  twins: TwinPlace[];
}

export interface HistoryEntry {
  /** The wording, as its first use in the entry has it. */
  text: string;
  /** Every use of this wording in a row, oldest first: one, or several identical ones. */
  uses: Use[];
  firstDate: string | null;
  lastDate: string | null;
  /** The difference from the entry before (null for the first), and its changes in short. */
  diff: DiffPart[] | null;
  changes: WordChange[];
}

export interface PhraseHistory {
  phrase: string;
  /** A version shares at least this share of words with the phrase (Dice, numbers aside)… */
  minSimilarity: number;
  /** …or holds at least this share of the phrase's words. */
  contained: number;
  /** Oldest first; undated versions last. */
  entries: HistoryEntry[];
  /** How many versions were found (before identical ones were collapsed). */
  versions: number;
}

export function phraseHistory(
  index: PassageIndex,
  documents: readonly CorpusDocument[],
  phrase: string,
  options: { minSimilarity?: number; limit?: number; excludeFile?: string } = {},
): PhraseHistory {
  const similar = similarPassages(index, documents, phrase, {
    limit: HISTORY_CANDIDATES,
    candidates: HISTORY_CANDIDATES,
    excludeFile: options.excludeFile,
  });
  return historyOf(phrase, similar, options);
}

/** The history of a phrase from the passages similar to it (wherever they were found). */
export function historyOf(
  phrase: string,
  similar: SimilarPassage[],
  options: { minSimilarity?: number; limit?: number } = {},
): PhraseHistory {
  const minSimilarity = options.minSimilarity ?? HISTORY_SIMILARITY;
  const limit = options.limit ?? HISTORY_LIMIT;
  const phraseWords = wordSet(phrase).size;
  // A selection is shorter than the sentences that use it: one that holds nearly all its words is a version too.
  const closeness = (passage: SimilarPassage) => Math.max(passage.similarity, passage.sharedWords / phraseWords >= CONTAINED ? 1 : 0);
  const close = similar.filter((passage) => closeness(passage) >= minSimilarity).sort((a, b) => closeness(b) - closeness(a));
  const versions = mergeTwins(close)
    .slice(0, limit)
    .sort((a, b) => compareDates(a.match.date, b.match.date) || a.match.file.localeCompare(b.match.file));
  const entries: HistoryEntry[] = [];
  for (const { match, twins } of versions) {
    const use: Use = { passage: match, twins: twins.map((t) => ({ file: t.file, title: t.title, range: t.range })) };
    const last = entries[entries.length - 1];
    if (last && sameWording(last.text, match.text)) {
      last.uses.push(use);
      last.lastDate = match.date ?? last.lastDate;
      continue;
    }
    const diff = last ? wordDiff(last.text, match.text) : null;
    entries.push({
      text: match.text,
      uses: [use],
      firstDate: match.date,
      lastDate: match.date,
      diff,
      changes: diff ? wordChanges(diff) : [],
    });
  }
  return { phrase, minSimilarity, contained: CONTAINED, entries, versions: versions.length };
}

/** Oldest first, by ISO date (partial dates before full ones of the same period); undated last. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
