/**
 * Local corpus folders and a team corpus on a server, behind the one seam (`CorpusQueries`): each question goes to
 * both at once, and the answers are merged — ranked lists by the score both sources compute alike, each wording
 * once. The checks are one check over the evidence of both (checks/gatheredEvidence.ts): a finding the local folders
 * alone would raise, the server's passages or facts may clear. The server is asked through its link (serverLink.ts),
 * which bounds each question and answers at once while the server is away: then the local answer stands alone, and
 * `shortfall` says answers are incomplete, so the surfaces can say so rather than leave the server's part silently
 * missing. This is the one merge of local folders and a server: the editor's, and the command line's `--db` with
 * `--corpus`.
 */
import { checkDraft } from './checks/checkDraft';
import { type EvidenceSource, GatheredEvidence, untilAnswered } from './checks/gatheredEvidence';
import type { Finding, Precedent } from './checks/types';
import type { DatabaseCorpus } from './db/databaseCorpus';
import { isDocumentReference } from './db/reference';
import type { ServerAnswer, ServerLink } from './db/serverLink';
import { type Draft, type DraftPlace, isMarkdownFile, readDraft } from './draft/draft';
import type { AcronymCount } from './facts/acronyms';
import { type Fact, factBaseOf } from './facts/factBase';
import { factsAt, type FactsAt } from './facts/factsAt';
import type { ParagraphMatch } from './search/closestParagraphs';
import { type Continuation, mergeContinuations } from './search/complete';
import { historyOf, type PhraseHistory } from './search/phraseHistory';
import { distinctFirst, type SearchOptions } from './search/search';
import type { SentencePassage } from './search/sentencePassages';
import type {
  AuditOptions,
  Cancellable,
  CheckedFile,
  CheckOptions,
  ClosestOptions,
  CompleteOptions,
  CorpusQueries,
  TermCounts,
} from './service';
import type { SearchMatch } from './types';
import type { IndexReport } from './workspace';

const DEFAULT_SEARCH_LIMIT = 10;

/** The server gave no answer to a question of a merged check (away, or not in time): the check is the local one. */
class ServerShortfall extends Error {}

export class MergedCorpus implements CorpusQueries {
  /** The evidence of both, kept between checks while the same connection answers. */
  private evidence: { connection: number; gathered: Promise<GatheredEvidence> } | null = null;
  private localFiles: Promise<Set<string>> | null = null;
  private lastDraft: Draft | null = null;

  /** The server's part of a merged check's evidence: an answer, or ServerShortfall. */
  private readonly serverEvidence: EvidenceSource = {
    closestPassages: (sentence, options) =>
      this.fromServer('for the closest passages', (c, signal) => c.closestPassages(sentence, { ...options, signal }), options.signal),
    sentencesCiting: (number, limit, options = {}) =>
      this.fromServer('for sentences citing a resolution', (c, signal) => c.sentencesCiting(number, limit, { signal }), options.signal),
    termCounts: (terms, options = {}) =>
      this.fromServer('for how often words are used', (c, signal) => c.termCounts(terms, { signal }), options.signal),
    factsFor: (subjectKeys, names, options = {}) =>
      this.fromServer('for facts on the subjects', (c, signal) => c.factsFor(subjectKeys, names, { signal }), options.signal),
    acronymDefinitions: (options = {}) =>
      this.fromServer('for the acronyms', (c, signal) => c.acronymDefinitions({ signal }), options.signal),
  };

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
      (local, server) =>
        distinctFirst(
          best([...local, ...server], (m) => m.score, local.length + server.length),
          limit,
        ),
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

  closestPassages(sentence: string, options: ClosestOptions): Promise<Precedent[]> {
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

  /** The facts of both at the figure or name, read from the evidence of both as the check reads them. */
  async factsAt(text: string, offset: number, options: Cancellable = {}): Promise<FactsAt | null> {
    const connection = this.server.connection;
    if (connection === null) return this.local.factsAt(text, offset, options);
    const sources = [this.local, this.serverEvidence];
    try {
      const evidence = await this.gatheredEvidence(connection, sources, options);
      const draft = this.lastDraft?.text === text ? this.lastDraft : await this.draft(text, '');
      return await untilAnswered(evidence, sources, () => factsAt(draft, offset, evidence), options);
    } catch (error) {
      if (!(error instanceof ServerShortfall)) throw error;
      return this.local.factsAt(text, offset, options);
    }
  }

  /** How the draft reads does not depend on the corpus: the local reading. */
  draftPlace(text: string, file: string, offset: number, options: Cancellable = {}): Promise<DraftPlace> {
    return this.local.draftPlace(text, file, offset, options);
  }

  sentencesCiting(number: number, limit: number, options: Cancellable = {}): Promise<string[]> {
    return this.both(
      'for sentences citing a resolution',
      () => this.local.sentencesCiting(number, limit, options),
      (c, signal) => c.sentencesCiting(number, limit, { signal }),
      (local, server) => [...local, ...server],
      options,
    );
  }

  /** The passages of both, and the passages of both that hold each term. */
  termCounts(terms: string[], options: Cancellable = {}): Promise<TermCounts> {
    return this.both(
      'for how often words are used',
      () => this.local.termCounts(terms, options),
      (c, signal) => c.termCounts(terms, { signal }),
      (local, server) => ({ passages: local.passages + server.passages, holding: local.holding.map((n, i) => n + server.holding[i]) }),
      options,
    );
  }

  factsFor(subjectKeys: string[], names: string[], options: Cancellable = {}): Promise<Fact[]> {
    return this.both(
      'for facts on the subjects',
      () => this.local.factsFor(subjectKeys, names, options),
      (c, signal) => c.factsFor(subjectKeys, names, { signal }),
      (local, server) => [...local, ...server],
      options,
    );
  }

  acronymDefinitions(options: Cancellable = {}): Promise<AcronymCount[]> {
    return this.both(
      'for the acronyms',
      () => this.local.acronymDefinitions(options),
      (c, signal) => c.acronymDefinitions({ signal }),
      (local, server) => [...local, ...server],
      options,
    );
  }

  /**
   * One check over the evidence of both: each question the checks ask (the passage a sentence follows, the facts on
   * a subject, what a resolution is about, what an acronym stands for) is asked of both and their answers merged,
   * round by round, then the checks run once more on the draft read once. When the server does not answer (away, or
   * not in time), the check is the local folders' alone, and `shortfall` says why.
   */
  async check(text: string, file: string, options: CheckOptions): Promise<Finding[]> {
    const connection = this.server.connection;
    if (connection === null) return this.local.check(text, file, options);
    const sources = [this.local, this.serverEvidence];
    try {
      const evidence = await this.gatheredEvidence(connection, sources, options);
      const draft = await this.draft(text, file);
      return await untilAnswered(evidence, sources, () => checkDraft(draft, options, evidence), options);
    } catch (error) {
      if (!(error instanceof ServerShortfall)) throw error;
      return this.local.check(text, file, options);
    }
  }

  /** The audit checks the local corpus folders, which the drafter maintains; the server's collections are published. */
  audit(options: AuditOptions): Promise<CheckedFile[]> {
    return this.local.audit(options);
  }

  private gatheredEvidence(connection: number, sources: EvidenceSource[], options: Cancellable): Promise<GatheredEvidence> {
    if (this.evidence?.connection !== connection) {
      const gathered = GatheredEvidence.of(sources, options);
      this.evidence = { connection, gathered };
      // A failed gathering (the server went away, the check was cancelled) is not kept: the next check gathers again.
      gathered.catch(() => {
        if (this.evidence?.gathered === gathered) this.evidence = null;
      });
    }
    return this.evidence.gathered;
  }

  /**
   * The draft as the local folders read it: Markdown is parsed only in drafts, never in corpus files (the audit
   * checks those as plain text). The last one is kept, so a check that follows the same text reads nothing again.
   */
  private async draft(text: string, file: string): Promise<Draft> {
    if (this.lastDraft?.text === text && this.lastDraft.file === file) return this.lastDraft;
    const localFiles = (this.localFiles ??= this.local.documentFiles().then((files) => new Set(files)));
    localFiles.catch(() => {
      if (this.localFiles === localFiles) this.localFiles = null;
    });
    const markdown = isMarkdownFile(file) && !isDocumentReference(file) && !(await localFiles).has(file);
    if (this.lastDraft?.text === text && this.lastDraft.file === file) return this.lastDraft;
    return (this.lastDraft = readDraft(text, file, { markdown }));
  }

  private async fromServer<T>(
    what: string,
    question: (corpus: DatabaseCorpus, signal: AbortSignal) => Promise<T>,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    const answer = await this.server.ask(what, question, signal);
    if (!answer.answered) throw new ServerShortfall(answer.reason);
    return answer.value;
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
