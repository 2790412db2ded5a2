/** What a check reports: findings with offsets in the checked text, their fixes, and related places. */
import type { Citation } from '../citations/extract';
import type { ResolutionRegistry } from '../citations/registry';
import type { ResolutionSubjects } from '../citations/subjects';
import type { SentenceFact } from '../facts/extract';
import type { Fact } from '../facts/factBase';
import type { SimilarPassage } from '../search/similar';
import type { Draft, Sentence } from '../draft/draft';
import type { SourceRange } from '../types';

export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A house style whose rules run as checks of their own; only the UN Editorial Manual's for now. */
export type StyleSheet = 'un';

export interface Fix {
  title: string;
  /** [start, end) offsets in the checked text, and what replaces them. */
  start: number;
  end: number;
  replacement: string;
  /** A judgement for the drafter (which negotiated alternative, which year's figure): never applied unasked. */
  choice?: true;
}

export interface RelatedPlace {
  file: string;
  range: SourceRange;
  text: string;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fixes: Fix[];
  related: RelatedPlace[];
}

export type { Sentence } from '../draft/draft';

/** A corpus passage that a draft sentence closely follows. */
export type Precedent = SimilarPassage;

export interface CheckInput {
  /** The draft as read once: its text as written, front matter, sentences, citations. */
  draft: Draft;
  /** The draft's prose: its text with what is not prose (code, HTML, link destinations) blanked, offsets unchanged. */
  text: string;
  file: string;
  /** Where the text after the front matter begins. */
  bodyStart: number;
  /** The style sheet the drafter chose, whose preferences the fixes follow. */
  style: StyleSheet | null;
  /** The document's own date, from its front matter: resolves "adopted last December". */
  documentDate: string | null;
  /** Its status from the front matter ("final"), or null. */
  documentStatus: string | null;
  citations: Citation[];
  sentences: Sentence[];
  registry: ResolutionRegistry;
  /** What each resolution is about, by the words the corpus writes around its citations. */
  subjects: ResolutionSubjects;
  /** Offsets in the checked text to the range an editor shows. */
  rangeOf(start: number, end: number): SourceRange;
  /** The closest corpus passage to a sentence (not one of this file's own), or null; `citing` requires a number. */
  precedentOf(sentence: Sentence, citing?: number): Precedent | null;
  /** The facts a sentence of the checked text states (offsets inside the sentence). */
  factsIn(sentence: Sentence): SentenceFact[];
  /** What the corpus records on the same subject as a fact (same actor, relation and subject), newest first. */
  recordedFacts(fact: SentenceFact): Fact[];
  /** What an abbreviation stands for, as the corpus defines it, or null. */
  corpusExpansion(abbreviation: string): string | null;
}

/** The fix to apply without asking — the first, unless it is a judgement for the drafter — or null. */
export function preferredFix(finding: Finding): Fix | null {
  const [first] = finding.fixes;
  return first && !first.choice ? first : null;
}

export interface Check {
  code: string;
  /** What it flags, in a few words: the settings' and the `.precedent.json` schema's description of the code. */
  summary: string;
  defaultSeverity: Severity;
  /** A style sheet's rule: it runs only when the drafter chose that style sheet. */
  style?: StyleSheet;
  run(input: CheckInput): Array<Omit<Finding, 'code' | 'severity'>>;
}
