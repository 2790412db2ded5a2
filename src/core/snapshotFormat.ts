/**
 * The binary form of a whole-corpus snapshot, made to open without reading most of it. Opening reads a small
 * header, the vocabulary and a few offset tables; a term's passages are read from the file when a query first
 * needs them, a document's paragraphs, passages and text when it is first shown, its metadata when first asked
 * for. The file stays open (Node has no memory mapping; `fs.readSync` at an offset is what a lookup costs).
 *
 * Posting lists are stored as gaps in variable-length bytes, each document's columns and text as one zlib block
 * (its checksum tells a damaged block from a good one). What a first check reads from every passage — the corpus's
 * facts and acronym table — is stored as JSON, read when first asked for.
 *
 * The file is written front to back as it is encoded (an archive's snapshot is never whole in memory), so the header
 * that places the sections comes last, found from the trailer:
 *
 *   "PSNP" [u32 format] postings | postingStarts | documentFrequency | terms | blocks | blockStarts | details |
 *   detailStarts | readings [header JSON][u32 header bytes] "PSNP"
 */
import { closeSync, fstatSync, openSync, readSync, unlinkSync } from 'fs';
import { deflateSync, inflateSync } from 'zlib';
import type { StoredAcronyms } from './facts/acronyms';
import type { Fact } from './facts/factBase';
import { RecentlyUsed } from './recentlyUsed';
import type { CorpusDocument, DocumentMeta, Paragraph, Passage } from './types';
import { type IndexSnapshot } from './search/passageIndex';

const MAGIC = 'PSNP';
const FORMAT = 8;
/** The magic and the format. */
const PREAMBLE_BYTES = 8;
/** The header's length and the magic again. */
const TRAILER_BYTES = 8;
/** Encoded posting lists gathered before they are written. */
const WRITE_BYTES = 1 << 20;
/** Per paragraph: text start, text end, then its range (4 numbers). */
const PARAGRAPH_FIELDS = 6;
/** Per passage: start, end, paragraph, then its range (4 numbers). */
const PASSAGE_FIELDS = 7;
/** Decoded documents kept per snapshot: enough for a check's precedents; the rest is read again when shown. */
const KEPT_DOCUMENTS = 256;
/** Bytes of decoded posting lists kept per snapshot, most recently used first. */
const KEPT_POSTING_BYTES = 24 * 2 ** 20;

/** In the order they are written: each table of starts follows what it places, known only once that is written. */
const SECTIONS = [
  'postings',
  'postingStarts',
  'documentFrequency',
  'terms',
  'blocks',
  'blockStarts',
  'details',
  'detailStarts',
  'readings',
] as const;
type Section = (typeof SECTIONS)[number];

interface Header {
  /** Per document, in index order: its content hash, paragraph and passage counts, and notes. */
  hashes: string[];
  paragraphs: number[];
  passages: number[];
  notes: string[][];
  terms: number;
  /** Each section's byte offset in the file and length. */
  sections: Record<Section, [number, number]>;
}

/** A document's details that only a shown result or a check reads. */
interface StoredDetails {
  encoding: string;
  meta: DocumentMeta;
  pageStarts?: number[];
}

/** What was read from every passage of the corpus: its facts and its acronym table. */
export interface CorpusReadings {
  facts: Fact[];
  acronyms: StoredAcronyms;
}

/** A fact as stored: its files named by document number, since a file may move and keep its content. */
type StoredFact = Omit<Fact, 'file' | 'alsoIn'> & { document: number; alsoIn: number[] };
type StoredReadings = { facts: StoredFact[]; acronyms: StoredAcronyms };

/** The snapshot's documents and index, and the readings (parsed on first call; null when not stored). */
export interface DecodedSnapshot<D extends CorpusDocument = CorpusDocument> {
  documents: D[];
  index: IndexSnapshot;
  readings: () => CorpusReadings | null;
}

/** A snapshot file that is not what its header says: read lazily, so found out only when a part is read. */
export class SnapshotDamagedError extends Error {
  constructor(file: string, what: string) {
    super(`the index cache ${file} is damaged (${what}); it has been removed and the corpus will be indexed again when next opened`);
    this.name = 'SnapshotDamagedError';
  }
}

/** Where a snapshot's bytes go, in order: a file being written, or a list in memory. */
export type ByteSink = (bytes: Uint8Array) => Promise<void>;

/**
 * Writes the snapshot to `sink` as it encodes it, section after section: a document's block is written once encoded
 * (an opened snapshot's blocks are copied as they are), so writing an archive's snapshot holds none of it whole.
 */
export async function encodeSnapshot(
  documents: CorpusDocument[],
  index: IndexSnapshot,
  readings: CorpusReadings | null,
  sink: ByteSink,
): Promise<void> {
  checkPassageOrder(documents, index);
  const out = new SectionWriter(sink);
  const preamble = Buffer.alloc(PREAMBLE_BYTES);
  preamble.write(MAGIC, 0, 'latin1');
  preamble.writeUInt32LE(FORMAT, 4);
  await out.write(preamble);
  const { terms } = index;
  const termCount = terms.length;
  // Terms are written in sorted order (a term's number in the snapshot is its place in that order), so that the
  // vocabulary opened from it needs no sorting for prefix lookups.
  const order = Int32Array.from(terms.keys()).sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
  const postingStarts = new Float64Array(termCount + 1);
  // Counted from the lists written, which opening reads back by these counts (a patched index may count a word
  // that an OCR repair lists a removed passage under once too often; see PassageIndex.withChanges).
  const documentFrequency = new Int32Array(termCount);
  out.begin('postings');
  const postings = new ByteWriter();
  for (let at = 0; at < termCount; at++) {
    postingStarts[at] = out.sectionLength + postings.length;
    const list = index.postingList(order[at]);
    documentFrequency[at] = list.length;
    writePostings(postings, list);
    if (postings.length >= WRITE_BYTES) await out.write(postings.take());
  }
  await out.write(postings.take());
  postingStarts[termCount] = out.sectionLength;
  await out.section('postingStarts', bytesOf(postingStarts));
  await out.section('documentFrequency', bytesOf(documentFrequency));
  await out.section('terms', Buffer.from(Array.from(order, (id) => terms[id]).join('\n'), 'utf8'));
  const blockStarts = await out.eachOf('blocks', documents, (document) =>
    document instanceof SnapshotDocument ? document.storedBlock() : encodeBlock(document),
  );
  await out.section('blockStarts', bytesOf(blockStarts));
  const detailStarts = await out.eachOf('details', documents, (document) =>
    document instanceof SnapshotDocument ? document.storedDetails() : Buffer.from(JSON.stringify(detailsOf(document)), 'utf8'),
  );
  await out.section('detailStarts', bytesOf(detailStarts));
  await out.section('readings', readings ? Buffer.from(JSON.stringify(storeReadings(documents, readings)), 'utf8') : new Uint8Array(0));
  const header: Header = {
    hashes: documents.map((d) => d.hash),
    paragraphs: documents.map(paragraphCountOf),
    passages: documents.map(passageCountOf),
    notes: documents.map((d) => d.notes),
    terms: termCount,
    sections: out.sections,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const trailer = Buffer.alloc(TRAILER_BYTES);
  trailer.writeUInt32LE(headerBytes.length, 0);
  trailer.write(MAGIC, 4, 'latin1');
  await out.write(headerBytes);
  await out.write(trailer);
}

/** Writes sections one after another, noting where each begins and how long it is. */
class SectionWriter {
  readonly sections = {} as Header['sections'];
  private offset = 0;
  private current: Section | null = null;

  constructor(private readonly sink: ByteSink) {}

  /** Bytes written in the section begun last. */
  get sectionLength(): number {
    return this.current ? this.offset - this.sections[this.current][0] : 0;
  }

  begin(name: Section): void {
    this.current = name;
    this.sections[name] = [this.offset, 0];
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (bytes.length === 0) return;
    await this.sink(bytes);
    this.offset += bytes.length;
    if (this.current) this.sections[this.current][1] = this.sectionLength;
  }

  async section(name: Section, bytes: Uint8Array): Promise<void> {
    this.begin(name);
    await this.write(bytes);
  }

  /** A section of one part per item, each made when written; returns where each part starts in it, and its end. */
  async eachOf<T>(name: Section, items: readonly T[], partOf: (item: T) => Uint8Array): Promise<Float64Array> {
    this.begin(name);
    const starts = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) {
      starts[i] = this.sectionLength;
      await this.write(partOf(items[i]));
    }
    starts[items.length] = this.sectionLength;
    return starts;
  }
}

/**
 * Opens a snapshot for a corpus with exactly these contents; documents take the paths their content has now.
 * Null when the snapshot names content the corpus no longer has, or is not a whole snapshot of this format.
 */
export function openSnapshot(file: string, fileOfHash: Map<string, string>): DecodedSnapshot | null {
  const snapshot = SnapshotFile.open(file);
  if (!snapshot) return null;
  if (snapshot.header.hashes.some((hash) => !fileOfHash.has(hash))) {
    snapshot.close();
    return null;
  }
  return decodeWith(snapshot, (hash) => fileOfHash.get(hash)!);
}

/**
 * Every document of a snapshot, whatever the corpus holds now, each named by its content hash until `at(file)`
 * gives it its place: what an update starts from. Null when the file is not a whole snapshot of this format.
 */
export function openWholeSnapshot(file: string): DecodedSnapshot<SnapshotDocument> | null {
  const snapshot = SnapshotFile.open(file);
  return snapshot && decodeWith(snapshot, (hash) => hash);
}

function decodeWith(snapshot: SnapshotFile, fileOf: (hash: string) => string): DecodedSnapshot<SnapshotDocument> {
  const { header } = snapshot;
  const passageCount = header.passages.reduce((sum, n) => sum + n, 0);
  // Passages are numbered document by document (see checkPassageOrder): these columns follow from the counts.
  const passageDocument = new Int32Array(passageCount);
  const passageLocal = new Int32Array(passageCount);
  let at = 0;
  header.passages.forEach((count, document) => {
    passageDocument.fill(document, at, at + count);
    for (let local = 0; local < count; local++) passageLocal[at + local] = local;
    at += count;
  });
  const index: IndexSnapshot = {
    terms: snapshot.terms(),
    documentFrequency: snapshot.documentFrequency,
    passageDocument,
    passageLocal,
    postingList: (id) => snapshot.postingList(id),
  };
  const documents = header.hashes.map((hash, i) => new SnapshotDocument(fileOf(hash), snapshot, i));
  let readings: CorpusReadings | null | undefined;
  const readingsOf = () => {
    if (readings !== undefined) return readings;
    const bytes = snapshot.section('readings');
    return (readings = bytes.length ? restoreReadings(documents, JSON.parse(bytes.toString('utf8')) as StoredReadings) : null);
  };
  return { documents, index, readings: readingsOf };
}

/** A document's paragraphs and passages, decoded from its block. */
interface DecodedBlock {
  paragraphs: Paragraph[];
  passages: Passage[];
}

/** An open snapshot file: the header and offset tables in memory, the rest read at offsets when asked for. */
class SnapshotFile {
  private static readonly closer = new FinalizationRegistry<number>((fd) => closeQuietly(fd));
  private readonly blocks = new RecentlyUsed<number, DecodedBlock>(KEPT_DOCUMENTS);
  private readonly postings = new RecentlyUsed<number, Int32Array>(KEPT_POSTING_BYTES, (list) => list.byteLength);
  private closed = false;
  readonly documentFrequency: Int32Array;
  private readonly postingStarts: Float64Array;
  private readonly blockStarts: Float64Array;
  private readonly detailStarts: Float64Array;
  private readonly details: Buffer;
  private readonly passageSlots: number;

  private constructor(
    readonly file: string,
    private readonly fd: number,
    readonly header: Header,
  ) {
    SnapshotFile.closer.register(this, fd, this);
    const documents = header.hashes.length;
    this.documentFrequency = this.int32Section('documentFrequency', header.terms);
    this.postingStarts = this.float64Section('postingStarts', header.terms + 1);
    this.blockStarts = this.float64Section('blockStarts', documents + 1);
    this.detailStarts = this.float64Section('detailStarts', documents + 1);
    this.details = this.section('details');
    this.passageSlots = header.passages.reduce((sum, n) => sum + n, 0);
    const ends: Array<[Float64Array, Section]> = [
      [this.postingStarts, 'postings'],
      [this.blockStarts, 'blocks'],
      [this.detailStarts, 'details'],
    ];
    for (const [starts, section] of ends) {
      if (!isAscending(starts) || starts[0] !== 0 || starts[starts.length - 1] !== header.sections[section][1]) {
        throw new SnapshotDamagedError(file, `the ${section} table does not fit its section`);
      }
    }
  }

  /** The snapshot at `file`; null when it is missing, of another format or cut short (a rebuild follows). */
  static open(file: string): SnapshotFile | null {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return null;
    }
    try {
      const size = fstatSync(fd).size;
      if (size < PREAMBLE_BYTES + TRAILER_BYTES) return closeAndNull(fd);
      const preamble = readExactly(fd, 0, PREAMBLE_BYTES, file);
      if (preamble.toString('latin1', 0, 4) !== MAGIC || preamble.readUInt32LE(4) !== FORMAT) return closeAndNull(fd);
      const trailer = readExactly(fd, size - TRAILER_BYTES, TRAILER_BYTES, file);
      const headerStart = size - TRAILER_BYTES - trailer.readUInt32LE(0);
      if (trailer.toString('latin1', 4, 8) !== MAGIC || headerStart < PREAMBLE_BYTES) return closeAndNull(fd);
      const header = JSON.parse(readExactly(fd, headerStart, size - TRAILER_BYTES - headerStart, file).toString('utf8')) as Header;
      const last = header.sections[SECTIONS[SECTIONS.length - 1]];
      if (!last || last[0] + last[1] !== headerStart) return closeAndNull(fd);
      return new SnapshotFile(file, fd, header);
    } catch {
      return closeAndNull(fd);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    SnapshotFile.closer.unregister(this);
    closeQuietly(this.fd);
  }

  section(name: Section): Buffer {
    const [offset, length] = this.header.sections[name];
    return this.read(offset, length);
  }

  terms(): string[] {
    if (this.header.terms === 0) return [];
    const terms = this.section('terms').toString('utf8').split('\n');
    if (terms.length !== this.header.terms) throw this.damaged('the vocabulary has the wrong length');
    return terms;
  }

  /** The passages that hold term `id`, ascending: read and decoded on first use, then kept while used. */
  postingList(id: number): Int32Array {
    const kept = this.postings.get(id);
    if (kept) return kept;
    const from = this.postingStarts[id];
    const bytes = this.read(this.header.sections.postings[0] + from, this.postingStarts[id + 1] - from);
    const list = decodePostings(bytes, this.documentFrequency[id], this.passageSlots);
    if (!list) throw this.damaged(`the passages of term ${id} do not decode`);
    this.postings.set(id, list);
    return list;
  }

  /** Document `d`'s block as stored (compressed), to copy into a new snapshot. */
  storedBlock(d: number): Buffer {
    const from = this.blockStarts[d];
    return this.read(this.header.sections.blocks[0] + from, this.blockStarts[d + 1] - from);
  }

  storedDetails(d: number): Buffer {
    return this.details.subarray(this.detailStarts[d], this.detailStarts[d + 1]);
  }

  readDetails(d: number): StoredDetails {
    try {
      return JSON.parse(this.storedDetails(d).toString('utf8')) as StoredDetails;
    } catch {
      throw this.damaged(`the details of document ${d} do not parse`);
    }
  }

  /** Document `d`'s paragraphs and passages, kept while recently used. */
  block(d: number): DecodedBlock {
    const kept = this.blocks.get(d);
    if (kept) return kept;
    let bytes: Buffer;
    try {
      bytes = inflateSync(this.storedBlock(d));
    } catch (error) {
      throw this.damaged(`document ${d} does not inflate: ${(error as Error).message}`);
    }
    const decoded = decodeBlock(bytes, this.header.paragraphs[d], this.header.passages[d]);
    if (!decoded) throw this.damaged(`document ${d} does not fit its counts`);
    this.blocks.set(d, decoded);
    return decoded;
  }

  private int32Section(name: Section, count: number): Int32Array {
    const bytes = this.section(name);
    if (bytes.length !== count * 4) throw this.damaged(`the ${name} section has the wrong length`);
    const values = new Int32Array(count);
    new Uint8Array(values.buffer).set(bytes);
    return values;
  }

  private float64Section(name: Section, count: number): Float64Array {
    const bytes = this.section(name);
    if (bytes.length !== count * 8) throw this.damaged(`the ${name} section has the wrong length`);
    const values = new Float64Array(count);
    new Uint8Array(values.buffer).set(bytes);
    return values;
  }

  private read(offset: number, length: number): Buffer {
    if (this.closed) throw new Error(`the index cache ${this.file} was closed`);
    return readExactly(this.fd, offset, length, this.file, () => this.damaged('it is shorter than its header says'));
  }

  /** Removes the file, so that the next opening indexes the corpus again, and says what is wrong. */
  private damaged(what: string): SnapshotDamagedError {
    try {
      unlinkSync(this.file);
    } catch {
      // Already gone, or not ours to remove: the error says what is wrong either way.
    }
    return new SnapshotDamagedError(this.file, what);
  }
}

/** A document from a snapshot: its details, paragraphs, passages and text are read when first asked for. */
export class SnapshotDocument implements CorpusDocument {
  readonly hash: string;
  readonly notes: string[];
  private details: StoredDetails | null = null;

  constructor(
    readonly file: string,
    private readonly snapshot: SnapshotFile,
    private readonly number: number,
  ) {
    this.hash = snapshot.header.hashes[number];
    this.notes = snapshot.header.notes[number];
  }

  /** Counted without reading the document. */
  get paragraphCount(): number {
    return this.snapshot.header.paragraphs[this.number];
  }

  get passageCount(): number {
    return this.snapshot.header.passages[this.number];
  }

  /** The same document at `file` (where its content is now), read from the same snapshot. */
  at(file: string): SnapshotDocument {
    return new SnapshotDocument(file, this.snapshot, this.number);
  }

  get encoding(): string {
    return this.stored.encoding;
  }

  get meta(): DocumentMeta {
    return this.stored.meta;
  }

  get pageStarts(): number[] | undefined {
    return this.stored.pageStarts;
  }

  get paragraphs(): Paragraph[] {
    return this.snapshot.block(this.number).paragraphs;
  }

  get passages(): Passage[] {
    return this.snapshot.block(this.number).passages;
  }

  storedBlock(): Buffer {
    return this.snapshot.storedBlock(this.number);
  }

  storedDetails(): Buffer {
    return this.snapshot.storedDetails(this.number);
  }

  /** Plain data, as a freshly ingested document is. */
  toJSON(): CorpusDocument {
    const { file, hash, encoding, meta, paragraphs, passages, notes, pageStarts } = this;
    return { file, hash, encoding, meta, paragraphs, passages, notes, ...(pageStarts && { pageStarts }) };
  }

  private get stored(): StoredDetails {
    return (this.details ??= this.snapshot.readDetails(this.number));
  }
}

/** How many passages a document has, without reading one from a snapshot. */
export function passageCountOf(document: CorpusDocument): number {
  return document instanceof SnapshotDocument ? document.passageCount : document.passages.length;
}

function paragraphCountOf(document: CorpusDocument): number {
  return document instanceof SnapshotDocument ? document.paragraphCount : document.paragraphs.length;
}

/** A snapshot numbers passages document by document, in order; opening relies on it, so writing checks it. */
function checkPassageOrder(documents: CorpusDocument[], index: IndexSnapshot): void {
  let p = 0;
  documents.forEach((document, d) => {
    const count = passageCountOf(document);
    for (let local = 0; local < count; local++, p++) {
      if (index.passageDocument[p] !== d || index.passageLocal[p] !== local) {
        throw new Error(`snapshot: passage ${p} is not passage ${local} of document ${d}`);
      }
    }
  });
  if (p !== index.passageDocument.length)
    throw new Error(`snapshot: the index has ${index.passageDocument.length} passages, the documents ${p}`);
}

function detailsOf(document: CorpusDocument): StoredDetails {
  return { encoding: document.encoding, meta: document.meta, ...(document.pageStarts && { pageStarts: document.pageStarts }) };
}

/** The paragraph and passage columns, then the text, deflated together. */
function encodeBlock(document: CorpusDocument): Buffer {
  const columns = new Int32Array(document.paragraphs.length * PARAGRAPH_FIELDS + document.passages.length * PASSAGE_FIELDS);
  let at = 0;
  let textLength = 0;
  for (const { text, range } of document.paragraphs) {
    columns.set([textLength, textLength + text.length, range.startLine, range.startColumn, range.endLine, range.endColumn], at);
    at += PARAGRAPH_FIELDS;
    textLength += text.length;
  }
  for (const { start, end, paragraph, range } of document.passages) {
    columns.set([start, end, paragraph, range.startLine, range.startColumn, range.endLine, range.endColumn], at);
    at += PASSAGE_FIELDS;
  }
  const text = Buffer.from(document.paragraphs.map((paragraph) => paragraph.text).join(''), 'utf8');
  return deflateSync(Buffer.concat([bytesOf(columns), text]));
}

function decodeBlock(bytes: Buffer, paragraphCount: number, passageCount: number): DecodedBlock | null {
  const columnCount = paragraphCount * PARAGRAPH_FIELDS + passageCount * PASSAGE_FIELDS;
  if (bytes.length < columnCount * 4) return null;
  const data = new Int32Array(columnCount);
  new Uint8Array(data.buffer).set(bytes.subarray(0, columnCount * 4));
  const text = bytes.toString('utf8', columnCount * 4);
  const paragraphs: Paragraph[] = [];
  let at = 0;
  for (let p = 0; p < paragraphCount; p++, at += PARAGRAPH_FIELDS) {
    paragraphs.push({ text: text.slice(data[at], data[at + 1]), range: rangeAt(data, at + 2) });
  }
  const passages: Passage[] = [];
  for (let s = 0; s < passageCount; s++, at += PASSAGE_FIELDS) {
    passages.push({ start: data[at], end: data[at + 1], paragraph: data[at + 2], range: rangeAt(data, at + 3) });
  }
  return { paragraphs, passages };
}

/** An ascending list as the gaps between its values, each in 7-bit groups (the high bit: more to come). */
function writePostings(out: ByteWriter, list: Int32Array): void {
  let previous = -1;
  for (let i = 0; i < list.length; i++) {
    let gap = list[i] - previous - 1;
    previous = list[i];
    while (gap >= 0x80) {
      out.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    out.push(gap);
  }
}

/** Null when the bytes are not `count` ascending passages below `limit`, exactly. */
function decodePostings(bytes: Uint8Array, count: number, limit: number): Int32Array | null {
  const list = new Int32Array(count);
  let at = 0;
  let previous = -1;
  for (let i = 0; i < count; i++) {
    let gap = 0;
    let byte: number;
    let shift = 0;
    do {
      if (at >= bytes.length || shift > 28) return null;
      byte = bytes[at++];
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    if (gap < 0) return null;
    previous += gap + 1;
    list[i] = previous;
  }
  return at === bytes.length && previous < limit ? list : null;
}

function storeReadings(documents: CorpusDocument[], readings: CorpusReadings): StoredReadings {
  const documentOf = new Map(documents.map((document, i) => [document.file, i]));
  const facts = readings.facts.map(({ file, alsoIn, ...fact }) => ({
    ...fact,
    document: documentOf.get(file)!,
    alsoIn: alsoIn.map((other) => documentOf.get(other)!),
  }));
  return { facts, acronyms: readings.acronyms };
}

function restoreReadings(documents: readonly CorpusDocument[], stored: StoredReadings): CorpusReadings {
  const facts = stored.facts.map(({ document, alsoIn, ...fact }) => ({
    ...fact,
    file: documents[document].file,
    alsoIn: alsoIn.map((other) => documents[other].file),
  }));
  return { facts, acronyms: stored.acronyms };
}

function rangeAt(data: Int32Array, at: number) {
  return { startLine: data[at], startColumn: data[at + 1], endLine: data[at + 2], endColumn: data[at + 3] };
}

function bytesOf(array: Int32Array | Float64Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function isAscending(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if (!(values[i] >= values[i - 1])) return false;
  return true;
}

function readExactly(fd: number, offset: number, length: number, file: string, short?: () => Error): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, bytes, read, length - read, offset + read);
    if (n === 0) throw short ? short() : new Error(`${file}: ends before byte ${offset + length}`);
    read += n;
  }
  return bytes;
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Closed already.
  }
}

function closeAndNull(fd: number): null {
  closeQuietly(fd);
  return null;
}

/** Bytes appended one at a time, in a buffer that doubles as it fills. */
class ByteWriter {
  private buffer = new Uint8Array(1 << 16);
  length = 0;

  push(byte: number): void {
    if (this.length === this.buffer.length) {
      const bigger = new Uint8Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.length++] = byte;
  }

  /** The bytes pushed since the last take; the writer starts again empty. */
  take(): Uint8Array {
    const bytes = this.buffer.slice(0, this.length);
    this.length = 0;
    return bytes;
  }
}
