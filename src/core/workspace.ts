/**
 * The one entry the editor and the CLI share: load a corpus (from the cache where nothing changed), keep its
 * index, and answer searches, completions, hover questions and checks.
 */
import { createHash } from 'crypto';
import { readFile as readFileCallback } from 'fs';
import { promisify } from 'util';
import { IndexCache, type ManifestEntry } from './cache';
import type { CheckConfig } from './checks/config';
import { checkDraft, type CorpusEvidence } from './checks/checkDraft';
import type { Finding, Precedent } from './checks/types';
import { extractCitations } from './citations/extract';
import type { ResolutionRegistry } from './citations/registry';
import { ResolutionSubjects } from './citations/subjects';
import { BinaryFileError, decodeBytes } from './corpus/decode';
import { type CorpusFile, describeFsError, discoverFiles } from './corpus/discover';
import { ingestWordOrPdf, isWordOrPdf } from './corpus/extract/wordOrPdf';
import { isUnreadableFile } from './corpus/extract/extracted';
import { isMarkdownFile, readDraft, type Draft } from './draft/draft';
import { ingestText } from './corpus/ingest';
import { AcronymTable } from './facts/acronyms';
import type { SentenceFact } from './facts/extract';
import { SentenceFacts } from './facts/sentenceFacts';
import { type Fact, FactBase } from './facts/factBase';
import { factsAt, type FactsAt } from './facts/factsAt';
import { completeSentence, type Continuation } from './search/complete';
import { closestParagraphs, type ParagraphMatch } from './search/closestParagraphs';
import { indexWorkerScript, startIndexBuild, WORKER_MIN_BYTES } from './search/indexBuild';
import { PassageIndex } from './search/passageIndex';
import { phraseHistory, type PhraseHistory } from './search/phraseHistory';
import { type CorpusReadings, type DecodedSnapshot, passageCountOf, SnapshotDamagedError, type SnapshotDocument } from './snapshotFormat';
import { searchPassages, type SearchOptions } from './search/search';
import { type SentencePassage, sentencePassages } from './search/sentencePassages';
import { similarPassages } from './search/similar';
import { normalizeForMatch } from './text/normalize';
import type { CorpusDocument, DocumentMeta, SearchMatch, SkippedFile } from './types';
import type { TermCounts } from './service';

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
const READ_CONCURRENCY = 16;
/** The callback form: fs.promises.readFile reads in many small steps and costs several times more per file. */
const readFile = promisify(readFileCallback);
const EMPTY_HASH = createHash('sha1').digest('hex');
const NO_TEXT = 'no text to index';
/** Sentences whose closest passage (and facts) are remembered: far more than a long draft has. */
const REMEMBERED_SENTENCES = 20000;
/** How long reading facts may hold an editor's event loop at a time. */
const FACT_SLICE_MS = 10;

export interface WorkspaceOptions {
  /** Folders (or single files) to read, recursively. */
  roots: string[];
  /** Where the index is kept between runs; null for none. */
  cacheDir: string | null;
  maxFileBytes?: number;
}

/** A corpus is opened from the cache only when nothing in it changed; null otherwise (nothing is built). */
export type SnapshotOnly = { snapshotOnly: true };

export interface IndexReport {
  documents: number;
  passages: number;
  /** Files not indexed, and why. */
  skipped: SkippedFile[];
  /** Files indexed with a caveat (malformed front matter, not UTF-8). */
  warnings: SkippedFile[];
  /** Files read and ingested this time (the rest came from the cache). */
  ingested: number;
  fromSnapshot: boolean;
  ms: number;
}

export class PrecedentWorkspace implements CorpusEvidence {
  private readonly precedents = new Map<string, Precedent | null>();
  private readonly sentenceFacts = new SentenceFacts(() => this.acronymTable());
  private acronyms: AcronymTable | null = null;
  private resolutionSubjects: ResolutionSubjects | null = null;
  private lastDraft: Draft | null = null;
  private corpusFiles: Set<string> | null = null;
  private factBase: FactBase | null = null;
  private factsReading: Promise<FactBase> | null = null;

  /** Settles once the cache holds this corpus; rejects, with the reason, when it could not be written. */
  saved: Promise<void> = Promise.resolve();

  private constructor(
    readonly documents: CorpusDocument[],
    private readonly index: PassageIndex,
    readonly report: IndexReport,
    /** The facts and acronyms a snapshot stored, read when first needed; null when they must be read afresh. */
    private readonly storedReadings: () => CorpusReadings | null = () => null,
  ) {}

  static async load(options: WorkspaceOptions): Promise<PrecedentWorkspace>;
  static async load(options: WorkspaceOptions & SnapshotOnly): Promise<PrecedentWorkspace | null>;
  static async load(options: WorkspaceOptions & Partial<SnapshotOnly>): Promise<PrecedentWorkspace | null> {
    try {
      return await PrecedentWorkspace.open(options);
    } catch (error) {
      // A snapshot found damaged while an update read it has been removed: open again, without it.
      if (error instanceof SnapshotDamagedError) return PrecedentWorkspace.open(options);
      throw error;
    }
  }

  private static async open(options: WorkspaceOptions & Partial<SnapshotOnly>): Promise<PrecedentWorkspace | null> {
    const started = performance.now();
    const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const cache = options.cacheDir ? new IndexCache(options.cacheDir) : null;
    const discovery = await discoverFiles(options.roots, maxFileBytes);
    const skipped = [...discovery.skipped];
    const manifest = cache ? await cache.readManifest() : {};
    const known = discovery.files.map((file) => unchangedEntry(manifest[file.file], file));
    // The cache holds a document for a content the manifest names (it is written after them): others are not looked up.
    const cachedContents = new Set(Object.values(manifest).map((entry) => entry.hash));

    if (cache && known.every((entry): entry is ManifestEntry => entry !== null)) {
      const warm = loadSnapshot(cache, discovery.files, known);
      if (warm) {
        const index = PassageIndex.fromSnapshot(warm.index);
        const report = makeReport(warm.documents, index, [...skipped, ...warm.skipped], 0, true, started);
        return new PrecedentWorkspace(warm.documents, index, report, warm.readings);
      }
    }
    if (options.snapshotOnly) return null;

    // Something changed. The snapshot last written for these folders holds every unchanged file, indexed: only
    // the files that changed are read, and the index is patched rather than built again.
    const previous = cache ? await cache.readLatestSnapshot(options.roots) : null;
    const previousAt = new Map(previous?.documents.map((document, at) => [document.hash, at]));
    const fromPrevious = new Map<CorpusDocument, number>();
    const documents: CorpusDocument[] = [];
    const firstWithHash = new Map<string, string>();
    const nextManifest: Record<string, ManifestEntry> = {};
    // Without a previous snapshot the index is built afresh, while the files are still being read (indexBuild.ts).
    const corpusBytes = discovery.files.reduce((sum, file) => sum + file.size, 0);
    const build = previous ? null : startIndexBuild(corpusBytes >= WORKER_MIN_BYTES ? indexWorkerScript() : null);
    const accept = (i: number, result: Loaded | NotLoaded) => {
      const { file, size, mtimeMs } = discovery.files[i];
      if ('reason' in result) {
        if (result.hash) nextManifest[file] = { size, mtimeMs, hash: result.hash, reason: result.reason };
        skipped.push({ file, reason: result.reason });
        return;
      }
      const { document } = result;
      const reason = passageCountOf(document) === 0 ? NO_TEXT : null;
      nextManifest[file] = { size, mtimeMs, hash: document.hash, reason };
      const twin = firstWithHash.get(document.hash);
      if (reason || twin) {
        skipped.push({ file, reason: reason ?? sameContentAs(twin!) });
        return;
      }
      firstWithHash.set(document.hash, file);
      documents.push(document);
      build?.add(document);
    };
    // A content the previous snapshot holds is taken from it, wherever its file is now (a moved or restored file is
    // not read again); a Word or PDF file's from the cache, as parsing it is slow. Anything else is read.
    const reuse = async (hash: string, file: string): Promise<CorpusDocument | null> => {
      const at = previousAt.get(hash);
      if (previous && at !== undefined) {
        const document = previous.documents[at].at(file);
        fromPrevious.set(document, at);
        return document;
      }
      return cache && cachedContents.has(hash) && isWordOrPdf(file) ? cache.readDocument(hash, file) : null;
    };
    // Each file's result is taken in the files' order, as soon as it and every one before it are loaded.
    const results = new Array<Loaded | NotLoaded | undefined>(discovery.files.length);
    let accepted = 0;
    const loaded = await mapLimited(discovery.files, READ_CONCURRENCY, async (file, i): Promise<Loaded | NotLoaded> => {
      await build?.roomForMore();
      const result = await loadFile(file, known[i], reuse);
      results[i] = result;
      for (let next = results[accepted]; next !== undefined; next = results[accepted]) accept(accepted++, next);
      return result;
    });
    const added = documents.filter((document) => !fromPrevious.has(document));
    const update = previous && added.length <= documents.length / 2 ? { previous, added } : null;
    let index: PassageIndex;
    if (update) {
      // The kept documents in the previous snapshot's order, then the added ones: the patched index's order.
      const kept = new Array<boolean>(update.previous.documents.length).fill(false);
      const keptDocuments = new Array<CorpusDocument | undefined>(kept.length);
      for (const document of documents) {
        const at = fromPrevious.get(document);
        if (at === undefined) continue;
        kept[at] = true;
        keptDocuments[at] = document;
      }
      documents.splice(0, documents.length, ...keptDocuments.filter((d): d is CorpusDocument => d !== undefined), ...update.added);
      index = PassageIndex.withChanges(update.previous.index, update.previous.documents, kept, update.added);
    } else {
      index = build ? await build.finish() : PassageIndex.build(documents);
    }
    const ingested = loaded.filter((r): r is Loaded => 'ingested' in r && r.ingested);
    const report = makeReport(documents, index, skipped, ingested.length, false, started);
    const readings = update ? updatedReadings(update.previous, documents, update.added) : undefined;
    const workspace = new PrecedentWorkspace(documents, index, report, readings);
    // The corpus is usable now; the cache is written behind it (see `saved`), with the facts and acronyms read
    // from every passage (in slices), so that a check after the next opening reads nothing again.
    const saved = cache
      ? (async () => {
          await new Promise((resolve) => setImmediate(resolve));
          // Only Word and PDF files are kept one by one (a text file is read again faster than its entry), as many at
          // once as are read at once: 30,000 at a time would exhaust the open-file limit.
          const parsed = ingested.filter((r) => isWordOrPdf(r.document.file));
          await mapLimited(parsed, READ_CONCURRENCY, (r) => cache.writeDocument(r.document));
          await cache.writeManifest({ ...manifest, ...nextManifest });
          const readings = { facts: (await workspace.prepareFacts()).facts, acronyms: workspace.acronymTable().toStored() };
          await cache.writeSnapshot(snapshotKey([...firstWithHash.keys()]), documents, index.snapshot, readings, options.roots);
        })()
      : Promise.resolve();
    // A caller that never asks whether the cache was written must not be brought down when it was not.
    saved.catch(() => undefined);
    workspace.saved = saved;
    return workspace;
  }

  search(query: string, options?: SearchOptions): SearchMatch[] {
    return searchPassages(this.index, this.documents, query, options);
  }

  /** Continuations of the sentence being typed (before the cursor), fitted to the text after the cursor, best first. */
  complete(typed: string, limit = 5, after = ''): Continuation[] {
    return completeSentence(this.index, this.documents, typed, limit, after);
  }

  /** What the corpus says an acronym stands for, and how many passages use it. */
  acronym(acronym: string): { expansion: string | null; uses: number } {
    return { expansion: this.acronymTable().expansion(acronym), uses: this.index.passagesWith(normalizeForMatch(acronym)) };
  }

  /** Every fact the corpus states: from the snapshot, else read from every passage on first use; then kept. */
  get facts(): FactBase {
    return (this.factBase ??= this.storedFacts() ?? FactBase.build(this.documents, this.acronymTable()));
  }

  /** Reads the facts in slices of a few milliseconds (an editor calls this before it asks), once. */
  prepareFacts(): Promise<FactBase> {
    this.factBase ??= this.storedFacts();
    if (this.factBase) return Promise.resolve(this.factBase);
    this.factsReading ??= FactBase.buildInSlices(this.documents, this.acronymTable(), FACT_SLICE_MS).then(
      (base) => (this.factBase ??= base),
      (error: unknown) => {
        // A failed reading is not remembered: the next caller tries again.
        this.factsReading = null;
        throw error;
      },
    );
    return this.factsReading;
  }

  /** Facts matching a query ("unodc pledge"): best matching subject first, newest first within it. */
  lookUpFacts(query: string, limit = 20): Fact[] {
    return this.facts.lookup(query, limit);
  }

  /** The facts a draft's sentence states; remembered, as precedents are, so a re-check reads only what changed. */
  factsOfSentence(sentence: string, meta: DocumentMeta): SentenceFact[] {
    return this.sentenceFacts.of(sentence, meta);
  }

  /** What the corpus records about the figure or name at an offset of a draft, newest first. */
  factsAt(text: string, offset: number): FactsAt | null {
    // The draft as its checks read it (the same reading, when they just did), so a hover and a diagnostic agree.
    return factsAt(this.lastDraft?.text === text ? this.lastDraft : this.draft(text, ''), offset, this);
  }

  /** What each resolution is about, by the words the corpus writes around its citations (read as asked, then kept). */
  get subjects(): ResolutionSubjects {
    return (this.resolutionSubjects ??= new ResolutionSubjects({
      sentencesWith: (number) => this.sentencesWith(number),
      idf: (term) => this.index.idfOfTerm(term),
    }));
  }

  /** How many passages there are, and how many of them hold each term (normalised): how telling each is. */
  termCounts(terms: readonly string[]): TermCounts {
    const { lexicon } = this.index;
    return { passages: lexicon.passageCount, holding: terms.map((term) => lexicon.passagesWith(term)) };
  }

  /** The texts of the passages that hold a number as a word, one at a time: a caller may stop early. */
  *sentencesWith(number: number): Generator<string> {
    for (const passage of this.index.passagesHolding(String(number))) yield this.index.passageIn(this.documents, passage).text;
  }

  private storedFacts(): FactBase | null {
    const stored = this.storedReadings();
    return stored && new FactBase(stored.facts);
  }

  /** The corpus's acronyms: from the snapshot, else read from every paragraph on first use; then kept. */
  acronymTable(): AcronymTable {
    const stored = this.acronyms ? null : this.storedReadings();
    if (stored) this.acronyms = AcronymTable.fromStored(stored.acronyms);
    if (!this.acronyms) {
      this.acronyms = new AcronymTable();
      for (const document of this.documents) for (const paragraph of document.paragraphs) this.acronyms.add(paragraph.text);
    }
    return this.acronyms;
  }

  /**
   * A draft, read once: the last one is kept, so the hovers that follow a check of the same text read nothing again.
   * Markdown is parsed for what is not prose only in drafts: corpus files (the audit checks them) are plain text.
   */
  draft(text: string, file: string): Draft {
    if (this.lastDraft?.text === text && this.lastDraft.file === file) return this.lastDraft;
    this.corpusFiles ??= new Set(this.documents.map((d) => d.file));
    const markdown = isMarkdownFile(file) && !this.corpusFiles.has(file);
    return (this.lastDraft = readDraft(text, file, { markdown }));
  }

  /** Corpus passages that cite a Security Council resolution (by number, as "resolution 2331" or "S/RES/2331"). */
  passagesCiting(number: number, limit: number): SearchMatch[] {
    return this.search(`resolution ${number}`, { limit: limit * 4 })
      .filter((match) => extractCitations(match.text).some((c) => c.number === number && c.session === null))
      .slice(0, limit);
  }

  /** Findings on a draft (or a corpus file, for the audit): citations against the registry and the corpus. */
  check(text: string, file: string, options: { registry: ResolutionRegistry; config: CheckConfig }): Finding[] {
    return checkDraft(this.draft(text, file), options, this);
  }

  /** Facts on the same subject as a draft's fact, newest first. */
  sameSubject(fact: SentenceFact): Fact[] {
    return this.facts.sameSubject(fact);
  }

  /** Facts whose subject or actor is a name, newest first. */
  about(nameKey: string, limit: number): Fact[] {
    return this.facts.about(nameKey, limit);
  }

  /**
   * The corpus passages a sentence follows most closely, best first, from files other than `excludeFile` (and citing
   * resolution `citing`, when given).
   */
  closestPassages(sentence: string, options: { limit: number; excludeFile?: string; citing?: number; candidates?: number }): Precedent[] {
    const { limit, excludeFile, citing, candidates } = options;
    return similarPassages(this.index, this.documents, sentence, { limit, excludeFile, citing, candidates });
  }

  /** The passages a draft sentence follows, whole, with the words they share with it and the difference from it. */
  passagesForSentence(sentence: string, options: { limit: number; excludeFile?: string }): SentencePassage[] {
    return sentencePassages(this.index, this.documents, sentence, options);
  }

  /** The close variants of a phrase in date order, with the difference from each version to the next. */
  phraseHistory(phrase: string, options: { minSimilarity?: number; limit?: number; excludeFile?: string } = {}): PhraseHistory {
    return phraseHistory(this.index, this.documents, phrase, options);
  }

  /** The corpus paragraphs closest to a draft paragraph, best first, without speaker tags. */
  closestParagraphs(paragraph: string, limit: number): ParagraphMatch[] {
    return closestParagraphs(this.index, this.documents, paragraph, limit);
  }

  /**
   * The corpus passage of another file that a sentence follows most closely (citing `citing`, when given).
   * Remembered, so re-checking an edited draft looks up only the sentences that changed.
   */
  closestPassage(sentence: string, file: string, citing?: number): Precedent | null {
    const key = `${file}\u0000${citing ?? ''}\u0000${sentence}`;
    let precedent = this.precedents.get(key);
    if (precedent === undefined) {
      if (this.precedents.size >= REMEMBERED_SENTENCES) this.precedents.clear();
      precedent = similarPassages(this.index, this.documents, sentence, { limit: 1, excludeFile: file, citing })[0] ?? null;
      this.precedents.set(key, precedent);
    }
    return precedent;
  }
}

type Loaded = { document: CorpusDocument; ingested: boolean };
/** A file not indexed; `hash` when its content was read, so the verdict can be remembered. */
type NotLoaded = { reason: string; hash: string | null };

async function loadFile(
  file: CorpusFile,
  known: ManifestEntry | null,
  reuse: (hash: string, file: string) => Promise<CorpusDocument | null>,
): Promise<Loaded | NotLoaded> {
  // An unchanged file keeps its verdict: a scanned PDF is not parsed again each time another file changes.
  if (known?.reason) return { reason: known.reason, hash: known.hash };
  const unchanged = known && (await reuse(known.hash, file.file));
  if (unchanged) return { document: unchanged, ingested: false };
  if (file.size === 0) return { reason: 'empty file (0 bytes)', hash: EMPTY_HASH };
  let bytes: Buffer;
  try {
    bytes = await readFile(file.file);
  } catch (error) {
    return { reason: describeFsError(error), hash: null };
  }
  const hash = createHash('sha1').update(bytes).digest('hex');
  const reused = await reuse(hash, file.file);
  if (reused) return { document: reused, ingested: false };
  try {
    if (isWordOrPdf(file.file)) return { document: await ingestWordOrPdf(file.file, hash, bytes), ingested: true };
    const decoded = decodeBytes(bytes);
    return { document: ingestText(file.file, hash, decoded.encoding, decoded.text), ingested: true };
  } catch (error) {
    if (error instanceof BinaryFileError || isUnreadableFile(error)) return { reason: error.message, hash };
    return { reason: `could not be read: ${(error as Error).message}`, hash: null };
  }
}

/**
 * The facts and acronyms of an updated corpus, from the previous snapshot's (when it stored them): the removed
 * documents' acronym definitions taken out, the added documents read. Worked out on first use, then kept.
 */
function updatedReadings(
  previous: DecodedSnapshot<SnapshotDocument>,
  documents: readonly CorpusDocument[],
  added: readonly CorpusDocument[],
): () => CorpusReadings | null {
  let readings: CorpusReadings | null | undefined;
  return () => {
    if (readings !== undefined) return readings;
    const stored = previous.readings();
    if (!stored) return (readings = null);
    // The previous snapshot's documents are named by their content; the kept ones are where that content is now.
    // A document read again (a file moved) counts as taken out and added.
    const addedHashes = new Set(added.map((document) => document.hash));
    const keptFile = (hash: string) => (addedHashes.has(hash) ? null : (fileOfHash.get(hash) ?? null));
    const fileOfHash = new Map(documents.map((document) => [document.hash, document.file]));
    const acronyms = AcronymTable.fromStored(stored.acronyms);
    for (const document of previous.documents) {
      if (keptFile(document.hash) === null) for (const paragraph of document.paragraphs) acronyms.remove(paragraph.text);
    }
    for (const document of added) for (const paragraph of document.paragraphs) acronyms.add(paragraph.text);
    const facts = FactBase.withChanges(stored.facts, keptFile, added, acronyms).facts;
    return (readings = { facts, acronyms: acronyms.toStored() });
  };
}

/** An unchanged corpus: every file known by size and time, and a snapshot for exactly those contents. */
function loadSnapshot(cache: IndexCache, files: CorpusFile[], entries: ManifestEntry[]) {
  const skipped: SkippedFile[] = [];
  const fileOfHash = new Map<string, string>();
  files.forEach((file, i) => {
    const { hash, reason } = entries[i];
    const twin = fileOfHash.get(hash);
    if (reason) skipped.push({ file: file.file, reason });
    else if (twin) skipped.push({ file: file.file, reason: sameContentAs(twin) });
    else fileOfHash.set(hash, file.file);
  });
  const snapshot = cache.readSnapshot(snapshotKey([...fileOfHash.keys()]), fileOfHash);
  return snapshot && { ...snapshot, skipped };
}

function unchangedEntry(entry: ManifestEntry | undefined, file: CorpusFile): ManifestEntry | null {
  return entry && entry.size === file.size && entry.mtimeMs === file.mtimeMs ? entry : null;
}

function sameContentAs(file: string): string {
  return `same content as ${file}; indexed once`;
}

/** The snapshot of a set of contents, in whatever order they were indexed (an update puts added files last). */
function snapshotKey(hashes: string[]): string {
  return createHash('sha1')
    .update([...hashes].sort().join('\n'))
    .digest('hex');
}

function makeReport(
  documents: CorpusDocument[],
  index: PassageIndex,
  skipped: SkippedFile[],
  ingested: number,
  fromSnapshot: boolean,
  started: number,
): IndexReport {
  return {
    documents: documents.length,
    passages: index.passageCount,
    skipped,
    warnings: documents.flatMap((d) => d.notes.map((reason) => ({ file: d.file, reason }))),
    ingested,
    fromSnapshot,
    ms: Math.round(performance.now() - started),
  };
}

async function mapLimited<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  });
  await Promise.all(workers);
  return results;
}
