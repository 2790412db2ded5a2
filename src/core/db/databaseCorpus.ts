/**
 * A corpus on a database server, behind the same seam as the local index (`CorpusQueries`): PostgreSQL finds the
 * candidates — by the weight of the query's words a passage holds, by `word_similarity` for a phrase, identifiers
 * exactly — and they are ranked here by the same code as local candidates (Fuse.js included), so both answer alike.
 * It answers for the server alone: local folders beside it are merged with it by MergedCorpus.
 * Every query goes through the functions of schema `precedent`, which show the connected role only the collections
 * it may read (see schema.ts).
 */
import { DatabaseError, type Pool } from 'pg';
import { checkDraft } from '../checks/checkDraft';
import { type Draft, type DraftPlace, isMarkdownFile, placeIn, readDraft } from '../draft/draft';
import { GatheredEvidence, untilAnswered } from '../checks/gatheredEvidence';
import type { Finding, Precedent } from '../checks/types';
import { AcronymTable, type AcronymCount } from '../facts/acronyms';
import { type Fact, factBaseOf } from '../facts/factBase';
import { factsAt, type FactsAt } from '../facts/factsAt';
import { COMPLETION_CANDIDATES, completionQuery, type Continuation, rankContinuations } from '../search/complete';
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
  type ClosestOptions,
  type CompleteOptions,
  type CorpusQueries,
  type TermCounts,
  throwIfCancelled,
} from '../service';
import type { DocumentMeta, SearchMatch } from '../types';
import type { IndexReport } from '../workspace';
import { type ConnectOptions, describeServer, openPool, unavailable } from './connection';
import { documentReference, isDocumentReference, parseDocumentReference } from './reference';
import { COLLECTIONS_SCHEMA_VERSION, SCHEMA_VERSION, schemaVersion } from './schema';
import { allOf, anyOf } from './words';

/** Phrase candidates by word_similarity, beside those by words: they find what OCR broke apart ("oftrafficking"). */
const PHRASE_CANDIDATES = 10;
const PHRASE_MIN_WORDS = 3;
/** Facts the server hands to the fact ranking for a lookup. */
const FACT_CANDIDATES = 400;

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
    /** The collections searched: those the role may read, narrowed to the ones asked for. */
    readonly collections: string[],
  ) {}

  /** Connects, and checks that the database holds a published corpus this program can read. */
  static async open(url: string, options: { connections?: number } & ConnectOptions = {}): Promise<DatabaseCorpus> {
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
      const passages = Number(rows[0].passages);
      const report: IndexReport = {
        documents: Number(rows[0].documents),
        passages,
        skipped: [],
        warnings: [],
        ingested: 0,
        fromSnapshot: false,
        ms: Math.round(performance.now() - started),
      };
      return new DatabaseCorpus(pool, url, report, passages, Number(rows[0].facts), rows[0].collections);
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
    return rows.map((row) => documentReference(row.collection, row.path));
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
    return found.length > 0 ? rankPassages(lexicon, reading, found, limit) : [];
  }

  async passagesCiting(number: number, limit: number, options: Cancellable = {}): Promise<SearchMatch[]> {
    const { rows } = await this.query<PassageRow>(options, 'SELECT * FROM precedent.passages_citing($1, $2)', [number, limit]);
    return rows.map((row): SearchMatch => {
      const { order: _order, coverage: _coverage, ...match } = foundPassage(row, 0, 0);
      return { ...match, matches: [], score: 1 };
    });
  }

  async closestPassages(sentence: string, options: ClosestOptions): Promise<Precedent[]> {
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
    return rankParagraphs(paragraph, candidates, limit);
  }

  async complete(typed: string, limit: number, options: CompleteOptions = {}): Promise<Continuation[]> {
    const after = options.after ?? '';
    if (!canContinue(typed, after)) return [];
    const lexicon = await this.lexicon(options);
    const found = await this.candidates(lexicon, lexicon.analyze(completionQuery(typed)), COMPLETION_CANDIDATES, null, options);
    return rankContinuations(typed, after, found, limit);
  }

  async acronym(acronym: string, options: Cancellable = {}): Promise<{ expansion: string | null; uses: number }> {
    const [table, lexicon] = await Promise.all([this.acronymTable(options), this.lexicon(options)]);
    const term = normalizeForMatch(acronym);
    return { expansion: table.expansion(acronym), uses: lexicon.passagesWith(term) };
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
    // The server sends the facts the query's words point to; their words weigh as rare as in all the facts there are.
    return factBaseOf(
      rows.map((row) => row.fact),
      this.serverFacts,
    ).lookup(query, limit);
  }

  async factsAt(text: string, offset: number, options: Cancellable = {}): Promise<FactsAt | null> {
    const evidence = await this.gatheredEvidence(options);
    const draft = this.draft(text, '');
    return untilAnswered(evidence, [this], () => factsAt(draft, offset, evidence), options);
  }

  draftPlace(text: string, file: string, offset: number, options: Cancellable = {}): Promise<DraftPlace> {
    throwIfCancelled(options.signal);
    return Promise.resolve(placeIn(this.draft(text, file), offset));
  }

  async check(text: string, file: string, options: CheckOptions): Promise<Finding[]> {
    const evidence = await this.gatheredEvidence(options);
    const draft = this.draft(text, file);
    return untilAnswered(evidence, [this], () => checkDraft(draft, options, evidence), options);
  }

  /** The texts of at most `limit` passages holding a number as a word. */
  async sentencesCiting(number: number, limit: number, options: Cancellable = {}): Promise<string[]> {
    const { rows } = await this.query<{ text: string }>(options, 'SELECT text FROM precedent.passages_holding($1, $2)', [
      anyOf([String(number)]),
      limit,
    ]);
    return rows.map((row) => row.text);
  }

  /** From the words of the readable collections, read once. */
  async termCounts(terms: string[], options: Cancellable = {}): Promise<TermCounts> {
    const lexicon = await this.lexicon(options);
    return { passages: lexicon.passageCount, holding: terms.map((term) => lexicon.passagesWith(term)) };
  }

  async factsFor(subjectKeys: string[], names: string[], options: Cancellable = {}): Promise<Fact[]> {
    if (subjectKeys.length === 0 && names.length === 0) return [];
    const { rows } = await this.query<{ fact: Fact }>(options, 'SELECT fact FROM precedent.facts_on($1, $2)', [subjectKeys, names]);
    return rows.map((row) => row.fact);
  }

  async acronymDefinitions(options: Cancellable = {}): Promise<AcronymCount[]> {
    return (await this.acronymTable(options)).definitions();
  }

  async audit(options: AuditOptions): Promise<CheckedFile[]> {
    const checked: CheckedFile[] = [];
    for (const file of await this.documentFiles(options)) {
      throwIfCancelled(options.signal);
      const text = await this.documentText(file, options);
      if (text === null) continue;
      const config = await options.configFor(file);
      checked.push({ file, text, findings: await this.check(text, file, { registry: options.registry, config, signal: options.signal }) });
    }
    return checked;
  }

  /**
   * A draft read as the local workspace reads it; Markdown is parsed only in drafts, never in the server's documents
   * (the audit checks those as plain text). The last one is kept, so a hover after a check reads nothing again.
   */
  private draft(text: string, file: string): Draft {
    if (this.lastDraft?.text === text && this.lastDraft.file === file) return this.lastDraft;
    return (this.lastDraft = readDraft(text, file, { markdown: isMarkdownFile(file) && !isDocumentReference(file) }));
  }

  private async closest(sentence: string, options: ClosestOptions & { candidates?: number }): Promise<Precedent[]> {
    const lexicon = await this.lexicon(options);
    const terms = similarityTerms(lexicon, sentence, options.citing);
    const found = terms ? await this.candidates(lexicon, terms, options.candidates ?? SIMILAR_CANDIDATES, null, options) : [];
    return rankSimilar(sentence, found, options);
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

  /** The acronyms as the readable collections define them: read once. */
  private acronymTable(options: Cancellable): Promise<AcronymTable> {
    this.acronymsLoading ??= this.query<{ acronym: string; expansion: string; uses: string }>(
      options,
      'SELECT * FROM precedent.acronym_definitions()',
    ).then(
      ({ rows }) => {
        const table = new AcronymTable();
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
    if (!this.evidence) {
      const gathered = (this.evidence = GatheredEvidence.of([this], options));
      // A failed gathering is not kept: the next question gathers again.
      gathered.catch(() => {
        if (this.evidence === gathered) this.evidence = null;
      });
    }
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
