/**
 * A corpus on a database server, behind the same seam as the local index (`CorpusQueries`): PostgreSQL finds the
 * candidates — by the weight of the query's words a passage holds, by `word_similarity` for a phrase, identifiers
 * exactly — and they are ranked here by the same code as local candidates (Fuse.js included), so both answer alike.
 * With a local workspace beside it (`--db` with `--corpus`), both sources answer and their answers are merged.
 * Every query goes through the functions of schema `precedent`, which show the connected role only the collections
 * it may read (see schema.ts).
 */
import { DatabaseError, type Pool } from 'pg';
import { checkDraft } from '../checks/checkDraft';
import { type Draft, type DraftPlace, isMarkdownFile, placeIn, readDraft } from '../draft/draft';
import { describeFsError } from '../corpus/discover';
import { readSourceText } from '../corpus/sourceText';
import type { Finding, Precedent } from '../checks/types';
import { AcronymTable } from '../facts/acronyms';
import { type Fact, factBaseOf } from '../facts/factBase';
import { factsAt, type FactsAt } from '../facts/factsAt';
import { COMPLETION_CANDIDATES, completionQuery, type Continuation, mergeContinuations, rankContinuations } from '../search/complete';
import { Lexicon, type QueryTerm } from '../search/lexicon';
import { COMMON_SHARE } from '../search/passageIndex';
import { type FoundPassage, rankPassages, readSearchQuery, type SearchOptions, WIDE_CANDIDATES } from '../search/search';
import { canContinue } from '../search/seam';
import { PARAGRAPH_CANDIDATES, type ParagraphCandidate, type ParagraphMatch, rankParagraphs } from '../search/closestParagraphs';
import { HISTORY_CANDIDATES, historyOf, type PhraseHistory } from '../search/phraseHistory';
import { closeSentencePassages, sentenceCandidates, type SentencePassage } from '../search/sentencePassages';
import { rankSimilar, SIMILAR_CANDIDATES, selectingTerms, similarityTerms } from '../search/similar';
import { normalizeForMatch } from '../text/normalize';
import { tokenize } from '../text/tokenize';
import {
  type AuditOptions,
  type Cancellable,
  type CheckedFile,
  type CheckOptions,
  type CompleteOptions,
  type CorpusQueries,
  throwIfCancelled,
} from '../service';
import type { DocumentMeta, SearchMatch } from '../types';
import type { IndexReport, PrecedentWorkspace } from '../workspace';
import { type ConnectOptions, describeServer, openPool, unavailable } from './connection';
import { GatheredEvidence, NotFetchedYet } from './evidence';
import { documentReference, isDocumentReference, parseDocumentReference } from './reference';
import { COLLECTIONS_SCHEMA_VERSION, SCHEMA_VERSION, schemaVersion } from './schema';
import { allOf, anyOf } from './words';

/** Phrase candidates by word_similarity, beside those by words: they find what OCR broke apart ("oftrafficking"). */
const PHRASE_CANDIDATES = 10;
const PHRASE_MIN_WORDS = 3;
/** Facts the server hands to the fact ranking for a lookup. */
const FACT_CANDIDATES = 400;
/**
 * A check runs again after each round of fetched answers. A question raised by an answer is rare, but the sentences
 * citing a resolution are asked for one resolution a run (see evidence.ts): a draft citing many takes as many rounds.
 */
const MAX_CHECK_ROUNDS = 24;
/** Sentences holding a resolution's number read for what it is about: ResolutionSubjects reads at most 300 that cite. */
const CITING_SENTENCES = 1000;

interface PassageRow {
  id: string;
  text: string;
  context: string;
  collection: string;
  path: string;
  meta: DocumentMeta;
  start_line: number;
  start_column: number;
  end_line: number;
  end_column: number;
  page: number | null;
}

export class DatabaseUnknownError extends Error {}

export class DatabaseCorpus implements CorpusQueries {
  private lexiconLoading: Promise<Lexicon> | null = null;
  private acronymsLoading: Promise<AcronymTable> | null = null;
  private evidence: Promise<GatheredEvidence> | null = null;
  private lastDraft: Draft | null = null;

  private constructor(
    private readonly pool: Pool,
    private readonly url: string,
    readonly report: IndexReport,
    private readonly serverPassages: number,
    /** The facts the readable collections state, each counted once: how rare a word among them is. */
    private readonly serverFacts: number,
    private readonly local: PrecedentWorkspace | null,
    /** The collections searched: those the role may read, narrowed to the ones asked for. */
    readonly collections: string[],
  ) {}

  /** Connects, and checks that the database holds a published corpus this program can read. */
  static async open(
    url: string,
    options: { local?: PrecedentWorkspace | null; connections?: number } & ConnectOptions = {},
  ): Promise<DatabaseCorpus> {
    const started = performance.now();
    const pool = await openPool(url, options.connections, options);
    try {
      const version = await schemaVersion(pool);
      if (version === 0) throw new DatabaseUnknownError(`${describeServer(url)} holds no published corpus: run precedent publish first`);
      if (version > SCHEMA_VERSION) {
        throw new DatabaseUnknownError(
          `${describeServer(url)} holds a corpus of schema version ${version}, newer than this Precedent knows: update Precedent`,
        );
      }
      if (version < COLLECTIONS_SCHEMA_VERSION && options.collections?.length) {
        throw new DatabaseUnknownError(
          `${describeServer(url)} cannot search chosen collections until a publish with this Precedent updates its schema`,
        );
      }
      const { rows } = await pool.query<{ documents: string; passages: string; facts: string; collections: string[] }>(
        'SELECT * FROM precedent.corpus_summary()',
      );
      const local = options.local ?? null;
      const passages = Number(rows[0].passages);
      const report: IndexReport = {
        documents: Number(rows[0].documents) + (local?.report.documents ?? 0),
        passages: passages + (local?.report.passages ?? 0),
        skipped: local?.report.skipped ?? [],
        warnings: local?.report.warnings ?? [],
        ingested: local?.report.ingested ?? 0,
        fromSnapshot: local?.report.fromSnapshot ?? false,
        ms: Math.round(performance.now() - started),
      };
      return new DatabaseCorpus(pool, url, report, passages, Number(rows[0].facts), local, rows[0].collections);
    } catch (error) {
      await pool.end().catch(() => undefined);
      if (error instanceof DatabaseUnknownError) throw error;
      throw unavailable(url, error);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  /** Reads what every question needs (the words and the acronyms of the readable collections) ahead of the first. */
  async prepare(options: Cancellable = {}): Promise<void> {
    await this.gatheredEvidence(options);
  }

  /** Whether the server still answers: rejects (DatabaseUnavailableError) when it does not. */
  async ping(options: Cancellable = {}): Promise<void> {
    await this.query(options, 'SELECT 1');
  }

  async documentFiles(options: Cancellable = {}): Promise<string[]> {
    const { rows } = await this.query<{ collection: string; path: string }>(options, 'SELECT * FROM precedent.document_list()');
    return [...(this.local?.documents.map((d) => d.file) ?? []), ...rows.map((row) => documentReference(row.collection, row.path))];
  }

  /** The text of a published document, as its passages' positions count it; null when the role may not read it. */
  async documentText(reference: string, options: Cancellable = {}): Promise<string | null> {
    const named = parseDocumentReference(reference);
    if (!named) return null;
    const { rows } = await this.query<{ text: string | null }>(options, 'SELECT precedent.document_text($1, $2) AS text', [
      named.collection,
      named.path,
    ]);
    return rows[0]?.text ?? null;
  }

  async search(query: string, options: SearchOptions & Cancellable = {}): Promise<SearchMatch[]> {
    const limit = options.limit ?? 10;
    const lexicon = await this.lexicon(options);
    const reading = readSearchQuery(lexicon, query);
    const { terms } = reading;
    const phrase = terms.length >= PHRASE_MIN_WORDS ? normalizeForMatch(query) : null;
    const found = terms.length > 0 ? await this.candidates(lexicon, terms, Math.max(WIDE_CANDIDATES, limit), phrase, options) : [];
    const fromServer = found.length > 0 ? rankPassages(lexicon, reading, found, limit) : [];
    const fromLocal = this.local?.search(query, { limit }) ?? [];
    return [...fromServer, ...fromLocal].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  async passagesCiting(number: number, limit: number, options: Cancellable = {}): Promise<SearchMatch[]> {
    const { rows } = await this.query<PassageRow>(options, 'SELECT * FROM precedent.passages_citing($1, $2)', [number, limit]);
    const fromServer = rows.map((row): SearchMatch => {
      const { order: _order, coverage: _coverage, ...match } = foundPassage(row, 0, 0);
      return { ...match, matches: [], score: 1 };
    });
    return [...(this.local?.passagesCiting(number, limit) ?? []), ...fromServer].slice(0, limit);
  }

  async closestPassages(sentence: string, options: { limit: number; excludeFile?: string } & Cancellable): Promise<Precedent[]> {
    return this.closest(sentence, options);
  }

  async passagesForSentence(sentence: string, options: { limit: number; excludeFile?: string } & Cancellable): Promise<SentencePassage[]> {
    const similar = await this.closest(sentence, { ...options, ...sentenceCandidates(options.limit) });
    return closeSentencePassages(sentence, similar, options.limit);
  }

  async phraseHistory(
    phrase: string,
    options: { minSimilarity?: number; limit?: number; excludeFile?: string } & Cancellable = {},
  ): Promise<PhraseHistory> {
    const similar = await this.closest(phrase, { ...options, limit: HISTORY_CANDIDATES, candidates: HISTORY_CANDIDATES });
    return historyOf(phrase, similar, options);
  }

  /**
   * The server keeps a paragraph's text but not its lines: a server paragraph's range is that of the passage that
   * found it, where its source opens.
   */
  async closestParagraphs(paragraph: string, limit: number, options: Cancellable = {}): Promise<ParagraphMatch[]> {
    const lexicon = await this.lexicon(options);
    const found = await this.candidates(lexicon, selectingTerms(lexicon, paragraph), PARAGRAPH_CANDIDATES, null, options);
    const seen = new Set<string>();
    const candidates: ParagraphCandidate[] = [];
    for (const { context, file, range, title, speaker, date } of found) {
      const key = `${file}\u0000${context}`;
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push({ text: context, file, range, title, speaker, date });
    }
    const fromLocal = this.local?.closestParagraphs(paragraph, limit) ?? [];
    return [...rankParagraphs(paragraph, candidates, limit), ...fromLocal].sort((a, b) => b.similarity - a.similarity).slice(0, limit);
  }

  async complete(typed: string, limit: number, options: CompleteOptions = {}): Promise<Continuation[]> {
    const after = options.after ?? '';
    if (!canContinue(typed, after)) return [];
    const lexicon = await this.lexicon(options);
    const found = await this.candidates(lexicon, lexicon.analyze(completionQuery(typed)), COMPLETION_CANDIDATES, null, options);
    return mergeContinuations([this.local?.complete(typed, limit, after) ?? [], rankContinuations(typed, after, found, limit)], limit);
  }

  async acronym(acronym: string, options: Cancellable = {}): Promise<{ expansion: string | null; uses: number }> {
    const [table, lexicon] = await Promise.all([this.acronymTable(options), this.lexicon(options)]);
    const term = normalizeForMatch(acronym);
    return { expansion: table.expansion(acronym), uses: lexicon.passagesWith(term) + (this.local?.acronym(acronym).uses ?? 0) };
  }

  async lookUpFacts(query: string, limit: number, options: Cancellable = {}): Promise<Fact[]> {
    const lexicon = await this.lexicon(options);
    const words = [...new Set(tokenize(normalizeForMatch(query)).map((t) => t.term))];
    // As FactBase.lookup counts a word: itself, a word it begins, or one typo away.
    const typos = words.flatMap((word) => lexicon.vocabulary.typoVariants(word, lexicon.idOf(word)).map((v) => lexicon.terms[v.term]));
    if (words.length === 0) return [];
    const prefixes = new Set(words.filter((word) => word.length >= 3));
    const { rows } = await this.query<{ fact: Fact }>(options, 'SELECT fact FROM precedent.facts_matching($1::tsquery, $2)', [
      anyOf(new Set([...words, ...typos]), prefixes),
      FACT_CANDIDATES,
    ]);
    if (this.local) await this.local.prepareFacts();
    throwIfCancelled(options.signal);
    const localFacts = this.local?.facts.facts ?? [];
    // The server sends the facts the query's words point to; their words weigh as rare as in all the facts there are.
    return factBaseOf([...localFacts, ...rows.map((row) => row.fact)], this.serverFacts + localFacts.length).lookup(query, limit);
  }

  async factsAt(text: string, offset: number, options: Cancellable = {}): Promise<FactsAt | null> {
    const evidence = await this.gatheredEvidence(options);
    const draft = this.draft(text, '');
    const sentence = draft.sentences.find((s) => s.start <= offset && offset <= s.end);
    if (!sentence) return null;
    const ask = () =>
      factsAt(
        evidence,
        evidence.acronymTable(),
        text.slice(sentence.start, sentence.end),
        sentence.start,
        offset - sentence.start,
        (written) => evidence.factsOfSentence(written, draft.meta),
        6,
      );
    return this.untilAnswered(evidence, ask, options);
  }

  draftPlace(text: string, file: string, offset: number, options: Cancellable = {}): Promise<DraftPlace> {
    throwIfCancelled(options.signal);
    return Promise.resolve(placeIn(this.draft(text, file), offset));
  }

  async check(text: string, file: string, options: CheckOptions): Promise<Finding[]> {
    const evidence = await this.gatheredEvidence(options);
    const draft = this.draft(text, file);
    return this.untilAnswered(evidence, () => checkDraft(draft, options, evidence), options);
  }

  async audit(options: AuditOptions): Promise<CheckedFile[]> {
    const checked: CheckedFile[] = [];
    for (const file of await this.documentFiles(options)) {
      throwIfCancelled(options.signal);
      const text = parseDocumentReference(file) ? await this.documentText(file, options) : await this.localText(file, options);
      if (text === null) continue;
      const config = await options.configFor(file);
      checked.push({ file, text, findings: await this.check(text, file, { registry: options.registry, config, signal: options.signal }) });
    }
    return checked;
  }

  private async localText(file: string, options: AuditOptions): Promise<string | null> {
    try {
      return await readSourceText(file);
    } catch (error) {
      options.onUnreadable?.(file, describeFsError(error));
      return null;
    }
  }

  /**
   * A draft read as the local workspace reads it; Markdown is parsed only in drafts, never in corpus files (the
   * audit checks those as plain text). The last one is kept, so a hover after a check reads nothing again.
   */
  private draft(text: string, file: string): Draft {
    if (this.lastDraft?.text === text && this.lastDraft.file === file) return this.lastDraft;
    const corpusFile = isDocumentReference(file) || (this.local?.documents.some((d) => d.file === file) ?? false);
    return (this.lastDraft = readDraft(text, file, { markdown: isMarkdownFile(file) && !corpusFile }));
  }

  /** Runs `ask` until every question it put to the corpus has its answer, fetching the missing ones between runs. */
  private async untilAnswered<T>(evidence: GatheredEvidence, ask: () => T, options: Cancellable): Promise<T> {
    for (let round = 1; ; round++) {
      let answer: T | undefined;
      try {
        answer = ask();
      } catch (error) {
        if (!(error instanceof NotFetchedYet)) throw error;
      }
      if (answer !== undefined && (evidence.complete || round >= MAX_CHECK_ROUNDS)) return answer;
      if (round >= MAX_CHECK_ROUNDS) throw new Error(`the corpus's answers for this draft took more than ${MAX_CHECK_ROUNDS} rounds`);
      await this.fetchMissing(evidence, options);
    }
  }

  private async fetchMissing(evidence: GatheredEvidence, options: Cancellable): Promise<void> {
    const closest = [...evidence.missingClosest.values()];
    const subjects = [...evidence.missingSubjects.entries()];
    const names = [...evidence.missingNames];
    const numbers = [...evidence.missingNumbers];
    const answers = numbers.map(async (number) => {
      const { rows } = await this.query<{ text: string }>(options, 'SELECT text FROM precedent.passages_holding($1, $2)', [
        anyOf([String(number)]),
        CITING_SENTENCES,
      ]);
      const local: string[] = [];
      for (const sentence of this.local?.sentencesWith(number) ?? []) if (local.push(sentence) >= CITING_SENTENCES) break;
      evidence.answerNumber(number, [...local, ...rows.map((row) => row.text)]);
    });
    answers.push(
      ...closest.map(async (question) => {
        const [precedent] = await this.closest(question.sentence, {
          limit: 1,
          excludeFile: question.file,
          citing: question.citing,
          ...options,
        });
        evidence.answerClosest(question, precedent ?? null);
      }),
    );
    if (subjects.length > 0 || names.length > 0) {
      answers.push(
        (async () => {
          const { rows } = await this.query<{ fact: Fact }>(options, 'SELECT fact FROM precedent.facts_on($1, $2)', [
            subjects.map(([key]) => key),
            names,
          ]);
          if (this.local) await this.local.prepareFacts();
          const base = factBaseOf([...(this.local?.facts.facts ?? []), ...rows.map((row) => row.fact)]);
          for (const [key, fact] of subjects) evidence.answerSubject(key, base.sameSubject(fact));
          for (const name of names) evidence.answerName(name, base.about(name, Number.MAX_SAFE_INTEGER));
        })(),
      );
    }
    await Promise.all(answers);
    throwIfCancelled(options.signal);
  }

  private async closest(
    sentence: string,
    options: { limit: number; excludeFile?: string; citing?: number; candidates?: number } & Cancellable,
  ): Promise<Precedent[]> {
    const lexicon = await this.lexicon(options);
    const terms = similarityTerms(lexicon, sentence, options.citing);
    const found = terms ? await this.candidates(lexicon, terms, options.candidates ?? SIMILAR_CANDIDATES, null, options) : [];
    const fromServer = rankSimilar(sentence, found, options);
    const fromLocal = this.local ? this.localClosest(this.local, sentence, options) : [];
    return [...fromServer, ...fromLocal].sort((a, b) => b.similarity - a.similarity).slice(0, options.limit);
  }

  private localClosest(
    local: PrecedentWorkspace,
    sentence: string,
    options: { limit: number; excludeFile?: string; citing?: number; candidates?: number },
  ): Precedent[] {
    if (options.citing === undefined) return local.closestPassages(sentence, options);
    const cited = local.closestPassage(sentence, options.excludeFile ?? '', options.citing);
    return cited ? [cited] : [];
  }

  /**
   * The passages the server picks for a query's words: each word weighed by its rarity and counted once (by its
   * best variant); words in more than a fifth of the passages only rank; identifiers are required exactly.
   */
  private async candidates(
    lexicon: Lexicon,
    terms: QueryTerm[],
    limit: number,
    phrase: string | null,
    options: Cancellable,
  ): Promise<FoundPassage[]> {
    if (terms.length === 0 || terms.some((t) => t.identifier && t.variants.length === 0)) return [];
    const totalWeight = terms.reduce((sum, t) => sum + t.idf, 0);
    if (totalWeight === 0) return [];
    const commonDf = Math.max(2, lexicon.passageCount * COMMON_SHARE);
    const variants = terms.flatMap((term, group) =>
      term.variants.map((v) => ({
        term: lexicon.terms[v.term],
        group,
        weight: v.weight * term.idf,
        common: !term.identifier && lexicon.documentFrequency[v.term] > commonDf,
      })),
    );
    const anySelective = terms.some((t) => t.variants.some((v) => lexicon.documentFrequency[v.term] <= commonDf));
    // Without a selective word, every word selects (as in the local index).
    const selects = variants.map((v) => !anySelective || !v.common);
    if (!selects.some(Boolean)) return [];
    const identifiers = terms.filter((t) => t.identifier).map((t) => t.text);
    const { rows } = await this.query<PassageRow & { coverage: number }>(
      options,
      'SELECT * FROM precedent.passage_candidates($1, $2::tsquery, $3, $4, $5::tsquery[], $6, $7, $8, $9, $10, $11)',
      [
        identifiers,
        identifiers.length > 0 ? allOf(identifiers) : null,
        phrase ?? '',
        variants.map((v) => v.term),
        variants.map((v) => anyOf([v.term])),
        variants.map((v) => v.group),
        variants.map((v) => v.weight),
        selects,
        totalWeight,
        limit,
        phrase ? PHRASE_CANDIDATES : 0,
      ],
    );
    return rows.map((row, order) => foundPassage(row, order, row.coverage));
  }

  /** The words of the collections this role may read and how many passages hold each: read once. */
  private lexicon(options: Cancellable): Promise<Lexicon> {
    this.lexiconLoading ??= this.query<{ term: string; passages: string }>(options, 'SELECT * FROM precedent.term_counts()').then(
      ({ rows }) =>
        new Lexicon(
          rows.map((row) => row.term),
          Int32Array.from(rows, (row) => Number(row.passages)),
          this.serverPassages,
        ),
      (error: unknown) => {
        this.lexiconLoading = null;
        throw error;
      },
    );
    return this.lexiconLoading;
  }

  /** The acronyms as the readable collections (and the local corpus) define them: read once. */
  private acronymTable(options: Cancellable): Promise<AcronymTable> {
    this.acronymsLoading ??= this.query<{ acronym: string; expansion: string; uses: string }>(
      options,
      'SELECT * FROM precedent.acronym_definitions()',
    ).then(
      ({ rows }) => {
        const table = new AcronymTable();
        for (const d of this.local?.acronymTable().definitions() ?? []) table.addDefinition(d.acronym, d.expansion, d.uses);
        for (const row of rows) table.addDefinition(row.acronym, row.expansion, Number(row.uses));
        return table;
      },
      (error: unknown) => {
        this.acronymsLoading = null;
        throw error;
      },
    );
    return this.acronymsLoading;
  }

  private gatheredEvidence(options: Cancellable): Promise<GatheredEvidence> {
    this.evidence ??= Promise.all([this.acronymTable(options), this.lexicon(options)]).then(
      ([table, lexicon]) => new GatheredEvidence(table, (term) => lexicon.idfOfTerm(term)),
      (error: unknown) => {
        this.evidence = null;
        throw error;
      },
    );
    return this.evidence;
  }

  private async query<R extends object>(options: Cancellable, sql: string, values: unknown[] = []): Promise<{ rows: R[] }> {
    throwIfCancelled(options.signal);
    let result;
    try {
      result = await this.pool.query<R>(sql, values);
    } catch (error) {
      throw isUnavailable(error) ? unavailable(this.url, error) : error;
    }
    throwIfCancelled(options.signal);
    return result;
  }
}

/**
 * Whether a query failed because of the server or the role rather than the query: the connection (no SQL state, or
 * class 08), the login (28), the server shutting down or short of resources (57, 53), a right the role lacks (42501).
 */
function isUnavailable(error: unknown): boolean {
  if (!(error instanceof DatabaseError) || !error.code) return true;
  return ['08', '28', '53', '57'].includes(error.code.slice(0, 2)) || error.code === '42501';
}

function foundPassage(row: PassageRow, order: number, coverage: number): FoundPassage {
  return {
    order,
    coverage,
    text: row.text,
    context: row.context,
    file: documentReference(row.collection, row.path),
    range: { startLine: row.start_line, startColumn: row.start_column, endLine: row.end_line, endColumn: row.end_column },
    title: row.meta.title,
    date: row.meta.date,
    speaker: row.meta.speaker,
    page: row.page,
  };
}
