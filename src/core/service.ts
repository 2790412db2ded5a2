/**
 * The one asynchronous seam between the surfaces (the editor's adapters, the CLI) and a corpus. Every question they
 * ask goes through `CorpusQueries`, returns a promise and can be cancelled with an AbortSignal; `LocalCorpus`
 * answers in this process from a loaded `PrecedentWorkspace`. Other answerers (a worker thread, a database server)
 * implement the same interface, and no surface changes.
 */
import type { CheckConfig } from './checks/config';
import type { Finding, Precedent } from './checks/types';
import type { ResolutionRegistry } from './citations/registry';
import { describeFsError } from './corpus/discover';
import { type DraftPlace, placeIn } from './draft/draft';
import { readSourceText } from './corpus/sourceText';
import type { AcronymCount } from './facts/acronyms';
import type { Fact } from './facts/factBase';
import type { FactsAt } from './facts/factsAt';
import type { ParagraphMatch } from './search/closestParagraphs';
import type { Continuation } from './search/complete';
import type { PhraseHistory } from './search/phraseHistory';
import type { SearchOptions } from './search/search';
import type { SentencePassage } from './search/sentencePassages';
import type { SearchMatch } from './types';
import type { IndexReport, PrecedentWorkspace } from './workspace';

/** What every question may carry: a signal that the asker no longer wants the answer. */
export interface Cancellable {
  signal?: AbortSignal;
}

/** Thrown (as a rejection) when a question is cancelled before it is answered. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export function isCancelled(error: unknown): error is CancelledError {
  return error instanceof CancelledError;
}

export interface CompleteOptions extends Cancellable {
  /** The text after the cursor on its line; "" (the default) at the end of a line. */
  after?: string;
}

export interface ClosestOptions extends Cancellable {
  limit: number;
  excludeFile?: string;
  citing?: number;
}

export interface CheckOptions extends Cancellable {
  registry: ResolutionRegistry;
  config: CheckConfig;
}

/** A file the audit or `check` read: its text (as the findings' offsets count it) and its findings. */
export interface CheckedFile {
  file: string;
  text: string;
  findings: Finding[];
}

export interface AuditOptions extends Cancellable {
  registry: ResolutionRegistry;
  /** The configuration that applies to a corpus file (its nearest `.precedent.json`). */
  configFor(file: string): Promise<CheckConfig>;
  /** Which corpus files to audit (all when not given). */
  include?(file: string): boolean;
  /** Told of each file that could not be read, which the audit then leaves out. */
  onUnreadable?(file: string, reason: string): void;
}

/** How many passages a corpus has, and how many of them hold each term asked about (in the order asked). */
export interface TermCounts {
  passages: number;
  holding: number[];
}

export interface CorpusQueries {
  /** How the corpus was read: documents, passages, skipped files, time. */
  readonly report: IndexReport;
  /** The corpus files, as their passages name them. */
  documentFiles(options?: Cancellable): Promise<string[]>;
  /** Passages for a phrase or keywords, best first. */
  search(query: string, options?: SearchOptions & Cancellable): Promise<SearchMatch[]>;
  /** Corpus passages that cite a Security Council resolution by number. */
  passagesCiting(number: number, limit: number, options?: Cancellable): Promise<SearchMatch[]>;
  /**
   * The corpus passages a sentence most closely follows, best first (from files other than `excludeFile`; only
   * passages citing resolution `citing`, when given, as the checks compare a citing sentence).
   */
  closestPassages(sentence: string, options: ClosestOptions): Promise<Precedent[]>;
  /** The passages a draft sentence follows, best first: whole, with the words they share and the word difference. */
  passagesForSentence(sentence: string, options: { limit: number; excludeFile?: string } & Cancellable): Promise<SentencePassage[]>;
  /** A phrase's close variants in date order, identical consecutive ones collapsed, with the change between them. */
  phraseHistory(
    phrase: string,
    options?: { minSimilarity?: number; limit?: number; excludeFile?: string } & Cancellable,
  ): Promise<PhraseHistory>;
  /** The corpus paragraphs a draft paragraph follows, best first, without speaker tags. */
  closestParagraphs(paragraph: string, limit: number, options?: Cancellable): Promise<ParagraphMatch[]>;
  /** Continuations of the sentence being typed, fitted to `after` (the rest of the cursor's line), best first. */
  complete(typed: string, limit: number, options?: CompleteOptions): Promise<Continuation[]>;
  /** What the corpus says an acronym stands for, and how many passages use it. */
  acronym(acronym: string, options?: Cancellable): Promise<{ expansion: string | null; uses: number }>;
  /** Facts matching a query, best matching subject first, newest first within it. */
  lookUpFacts(query: string, limit: number, options?: Cancellable): Promise<Fact[]>;
  /** What the corpus records about the figure or name at an offset of a draft. */
  factsAt(text: string, offset: number, options?: Cancellable): Promise<FactsAt | null>;
  /** What is at an offset of a draft: whether it is prose, its sentence, its citation (the draft read as the checks read it). */
  draftPlace(text: string, file: string, offset: number, options?: Cancellable): Promise<DraftPlace>;
  /**
   * The evidence the checks weigh, which a check over several sources asks of each (see checks/gatheredEvidence.ts):
   * the texts of at most `limit` passages holding a number as a word (what a resolution is about is read from those
   * that cite it), how telling words are, the facts on subjects (`subjectKeyOf`) or about names (subject or actor)
   * each once, and the acronyms the corpus defines with how often.
   */
  sentencesCiting(number: number, limit: number, options?: Cancellable): Promise<string[]>;
  termCounts(terms: string[], options?: Cancellable): Promise<TermCounts>;
  factsFor(subjectKeys: string[], names: string[], options?: Cancellable): Promise<Fact[]>;
  acronymDefinitions(options?: Cancellable): Promise<AcronymCount[]>;
  /** Findings on a draft's text. */
  check(text: string, file: string, options: CheckOptions): Promise<Finding[]>;
  /** Findings on every corpus file. */
  audit(options: AuditOptions): Promise<CheckedFile[]>;
}

/** Rejects when the asker has cancelled; called before work and between steps of it. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/** The audit of corpus files, whoever checks them: each file read, configured and checked in turn. */
export async function auditFiles(
  files: string[],
  options: AuditOptions,
  check: (text: string, file: string, config: CheckConfig) => Promise<Finding[]>,
): Promise<CheckedFile[]> {
  const checked: CheckedFile[] = [];
  for (const file of files) {
    throwIfCancelled(options.signal);
    if (options.include && !options.include(file)) continue;
    let text: string;
    try {
      text = await readSourceText(file);
    } catch (error) {
      options.onUnreadable?.(file, describeFsError(error));
      continue;
    }
    checked.push({ file, text, findings: await check(text, file, await options.configFor(file)) });
  }
  return checked;
}

/** Answers in this process from a loaded workspace. */
export class LocalCorpus implements CorpusQueries {
  constructor(readonly workspace: PrecedentWorkspace) {}

  get report(): IndexReport {
    return this.workspace.report;
  }

  documentFiles(options: Cancellable = {}): Promise<string[]> {
    return this.answer(options, () => this.workspace.documents.map((document) => document.file));
  }

  search(query: string, options: SearchOptions & Cancellable = {}): Promise<SearchMatch[]> {
    return this.answer(options, () => this.workspace.search(query, options));
  }

  passagesCiting(number: number, limit: number, options: Cancellable = {}): Promise<SearchMatch[]> {
    return this.answer(options, () => this.workspace.passagesCiting(number, limit));
  }

  closestPassages(sentence: string, options: ClosestOptions): Promise<Precedent[]> {
    return this.answer(options, () => this.workspace.closestPassages(sentence, options));
  }

  passagesForSentence(sentence: string, options: { limit: number; excludeFile?: string } & Cancellable): Promise<SentencePassage[]> {
    return this.answer(options, () => this.workspace.passagesForSentence(sentence, options));
  }

  phraseHistory(
    phrase: string,
    options: { minSimilarity?: number; limit?: number; excludeFile?: string } & Cancellable = {},
  ): Promise<PhraseHistory> {
    return this.answer(options, () => this.workspace.phraseHistory(phrase, options));
  }

  closestParagraphs(paragraph: string, limit: number, options: Cancellable = {}): Promise<ParagraphMatch[]> {
    return this.answer(options, () => this.workspace.closestParagraphs(paragraph, limit));
  }

  complete(typed: string, limit: number, options: CompleteOptions = {}): Promise<Continuation[]> {
    return this.answer(options, () => this.workspace.complete(typed, limit, options.after));
  }

  acronym(acronym: string, options: Cancellable = {}): Promise<{ expansion: string | null; uses: number }> {
    return this.answer(options, () => this.workspace.acronym(acronym));
  }

  async lookUpFacts(query: string, limit: number, options: Cancellable = {}): Promise<Fact[]> {
    await this.factsRead(options);
    return this.workspace.lookUpFacts(query, limit);
  }

  async factsAt(text: string, offset: number, options: Cancellable = {}): Promise<FactsAt | null> {
    await this.factsRead(options);
    return this.workspace.factsAt(text, offset);
  }

  draftPlace(text: string, file: string, offset: number, options: Cancellable = {}): Promise<DraftPlace> {
    return this.answer(options, () => placeIn(this.workspace.draft(text, file), offset));
  }

  sentencesCiting(number: number, limit: number, options: Cancellable = {}): Promise<string[]> {
    return this.answer(options, () => {
      const sentences: string[] = [];
      for (const sentence of this.workspace.sentencesWith(number)) if (sentences.push(sentence) >= limit) break;
      return sentences;
    });
  }

  termCounts(terms: string[], options: Cancellable = {}): Promise<TermCounts> {
    return this.answer(options, () => this.workspace.termCounts(terms));
  }

  async factsFor(subjectKeys: string[], names: string[], options: Cancellable = {}): Promise<Fact[]> {
    await this.factsRead(options);
    return this.workspace.facts.factsFor(subjectKeys, names);
  }

  acronymDefinitions(options: Cancellable = {}): Promise<AcronymCount[]> {
    return this.answer(options, () => this.workspace.acronymTable().definitions());
  }

  async check(text: string, file: string, options: CheckOptions): Promise<Finding[]> {
    // The checks compare figures with the corpus's facts: read them in slices first, not in one stall.
    await this.factsRead(options);
    return this.workspace.check(text, file, options);
  }

  async audit(options: AuditOptions): Promise<CheckedFile[]> {
    await this.factsRead(options);
    const files = this.workspace.documents.map((document) => document.file);
    return auditFiles(files, options, (text, file, config) =>
      Promise.resolve(this.workspace.check(text, file, { registry: options.registry, config })),
    );
  }

  private async factsRead(options: Cancellable): Promise<void> {
    throwIfCancelled(options.signal);
    await this.workspace.prepareFacts();
    throwIfCancelled(options.signal);
  }

  /** In-process answers are synchronous; the seam still lets a cancelled question go unanswered. */
  private answer<T>(options: Cancellable, compute: () => T): Promise<T> {
    try {
      throwIfCancelled(options.signal);
      return Promise.resolve(compute());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
