/** The messages between `WorkerCorpus` and its thread (src/core/worker/corpusWorker.ts): plain data only. */
import type { IndexReport } from '../workspace';

/** The questions the thread answers: the `CorpusQueries` methods whose arguments are plain data. */
export const WORKER_METHODS = [
  'documentFiles',
  'search',
  'passagesCiting',
  'closestPassages',
  'passagesForSentence',
  'phraseHistory',
  'closestParagraphs',
  'complete',
  'acronym',
  'lookUpFacts',
  'factsAt',
  'draftPlace',
  'check',
  'sentencesCiting',
  'termCounts',
  'factsFor',
  'acronymDefinitions',
] as const;

export type WorkerMethod = (typeof WORKER_METHODS)[number];

export type ToWorker =
  | { type: 'ask'; id: number; method: WorkerMethod; args: unknown[] }
  | { type: 'cancel'; id: number }
  /** Exit at once, as a crash would (tests of the recovery). */
  | { type: 'crash' };

export type FromWorker =
  | { type: 'loaded'; report: IndexReport }
  | { type: 'saved'; error: string | null }
  | { type: 'load-failed'; error: string }
  | { type: 'answer'; id: number; result: unknown }
  | { type: 'failed'; id: number; error: string; cancelled: boolean };
