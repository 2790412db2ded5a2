/**
 * A draft (or a corpus file, for the audit) checked against a corpus: the draft is read here, and what the checks
 * ask of the corpus — the passage a sentence follows, the facts on a subject, what an acronym stands for — is asked
 * of `CorpusEvidence`, which the local workspace answers from memory and a database corpus from what it fetched.
 */
import { extractCitations } from '../citations/extract';
import type { ResolutionRegistry } from '../citations/registry';
import { readFrontMatter } from '../corpus/frontMatter';
import { ingestText } from '../corpus/ingest';
import { LineIndex } from '../corpus/lines';
import type { AcronymTable } from '../facts/acronyms';
import type { SentenceFact } from '../facts/extract';
import type { Fact } from '../facts/factBase';
import type { CorpusDocument, DocumentMeta } from '../types';
import type { CheckConfig } from './config';
import { runChecks } from './runChecks';
import type { CheckInput, Finding, Precedent, Sentence } from './types';

export interface CorpusEvidence {
  /** The corpus's acronyms: how names in a draft's facts are unified with the corpus's. */
  acronymTable(): AcronymTable;
  /** The corpus passage of another file that a sentence follows most closely (citing `citing`, when given). */
  closestPassage(sentence: string, file: string, citing?: number): Precedent | null;
  /** The facts a draft's sentence states (read with the corpus's acronyms). */
  factsOfSentence(sentence: string, meta: DocumentMeta): SentenceFact[];
  /** Facts on the same subject as a fact of the draft, newest first. */
  sameSubject(fact: SentenceFact): Fact[];
}

/** Findings on a draft: citations against the registry, sentences and figures against the corpus. */
export function checkDraft(
  text: string,
  file: string,
  options: { registry: ResolutionRegistry; config: CheckConfig },
  evidence: CorpusEvidence,
): Finding[] {
  const { draft, lines, sentences } = readDraft(text, file);
  const input: CheckInput = {
    text,
    file,
    bodyStart: readFrontMatter(text).bodyStart,
    style: options.config.style,
    documentDate: draft.meta.date,
    documentStatus: draft.meta.status,
    citations: extractCitations(text, { documentDate: draft.meta.date }),
    sentences,
    registry: options.registry,
    rangeOf: (start, end) => lines.range(start, end),
    precedentOf: (sentence, citing) => evidence.closestPassage(sentence.text, file, citing),
    factsIn: (sentence) => evidence.factsOfSentence(text.slice(sentence.start, sentence.end), draft.meta),
    recordedFacts: (fact) => evidence.sameSubject(fact).filter((f) => f.file !== file),
    corpusExpansion: (abbreviation) => evidence.acronymTable().expansion(abbreviation),
  };
  return runChecks(input, options.config);
}

/** A draft as the checks read it: its document, line index, and sentences with their offsets in the text. */
export function readDraft(text: string, file: string): { draft: CorpusDocument; lines: LineIndex; sentences: Sentence[] } {
  const draft = ingestText(file, '', 'utf-8', text);
  const lines = new LineIndex(text);
  const sentences = draft.passages.map((p) => ({
    text: draft.paragraphs[p.paragraph].text.slice(p.start, p.end),
    start: lines.offset(p.range.startLine, p.range.startColumn),
    end: lines.offset(p.range.endLine, p.range.endColumn),
  }));
  return { draft, lines, sentences };
}
