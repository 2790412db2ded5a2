/**
 * The binary form of a whole-corpus snapshot, made to open fast: a small JSON header (document metadata, the
 * vocabulary), the numbers as Int32 arrays, and each document's paragraph text as a UTF-8 block, deflated on its
 * own (the text is most of a corpus, and a search inflates only the few documents it shows). Opening it
 * creates one object per document; a document's paragraphs, passages and text are decoded when first used, so a
 * large corpus opens in a fraction of a second and a search decodes only the documents it shows.
 *
 * What a first check reads from every passage — the corpus's facts and acronym table — is stored at the end as
 * JSON, read when first asked for, so a check after opening recomputes nothing.
 *
 *   [u32 header bytes][header JSON][pad to 4][Int32 arrays…][deflated text of document 1][… of document 2]…[readings JSON]
 */
import { constants, deflateRawSync, inflateRawSync } from 'zlib';
import type { StoredAcronyms } from './facts/acronyms';
import type { Fact } from './facts/factBase';
import type { CorpusDocument, DocumentMeta, Paragraph, Passage } from './types';
import type { IndexSnapshot } from './search/passageIndex';

const INDEX_ARRAYS = ['documentFrequency', 'postingOffsets', 'postings', 'passageDocument', 'passageLocal'] as const;
/** Per paragraph: text start, text end, then its range (4 numbers). */
const PARAGRAPH_FIELDS = 6;
/** Per passage: start, end, paragraph, then its range (4 numbers). */
const PASSAGE_FIELDS = 7;
/** Speeches deflate to about a third at a middling level; the highest levels cost far more time for little. */
const TEXT_COMPRESSION = constants.Z_DEFAULT_COMPRESSION;

interface Header {
  documents: Array<{
    hash: string;
    encoding: string;
    meta: DocumentMeta;
    notes: string[];
    pageStarts?: number[];
    paragraphs: number;
    passages: number;
    /** Bytes of its text, deflated. */
    textBytes: number;
  }>;
  terms: string[];
  /** Lengths of the Int32 arrays, in order: the index arrays, paragraphs, passages. */
  lengths: number[];
  /** Bytes of the readings JSON at the end; 0 when the snapshot holds none. */
  readingsBytes: number;
}

/** What was read from every passage of the corpus: its facts and its acronym table. */
export interface CorpusReadings {
  facts: Fact[];
  acronyms: StoredAcronyms;
}

/** A fact as stored: its files named by document number, since a file may move and keep its content. */
type StoredFact = Omit<Fact, 'file' | 'alsoIn'> & { document: number; alsoIn: number[] };

/** The snapshot's documents and index, and the readings (parsed on first call; null when not stored). */
export interface DecodedSnapshot<D extends CorpusDocument = CorpusDocument> {
  documents: D[];
  index: IndexSnapshot;
  readings: () => CorpusReadings | null;
}

export function encodeSnapshot(documents: CorpusDocument[], index: IndexSnapshot, readings: CorpusReadings | null = null): Buffer {
  const paragraphCount = documents.reduce((sum, d) => sum + d.paragraphs.length, 0);
  const passageCount = documents.reduce((sum, d) => sum + d.passages.length, 0);
  const paragraphs = new Int32Array(paragraphCount * PARAGRAPH_FIELDS);
  const passages = new Int32Array(passageCount * PASSAGE_FIELDS);
  const texts: Buffer[] = [];
  let p = 0;
  let s = 0;
  for (const document of documents) {
    let textLength = 0;
    for (const { text, range } of document.paragraphs) {
      paragraphs.set([textLength, textLength + text.length, range.startLine, range.startColumn, range.endLine, range.endColumn], p);
      p += PARAGRAPH_FIELDS;
      textLength += text.length;
    }
    const text = Buffer.from(document.paragraphs.map((paragraph) => paragraph.text).join(''), 'utf8');
    texts.push(deflateRawSync(text, { level: TEXT_COMPRESSION }));
    for (const { start, end, paragraph, range } of document.passages) {
      passages.set([start, end, paragraph, range.startLine, range.startColumn, range.endLine, range.endColumn], s);
      s += PASSAGE_FIELDS;
    }
  }
  const arrays = [...INDEX_ARRAYS.map((name) => index[name]), paragraphs, passages];
  const header: Header = {
    documents: documents.map((d, i) => ({
      hash: d.hash,
      encoding: d.encoding,
      meta: d.meta,
      notes: d.notes,
      ...(d.pageStarts && { pageStarts: d.pageStarts }),
      paragraphs: d.paragraphs.length,
      passages: d.passages.length,
      textBytes: texts[i].length,
    })),
    terms: index.terms,
    lengths: arrays.map((a) => a.length),
    readingsBytes: 0,
  };
  const readingsBytes = readings ? Buffer.from(JSON.stringify(storeReadings(documents, readings)), 'utf8') : Buffer.alloc(0);
  header.readingsBytes = readingsBytes.length;
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const text = Buffer.concat(texts);
  const arraysStart = align4(4 + headerBytes.length);
  const textStart = arraysStart + arrays.reduce((sum, a) => sum + a.byteLength, 0);
  const bytes = Buffer.alloc(textStart + text.length + readingsBytes.length);
  readingsBytes.copy(bytes, textStart + text.length);
  bytes.writeUInt32LE(headerBytes.length, 0);
  headerBytes.copy(bytes, 4);
  let offset = arraysStart;
  for (const array of arrays) {
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(bytes, offset);
    offset += array.byteLength;
  }
  text.copy(bytes, textStart);
  return bytes;
}

/** Null when the snapshot names content the corpus no longer has. */
export function decodeSnapshot(bytes: Buffer, fileOfHash: Map<string, string>): DecodedSnapshot | null {
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as Header;
  if (header.documents.some((d) => !fileOfHash.has(d.hash))) return null;
  return decodeWith(bytes, header, (hash) => fileOfHash.get(hash)!);
}

/**
 * Every document of a snapshot, whatever the corpus holds now, each named by its content hash until `at(file)`
 * gives it its place: what an update starts from.
 */
export function decodeWholeSnapshot(bytes: Buffer): DecodedSnapshot<SnapshotDocument> {
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as Header;
  return decodeWith(bytes, header, (hash) => hash);
}

function decodeWith(bytes: Buffer, header: Header, fileOf: (hash: string) => string): DecodedSnapshot<SnapshotDocument> {
  const headerLength = bytes.readUInt32LE(0);
  let offset = align4(4 + headerLength);
  const arrays = header.lengths.map((length) => {
    const at = bytes.byteOffset + offset;
    offset += length * 4;
    // A view when the bytes are aligned (a file read whole usually is), a copy otherwise.
    if (at % 4 === 0) return new Int32Array(bytes.buffer, at, length);
    return new Int32Array(new Uint8Array(bytes.subarray(offset - length * 4, offset)).buffer);
  });
  const [paragraphData, passageData] = arrays.slice(INDEX_ARRAYS.length);
  const index = { terms: header.terms } as IndexSnapshot;
  INDEX_ARRAYS.forEach((name, i) => (index[name] = arrays[i]));
  let paragraphAt = 0;
  let passageAt = 0;
  const documents = header.documents.map(
    (stored) =>
      new SnapshotDocument(
        fileOf(stored.hash),
        stored,
        paragraphData.subarray(paragraphAt, (paragraphAt += stored.paragraphs * PARAGRAPH_FIELDS)),
        passageData.subarray(passageAt, (passageAt += stored.passages * PASSAGE_FIELDS)),
        bytes.subarray(offset, (offset += stored.textBytes)),
      ),
  );
  const readingsAt = offset;
  let readings: CorpusReadings | null | undefined;
  const readingsOf = () =>
    (readings ??= header.readingsBytes
      ? restoreReadings(documents, JSON.parse(bytes.toString('utf8', readingsAt, readingsAt + header.readingsBytes)) as StoredReadings)
      : null);
  return { documents, index, readings: readingsOf };
}

type StoredReadings = { facts: StoredFact[]; acronyms: StoredAcronyms };

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

/** A document from a snapshot: its paragraphs, passages and text are decoded when first asked for. */
export class SnapshotDocument implements CorpusDocument {
  readonly hash: string;
  readonly encoding: string;
  readonly meta: DocumentMeta;
  readonly notes: string[];
  readonly pageStarts?: number[];
  private decodedParagraphs: Paragraph[] | null = null;
  private decodedPassages: Passage[] | null = null;

  constructor(
    readonly file: string,
    private readonly stored: Header['documents'][number],
    private readonly paragraphData: Int32Array,
    private readonly passageData: Int32Array,
    private readonly textBytes: Buffer,
  ) {
    this.hash = stored.hash;
    this.encoding = stored.encoding;
    this.meta = stored.meta;
    this.notes = stored.notes;
    if (stored.pageStarts) this.pageStarts = stored.pageStarts;
  }

  /** The same document at `file` (where its content is now), sharing the snapshot's bytes. */
  at(file: string): SnapshotDocument {
    return new SnapshotDocument(file, this.stored, this.paragraphData, this.passageData, this.textBytes);
  }

  get paragraphs(): Paragraph[] {
    if (this.decodedParagraphs) return this.decodedParagraphs;
    const text = inflateRawSync(this.textBytes).toString('utf8');
    const data = this.paragraphData;
    const paragraphs: Paragraph[] = [];
    for (let p = 0; p < data.length; p += PARAGRAPH_FIELDS) {
      paragraphs.push({ text: text.slice(data[p], data[p + 1]), range: rangeAt(data, p + 2) });
    }
    return (this.decodedParagraphs = paragraphs);
  }

  get passages(): Passage[] {
    if (this.decodedPassages) return this.decodedPassages;
    const data = this.passageData;
    const passages: Passage[] = [];
    for (let s = 0; s < data.length; s += PASSAGE_FIELDS) {
      passages.push({ start: data[s], end: data[s + 1], paragraph: data[s + 2], range: rangeAt(data, s + 3) });
    }
    return (this.decodedPassages = passages);
  }

  /** Plain data, as a freshly ingested document is. */
  toJSON(): CorpusDocument {
    const { file, hash, encoding, meta, paragraphs, passages, notes, pageStarts } = this;
    return { file, hash, encoding, meta, paragraphs, passages, notes, ...(pageStarts && { pageStarts }) };
  }
}

function rangeAt(data: Int32Array, at: number) {
  return { startLine: data[at], startColumn: data[at + 1], endLine: data[at + 2], endColumn: data[at + 3] };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
