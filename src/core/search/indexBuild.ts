/**
 * A fresh index built while the corpus is still being read: documents are handed over in the corpus's order as
 * they are ingested. On a large corpus a worker thread splits their passages into words and sorts the postings
 * while this thread reads, decodes and segments the files (the machine's second core); on a small one that thread
 * would cost more to start than it saves, and the index is built here.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { CorpusDocument } from '../types';
import { type BuiltIndex, inMemorySnapshot, PassageIndex, SnapshotBuilder } from './passageIndex';

export interface IndexBuild {
  add(document: CorpusDocument): void;
  /** Resolves once the build can take more documents without a queue of them growing: the reading waits for it. */
  roomForMore(): Promise<void>;
  /** The index of every document added, in the order added. */
  finish(): Promise<PassageIndex>;
}

/**
 * Documents as the worker receives them, many to a message: paragraph texts; for each passage its paragraph (in
 * `paragraphs`), start and end; and how many passages each document has, in order.
 */
export interface DocumentBatch {
  paragraphs: string[];
  passages: Int32Array;
  documentPassages: Int32Array;
}

/** A batch is sent once its paragraphs hold this many characters: one message a document costs more. */
const BATCH_CHARACTERS = 2 ** 20;
/**
 * Batches sent and not yet taken in by the worker: beyond these the reading waits. Reading is faster than the build
 * on a busy machine, and a queue of copied texts would otherwise raise the peak of an archive's cold build.
 */
const BATCHES_IN_FLIGHT = 4;

/** What the worker sends back: each batch taken in, then the index. */
export type IndexWorkerReply = { batchTakenIn: true } | { built: BuiltIndex };

/** Files of fewer bytes than this, together, are indexed on this thread. */
export const WORKER_MIN_BYTES = 10 * 2 ** 20;

/** The worker's bundle beside this one (dist/indexWorker.js), or null when none is there (running from sources). */
export function indexWorkerScript(): string | null {
  const script = path.join(__dirname, 'indexWorker.js');
  return existsSync(script) ? script : null;
}

/** A build on a worker thread running `script` (see indexWorkerScript), or on this thread when it is null. */
export function startIndexBuild(script: string | null, batchCharacters = BATCH_CHARACTERS): IndexBuild {
  return script ? new WorkerBuild(script, batchCharacters) : new LocalBuild();
}

class LocalBuild implements IndexBuild {
  private readonly builder = new SnapshotBuilder();

  add(document: CorpusDocument): void {
    this.builder.add(document);
  }

  roomForMore(): Promise<void> {
    return Promise.resolve();
  }

  finish(): Promise<PassageIndex> {
    return Promise.resolve(PassageIndex.built(this.builder));
  }
}

class WorkerBuild implements IndexBuild {
  private readonly worker: Worker;
  private readonly built: Promise<BuiltIndex>;
  /** Kept so that the index can still be built here if the worker fails. */
  private readonly documents: CorpusDocument[] = [];
  /** Documents added since the last message. */
  private batch = emptyBatch();
  private batchesInFlight = 0;
  /** Readers waiting for room (see roomForMore). */
  private waiting: Array<() => void> = [];

  constructor(
    script: string,
    private readonly batchCharacters: number,
  ) {
    this.worker = new Worker(script);
    // A load that fails part-way never finishes the build: the thread must not keep the process alive.
    this.worker.unref();
    this.built = new Promise((resolve, reject) => {
      this.worker.on('message', (reply: IndexWorkerReply) => {
        if ('built' in reply) return resolve(reply.built);
        this.batchesInFlight--;
        this.release();
      });
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`the index worker exited with code ${code} before it answered`)));
    });
    // A thread that failed takes nothing in any more: the reading goes on (finish() builds here instead).
    this.built.catch(() => {
      this.batchesInFlight = 0;
      this.release();
    });
  }

  roomForMore(): Promise<void> {
    if (this.batchesInFlight < BATCHES_IN_FLIGHT) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    while (this.waiting.length > 0 && this.batchesInFlight < BATCHES_IN_FLIGHT) this.waiting.shift()!();
  }

  add(document: CorpusDocument): void {
    this.documents.push(document);
    const batch = this.batch;
    const firstParagraph = batch.paragraphs.length;
    for (const paragraph of document.paragraphs) {
      batch.paragraphs.push(paragraph.text);
      batch.characters += paragraph.text.length;
    }
    for (const p of document.passages) batch.passages.push(firstParagraph + p.paragraph, p.start, p.end);
    batch.documentPassages.push(document.passages.length);
    if (batch.characters >= this.batchCharacters) this.send();
  }

  private send(): void {
    const { paragraphs, passages, documentPassages } = this.batch;
    const passageArray = Int32Array.from(passages);
    const counts = Int32Array.from(documentPassages);
    const message: DocumentBatch = { paragraphs, passages: passageArray, documentPassages: counts };
    this.worker.postMessage(message, [passageArray.buffer, counts.buffer]);
    this.batchesInFlight++;
    this.batch = emptyBatch();
  }

  async finish(): Promise<PassageIndex> {
    this.send();
    this.worker.postMessage(null);
    // Now something waits for the thread's answer: it keeps the process alive until then.
    this.worker.ref();
    try {
      return PassageIndex.fromSnapshot(inMemorySnapshot(await this.built));
    } catch {
      // The thread could not be started or died (resource limits): this thread builds the same index.
      return PassageIndex.build(this.documents);
    } finally {
      // Its heap goes with it: awaited, so that the cache is not written while the thread's memory is still held.
      await this.worker.terminate();
    }
  }
}

function emptyBatch() {
  return { paragraphs: [] as string[], passages: [] as number[], documentPassages: [] as number[], characters: 0 };
}
