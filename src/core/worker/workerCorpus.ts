/**
 * Answers `CorpusQueries` from a worker thread that holds the index (src/core/worker/corpusWorker.ts): a large index
 * never weighs on the caller's thread and a slow question never delays it. A question is a message ({id, method,
 * args}) answered by a message; cancelling sends the thread a cancel and rejects at once. When the thread crashes or
 * exits, the questions it held reject with the reason, it is restarted (a bounded number of times) and later
 * questions go to the new thread.
 */
import { Worker } from 'worker_threads';
import type { Finding, Precedent } from '../checks/types';
import type { DraftPlace } from '../draft/draft';
import type { AcronymCount } from '../facts/acronyms';
import type { Fact } from '../facts/factBase';
import type { FactsAt } from '../facts/factsAt';
import type { ParagraphMatch } from '../search/closestParagraphs';
import type { Continuation } from '../search/complete';
import type { PhraseHistory } from '../search/phraseHistory';
import type { SearchOptions } from '../search/search';
import type { SentencePassage } from '../search/sentencePassages';
import {
  type AuditOptions,
  auditFiles,
  type Cancellable,
  CancelledError,
  type CheckedFile,
  type CheckOptions,
  type ClosestOptions,
  type CompleteOptions,
  type CorpusQueries,
  type TermCounts,
  throwIfCancelled,
} from '../service';
import type { SearchMatch } from '../types';
import type { IndexReport, WorkspaceOptions } from '../workspace';
import type { PlainCheckOptions } from './corpusWorker';
import type { FromWorker, ToWorker, WorkerMethod } from './protocol';

/** How many times a crashed thread is restarted before the index gives up. */
export const MAX_RESTARTS = 3;
/** How long a replaced index stays up once no question is asked of it. */
const RETIRE_IDLE_MS = 5000;

export interface WorkerCorpusEvents {
  /** The thread stopped (why) and a new one is loading the corpus. */
  onRestart?(reason: string): void;
  /** The new thread has loaded the corpus and answers again. */
  onRestarted?(report: IndexReport): void;
  /** The thread stopped and will not be restarted: every question now rejects. */
  onError?(reason: string): void;
  /** The thread has written the cache (error null) or could not (its reason). */
  onSaved?(error: string | null): void;
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/** A running thread with its corpus loaded. */
interface Thread {
  worker: Worker;
  report: IndexReport;
}

export class WorkerCorpus implements CorpusQueries {
  private thread: Promise<Thread>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private restarts = 0;
  private disposed = false;
  private loadedReport: IndexReport | null = null;
  private retireAfterMs: number | null = null;
  private retiring: NodeJS.Timeout | undefined;

  private constructor(
    private readonly script: string,
    private readonly options: WorkspaceOptions,
    private readonly events: WorkerCorpusEvents,
  ) {
    this.thread = this.spawn();
  }

  /** Starts the thread; resolves once it has loaded the corpus, rejects when it could not. */
  static async start(script: string, options: WorkspaceOptions, events: WorkerCorpusEvents = {}): Promise<WorkerCorpus> {
    const corpus = new WorkerCorpus(script, options, events);
    await corpus.thread;
    return corpus;
  }

  /** The report of the thread that loaded the corpus (the latest one after a restart). */
  get report(): IndexReport {
    if (!this.loadedReport) throw new Error('the index worker has not loaded the corpus yet');
    return this.loadedReport;
  }

  documentFiles(options: Cancellable = {}): Promise<string[]> {
    return this.ask('documentFiles', [], options);
  }

  search(query: string, options: SearchOptions & Cancellable = {}): Promise<SearchMatch[]> {
    return this.ask('search', [query], options);
  }

  passagesCiting(number: number, limit: number, options: Cancellable = {}): Promise<SearchMatch[]> {
    return this.ask('passagesCiting', [number, limit], options);
  }

  closestPassages(sentence: string, options: ClosestOptions): Promise<Precedent[]> {
    return this.ask('closestPassages', [sentence], options);
  }

  passagesForSentence(sentence: string, options: { limit: number; excludeFile?: string } & Cancellable): Promise<SentencePassage[]> {
    return this.ask('passagesForSentence', [sentence], options);
  }

  phraseHistory(
    phrase: string,
    options: { minSimilarity?: number; limit?: number; excludeFile?: string } & Cancellable = {},
  ): Promise<PhraseHistory> {
    return this.ask('phraseHistory', [phrase], options);
  }

  closestParagraphs(paragraph: string, limit: number, options: Cancellable = {}): Promise<ParagraphMatch[]> {
    return this.ask('closestParagraphs', [paragraph, limit], options);
  }

  complete(typed: string, limit: number, options: CompleteOptions = {}): Promise<Continuation[]> {
    return this.ask('complete', [typed, limit], options);
  }

  acronym(acronym: string, options: Cancellable = {}): Promise<{ expansion: string | null; uses: number }> {
    return this.ask('acronym', [acronym], options);
  }

  lookUpFacts(query: string, limit: number, options: Cancellable = {}): Promise<Fact[]> {
    return this.ask('lookUpFacts', [query, limit], options);
  }

  factsAt(text: string, offset: number, options: Cancellable = {}): Promise<FactsAt | null> {
    return this.ask('factsAt', [text, offset], options);
  }

  draftPlace(text: string, file: string, offset: number, options: Cancellable = {}): Promise<DraftPlace> {
    return this.ask('draftPlace', [text, file, offset], options);
  }

  check(text: string, file: string, { registry, config, signal }: CheckOptions): Promise<Finding[]> {
    const plain: PlainCheckOptions = { registryEntries: registry.ownEntries(), config };
    return this.ask('check', [text, file], { ...plain, signal });
  }

  sentencesCiting(number: number, limit: number, options: Cancellable = {}): Promise<string[]> {
    return this.ask('sentencesCiting', [number, limit], options);
  }

  termCounts(terms: string[], options: Cancellable = {}): Promise<TermCounts> {
    return this.ask('termCounts', [terms], options);
  }

  factsFor(subjectKeys: string[], names: string[], options: Cancellable = {}): Promise<Fact[]> {
    return this.ask('factsFor', [subjectKeys, names], options);
  }

  acronymDefinitions(options: Cancellable = {}): Promise<AcronymCount[]> {
    return this.ask('acronymDefinitions', [], options);
  }

  /** Files are read and configured here (the options hold functions, which cannot cross); the thread checks each. */
  async audit(options: AuditOptions): Promise<CheckedFile[]> {
    return auditFiles(await this.documentFiles({ signal: options.signal }), options, (text, file, config) =>
      this.check(text, file, { registry: options.registry, config, signal: options.signal }),
    );
  }

  /** Stops the thread; questions pending or asked later reject as cancelled (nobody needs their answers now). */
  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.retiring);
    this.rejectPending(() => new CancelledError());
    await this.thread.then(({ worker }) => worker.terminate()).catch(() => undefined);
  }

  /**
   * Stops the thread once no question has been asked of it for `idleMs`: a newer index has replaced it, but a caller
   * still working through a series of questions (an audit, file by file) finishes on the index it began with.
   */
  retire(idleMs = RETIRE_IDLE_MS): void {
    this.retireAfterMs = idleMs;
    this.keepUntilIdle();
  }

  private keepUntilIdle(): void {
    if (this.retireAfterMs === null || this.disposed) return;
    clearTimeout(this.retiring);
    this.retiring = setTimeout(() => (this.pending.size > 0 ? this.keepUntilIdle() : void this.dispose()), this.retireAfterMs);
  }

  /**
   * For tests of the recovery: the thread exits as a crash would, before answering any question asked after this
   * call; resolves once it has stopped (and its restart has begun).
   */
  async crashForTest(): Promise<void> {
    const { worker } = await this.thread;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    this.post(worker, { type: 'crash' });
    await exited;
  }

  /** The last argument of every question is its options, without the signal (which cannot cross; the cancel message does). */
  private async ask<T>(method: WorkerMethod, args: unknown[], { signal, ...options }: Cancellable & object): Promise<T> {
    throwIfCancelled(signal);
    const { worker } = await this.thread;
    throwIfCancelled(signal);
    if (this.disposed) throw new CancelledError();
    this.keepUntilIdle();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        this.pending.delete(id);
        this.post(worker, { type: 'cancel', id });
        reject(new CancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle =
        <V>(then: (value: V) => void) =>
        (value: V) => {
          signal?.removeEventListener('abort', onAbort);
          this.pending.delete(id);
          then(value);
        };
      const pending = { resolve: settle((result) => resolve(result as T)), reject: settle(reject) };
      this.pending.set(id, pending);
      try {
        this.post(worker, { type: 'ask', id, method, args: [...args, options] });
      } catch (error) {
        // An argument that cannot cross (a function, a class instance's methods) is the caller's error, named here.
        pending.reject(new Error(`${method}: ${(error as Error).message}`));
      }
    });
  }

  private post(worker: Worker, message: ToWorker): void {
    worker.postMessage(message);
  }

  private spawn(): Promise<Thread> {
    return new Promise<Thread>((resolve, reject) => {
      const worker = new Worker(this.script, { workerData: this.options });
      let loaded = false;
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'loaded':
            loaded = true;
            this.loadedReport = message.report;
            return resolve({ worker, report: message.report });
          case 'load-failed':
            void worker.terminate();
            return reject(new Error(message.error));
          case 'saved':
            return this.events.onSaved?.(message.error);
          case 'answer':
            return this.pending.get(message.id)?.resolve(message.result);
          case 'failed':
            return this.pending.get(message.id)?.reject(message.cancelled ? new CancelledError() : new Error(message.error));
        }
      });
      let stopped = false;
      const onStop = (reason: string) => {
        if (stopped) return;
        stopped = true;
        if (!loaded) reject(new Error(`the index worker stopped while loading the corpus: ${reason}`));
        else this.recover(reason);
      };
      worker.on('error', (error) => onStop(error.message));
      worker.on('exit', (code) => onStop(`it exited with code ${code}`));
    });
  }

  /** A loaded thread stopped: its questions reject with the reason; a new thread loads the corpus for later ones. */
  private recover(reason: string): void {
    if (this.disposed) return;
    const message = `the index worker stopped (${reason})`;
    this.rejectPending(() => new Error(message));
    if (this.restarts >= MAX_RESTARTS) {
      this.thread = Promise.reject(new Error(`${message}; it was restarted ${MAX_RESTARTS} times and is not restarted again`));
      this.thread.catch(() => undefined);
      this.events.onError?.(reason);
      return;
    }
    this.restarts++;
    this.events.onRestart?.(reason);
    this.thread = this.spawn();
    this.thread.then(
      ({ report }) => this.events.onRestarted?.(report),
      (error: Error) => this.events.onError?.(error.message),
    );
  }

  private rejectPending(error: () => Error): void {
    for (const pending of [...this.pending.values()]) pending.reject(error());
  }
}
