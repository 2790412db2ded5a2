/**
 * A draft (or a corpus file, for the audit) checked against a corpus. What the checks ask of the corpus — the passage
 * a sentence follows, the facts on a subject, what an acronym stands for, what a resolution is about — is asked of
 * `CorpusEvidence`, which the local workspace answers from memory and a database corpus from what it fetched.
 */
import type { ResolutionRegistry } from '../citations/registry';
import type { ResolutionSubjects } from '../citations/subjects';
import type { Draft } from '../draft/draft';
import type { AcronymTable } from '../facts/acronyms';
import type { SentenceFact } from '../facts/extract';
import type { Fact } from '../facts/factBase';
import type { DocumentMeta } from '../types';
import type { CheckConfig } from './config';
import { runChecks } from './runChecks';
import type { CheckInput, Finding, Precedent } from './types';

export interface CorpusEvidence {
  /** The corpus's acronyms: how names in a draft's facts are unified with the corpus's. */
  acronymTable(): AcronymTable;
  /** The corpus passage of another file that a sentence follows most closely (citing `citing`, when given). */
  closestPassage(sentence: string, file: string, citing?: number): Precedent | null;
  /** The facts a draft's sentence states (read with the corpus's acronyms). */
  factsOfSentence(sentence: string, meta: DocumentMeta): SentenceFact[];
  /** Facts on the same subject as a fact of the draft, newest first. */
  sameSubject(fact: SentenceFact): Fact[];
  /** What each resolution is about, as the corpus cites it. */
  readonly subjects: ResolutionSubjects;
}

/** Findings on a draft: citations against the registry, sentences and figures against the corpus. */
export function checkDraft(
  draft: Draft,
  options: { registry: ResolutionRegistry; config: CheckConfig },
  evidence: CorpusEvidence,
): Finding[] {
  const { file } = draft;
  const input: CheckInput = {
    draft,
    text: draft.prose,
    file,
    bodyStart: draft.bodyStart,
    style: options.config.style,
    documentDate: draft.meta.date,
    documentStatus: draft.meta.status,
    citations: draft.citations,
    sentences: draft.sentences,
    registry: options.registry,
    subjects: evidence.subjects,
    rangeOf: (start, end) => draft.lines.range(start, end),
    precedentOf: (sentence, citing) => evidence.closestPassage(sentence.text, file, citing),
    factsIn: (sentence) => evidence.factsOfSentence(draft.prose.slice(sentence.start, sentence.end), draft.meta),
    recordedFacts: (fact) => evidence.sameSubject(fact).filter((f) => f.file !== file),
    corpusExpansion: (abbreviation) => evidence.acronymTable().expansion(abbreviation),
  };
  return runChecks(input, options.config);
}
