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
import { type IndexSnapshot, PassageIndex, SnapshotBuilder } from './passageIndex';

export interface IndexBuild {
  add(document: CorpusDocument): void;
  /** The index of every document added, in the order added. */
  finish(): Promise<PassageIndex>;
}

/** A document as the worker receives it: paragraph texts, and for each passage its paragraph, start and end. */
export interface DocumentMessage {
  paragraphs: string[];
  passages: Int32Array;
}

/** Files of fewer bytes than this, together, are indexed on this thread. */
export const WORKER_MIN_BYTES = 10 * 2 ** 20;

/** The worker's bundle beside this one (dist/indexWorker.js), or null when none is there (running from sources). */
export function indexWorkerScript(): string | null {
  const script = path.join(__dirname, 'indexWorker.js');
  return existsSync(script) ? script : null;
}

/** A build on a worker thread running `script` (see indexWorkerScript), or on this thread when it is null. */
export function startIndexBuild(script: string | null): IndexBuild {
  return script ? new WorkerBuild(script) : new LocalBuild();
}

class LocalBuild implements IndexBuild {
  private readonly builder = new SnapshotBuilder();

  add(document: CorpusDocument): void {
    this.builder.add(document);
  }

  finish(): Promise<PassageIndex> {
    return Promise.resolve(PassageIndex.built(this.builder));
  }
}

class WorkerBuild implements IndexBuild {
  private readonly worker: Worker;
  private readonly snapshot: Promise<IndexSnapshot>;
  /** Kept so that the index can still be built here if the worker fails. */
  private readonly documents: CorpusDocument[] = [];

  constructor(script: string) {
    this.worker = new Worker(script);
    // A load that fails part-way never finishes the build: the thread must not keep the process alive.
    this.worker.unref();
    this.snapshot = new Promise((resolve, reject) => {
      this.worker.once('message', (snapshot: IndexSnapshot) => resolve(snapshot));
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`the index worker exited with code ${code} before it answered`)));
    });
    this.snapshot.catch(() => undefined);
  }

  add(document: CorpusDocument): void {
    this.documents.push(document);
    const passages = new Int32Array(document.passages.length * 3);
    document.passages.forEach((p, i) => {
      passages[i * 3] = p.paragraph;
      passages[i * 3 + 1] = p.start;
      passages[i * 3 + 2] = p.end;
    });
    const message: DocumentMessage = { paragraphs: document.paragraphs.map((p) => p.text), passages };
    this.worker.postMessage(message, [passages.buffer]);
  }

  async finish(): Promise<PassageIndex> {
    this.worker.postMessage(null);
    try {
      return PassageIndex.fromSnapshot(await this.snapshot);
    } catch {
      // The thread could not be started or died (resource limits): this thread builds the same index.
      return PassageIndex.build(this.documents);
    } finally {
      void this.worker.terminate();
    }
  }
}
