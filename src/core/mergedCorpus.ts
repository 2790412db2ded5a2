/**
 * Local corpus folders and a team corpus on a server, behind the one seam (`CorpusQueries`): each question goes to
 * both at once, and the answers are merged — ranked lists by the score both sources compute alike, each wording or
 * finding once. The server is asked through its link (serverLink.ts), which bounds each question and answers at once
 * while the server is away: then the local answer stands alone, and `shortfall` says answers are incomplete, so the
 * surfaces can say so rather than leave the server's part silently missing.
 */
import type { Finding, Precedent } from './checks/types';
import type { DatabaseCorpus } from './db/databaseCorpus';
import type { ServerAnswer, ServerLink } from './db/serverLink';
import type { DraftPlace } from './draft/draft';
import { type Fact, factBaseOf } from './facts/factBase';
import type { FactsAt } from './facts/factsAt';
import type { ParagraphMatch } from './search/closestParagraphs';
import { type Continuation, mergeContinuations } from './search/complete';
import { historyOf, type PhraseHistory } from './search/phraseHistory';
import type { SearchOptions } from './search/search';
import type { SentencePassage } from './search/sentencePassages';
import type { AuditOptions, Cancellable, CheckedFile, CheckOptions, CompleteOptions, CorpusQueries } from './service';
import type { SearchMatch } from './types';
import type { IndexReport } from './workspace';

const DEFAULT_SEARCH_LIMIT = 10;

export class MergedCorpus implements CorpusQueries {
  constructor(
    readonly local: CorpusQueries,
    readonly server: ServerLink,
  ) {}

  /** The local folders' report: the server's counts are the link's (its state). */
  get report(): IndexReport {
    return this.local.report;
  }

  /**
   * Why answers now have no part from the server (it is away, or stopped answering in time: the link is then
   * unavailable until it reconnects), or null when the server answers.
   */
  get shortfall(): string | null {
    return this.server.shortfall;
  }

  /** A server document's text, as its passages' positions count it; null when the role may not read it. */
  async documentText(reference: string, options: Cancellable = {}): Promise<string> {
    const answer = await this.server.ask(
      'for the document',
      (corpus, signal) => corpus.documentText(reference, { signal }),
      options.signal,
    );
    if (!answer.answered) throw new Error(`${reference} cannot be shown: ${answer.reason}`);
    if (answer.value === null) throw new Error(`${reference} is not on the server, or this role may not read it`);
    return answer.value;
  }

  documentFiles(options: Cancellable = {}): Promise<string[]> {
    return this.both(
      'the document list',
      () => this.local.documentFiles(options),
      (c, signal) => c.documentFiles({ signal }),
      (local, server) => [...local, ...server],
      options,
    );
  }

  search(query: string, options: SearchOptions & Cancellable = {}): Promise<SearchMatch[]> {
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    return this.both(
      'the search',
      () => this.local.search(query, options),
      (c, signal) => c.search(query, { ...options, signal }),
      (local, server) => best([...local, ...server], (m) => m.score, limit),
      options,
    );
  }

  passagesCiting(number: number, limit: number, options: Cancellable = {}): Promise<SearchMatch[]> {
    return this.both(
      'for citing passages',
      () => this.local.passagesCiting(number, limit, options),
      (c, signal) => c.passagesCiting(number, limit, { signal }),
      (local, server) => [...local, ...server].slice(0, limit),
      options,
    );
  }

  closestPassages(sentence: string, options: { limit: number; excludeFile?: string } & Cancellable): Promise<Precedent[]> {
    return this.both(
      'for the closest passages',
      () => this.local.closestPassages(sentence, options),
      (c, signal) => c.closestPassages(sentence, { ...options, signal }),
      (local, server) => best([...local, ...server], (p) => p.similarity, options.limit),
      options,
    );
  }

  passagesForSentence(sentence: string, options: { limit: number; excludeFile?: string } & Cancellable): Promise<SentencePassage[]> {
    return this.both(
      'for passages like the sentence',
      () => this.local.passagesForSentence(sentence, options),
      (c, signal) => c.passagesForSentence(sentence, { ...options, signal }),
      (local, server) => best([...local, ...server], (p) => p.similarity, options.limit),
      options,
    );
  }

  /** The versions both sources found, put in one history (date order, identical wordings collapsed). */
  phraseHistory(
    phrase: string,
    options: { minSimilarity?: number; limit?: number; excludeFile?: string } & Cancellable = {},
  ): Promise<PhraseHistory> {
    return this.both(
      'for the phrase history',
      () => this.local.phraseHistory(phrase, options),
      (c, signal) => c.phraseHistory(phrase, { ...options, signal }),
      (local, server) => historyOf(phrase, [...usedPassages(local), ...usedPassages(server)], options),
      options,
    );
  }

  closestParagraphs(paragraph: string, limit: number, options: Cancellable = {}): Promise<ParagraphMatch[]> {
    return this.both(
      'for the closest paragraphs',
      () => this.local.closestParagraphs(paragraph, limit, options),
      (c, signal) => c.closestParagraphs(paragraph, limit, { signal }),
      (local, server) => best([...local, ...server], (p) => p.similarity, limit),
      options,
    );
  }

  complete(typed: string, limit: number, options: CompleteOptions = {}): Promise<Continuation[]> {
    return this.both(
      'for continuations',
      () => this.local.complete(typed, limit, options),
      (c, signal) => c.complete(typed, limit, { ...options, signal }),
      (local, server) => mergeContinuations([local, server], limit),
      options,
    );
  }

  acronym(acronym: string, options: Cancellable = {}): Promise<{ expansion: string | null; uses: number }> {
    return this.both(
      'for the acronym',
      () => this.local.acronym(acronym, options),
      (c, signal) => c.acronym(acronym, { signal }),
      (local, server) => ({ expansion: local.expansion ?? server.expansion, uses: local.uses + server.uses }),
      options,
    );
  }

  /** Each source's best facts, ranked again together by the same lookup. */
  lookUpFacts(query: string, limit: number, options: Cancellable = {}): Promise<Fact[]> {
    return this.both(
      'for facts',
      () => this.local.lookUpFacts(query, limit, options),
      (c, signal) => c.lookUpFacts(query, limit, { signal }),
      (local, server) => (server.length === 0 ? local : factBaseOf([...local, ...server]).lookup(query, limit)),
      options,
    );
  }

  factsAt(text: string, offset: number, options: Cancellable = {}): Promise<FactsAt | null> {
    return this.both(
      'for facts at the figure',
      () => this.local.factsAt(text, offset, options),
      (c, signal) => c.factsAt(text, offset, { signal }),
      (local, server) => mergeFactsAt(local, server),
      options,
    );
  }

  /** How the draft reads does not depend on the corpus: the local reading. */
  draftPlace(text: string, file: string, offset: number, options: Cancellable = {}): Promise<DraftPlace> {
    return this.local.draftPlace(text, file, offset, options);
  }

  /**
   * Each source checks the draft against its own passages and facts; a finding both make (the same check on the same
   * words) is kept once, as the local folders made it.
   */
  check(text: string, file: string, options: CheckOptions): Promise<Finding[]> {
    return this.both(
      'the checks',
      () => this.local.check(text, file, options),
      (c, signal) => c.check(text, file, { ...options, signal }),
      (local, server) => {
        const made = new Set(local.map(findingKey));
        return [...local, ...server.filter((finding) => !made.has(findingKey(finding)))].sort((a, b) => a.start - b.start);
      },
      options,
    );
  }

  /** The audit checks the local corpus folders, which the drafter maintains; the server's collections are published. */
  audit(options: AuditOptions): Promise<CheckedFile[]> {
    return this.local.audit(options);
  }

  /** Both sources at once; the server's part only when it answered (in time), else the local answer alone. */
  private async both<T>(
    what: string,
    local: () => Promise<T>,
    server: (corpus: DatabaseCorpus, signal: AbortSignal) => Promise<T>,
    merge: (local: T, server: T) => T,
    options: Cancellable,
  ): Promise<T> {
    const [fromLocal, fromServer]: [T, ServerAnswer<T>] = await Promise.all([local(), this.server.ask(what, server, options.signal)]);
    return fromServer.answered ? merge(fromLocal, fromServer.value) : fromLocal;
  }
}

/** The `limit` best items by a score, higher first (a stable sort keeps each source's order among equals). */
function best<T>(items: T[], score: (item: T) => number, limit: number): T[] {
  return items.sort((a, b) => score(b) - score(a)).slice(0, limit);
}

function usedPassages(history: PhraseHistory): Precedent[] {
  return history.entries.flatMap((entry) => entry.uses.map((use) => use.passage));
}

/** What both record about the figure or name: where they found the same words, their facts together. */
function mergeFactsAt(local: FactsAt | null, server: FactsAt | null): FactsAt | null {
  if (!local || !server) return local ?? server;
  if (local.start !== server.start || local.end !== server.end) return local;
  return { ...local, facts: [...local.facts, ...server.facts] };
}

function findingKey(finding: Finding): string {
  return `${finding.code}\u0000${finding.start}\u0000${finding.end}`;
}
