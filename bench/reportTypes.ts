/** The benchmark's report of one corpus, shared by the report (which prints it) and the targets (which judge it). */
import type { Corpus, CorpusName } from './corpora';
import type { EditorFigures } from './editor';
import type { Memory, QueryOutcome, Summary } from './measure';
import type { QueryKind } from './queries';

export interface EngineReport {
  engine: string;
  /** Why it has no figures, when it failed. */
  error: string | null;
  buildMs: number | null;
  /** Precedent only: until the cache, written behind the cold build, was complete. */
  savedMs: number | null;
  /** Precedent only: a second load, from the cache. */
  warmMs: number | null;
  fromSnapshot: boolean | null;
  /** After building (Precedent: after the cold build), in the engine's own process. */
  memory: Memory | null;
  /** Precedent only: after the warm load. */
  warmMemory: Memory | null;
  phrase: Summary | null;
  keyword: Summary | null;
  outcomes: QueryOutcome[];
}

export interface CorpusReport {
  name: CorpusName;
  label: string;
  basis: Corpus['basis'];
  scale: number;
  documents: number | null;
  passages: number | null;
  /** Files Precedent passed over (unreadable, or the same content as another). */
  skipped: number | null;
  queries: Array<{ kind: QueryKind; text: string; source: number; answers: number }>;
  /** Which queries the other engines ran, in words. */
  peerScope: string;
  /** Precedent first. */
  engines: EngineReport[];
  /** The editor's figures (stalls, checks, completions), where measured. */
  editor: EditorFigures | null;
  /** Precedent's figures for the archive's table (issue 16), where measured. */
  archive: ArchiveFigures | null;
}

/** The rows of the archive's table that the engine table leaves out; null where not measured. */
export interface ArchiveFigures {
  coldPeakRssMb: number | null;
  cacheMb: number | null;
  warmPeakRssMb: number | null;
  /** RSS once queried and checked. */
  inUseRssMb: number | null;
  firstCheckMs: number | null;
  /** `precedent search` as one CLI call on the warm cache, wall clock, median of a few. */
  cliSearchMs: number | null;
  /** One corpus file changed: until searchable again (generated corpora only, which may be changed). */
  update: { ms: number; found: boolean; ingested: number } | null;
  /** Why a figure is missing, when something failed. */
  notes: string[];
}
