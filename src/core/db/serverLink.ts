/**
 * The editor's link to a team corpus on a database server, which may go away at any time. It connects in the
 * background, bounds every question by a timeout, and never makes a caller wait for a server that is not there: a
 * question asked while the server is unavailable is left unanswered at once. When the server fails (unreachable, a
 * refused login), the link says why and tries again after a growing pause (1 s, 2 s, 5 s, 10 s, then every 30 s); a
 * question that times out makes it slow while it still answers a ping in time (until a question is answered in time
 * again), unavailable when it does not; a heartbeat notices a server that went away while nobody asked.
 */
import { CancelledError, isCancelled } from '../service';
import { DatabaseUnavailableError } from './connection';
import type { DatabaseCorpus } from './databaseCorpus';

export type ServerState =
  | { kind: 'connecting' }
  /** `slow`: why the latest question went unanswered though the server still answers (it timed out), or null. */
  | { kind: 'connected'; documents: number; passages: number; collections: string[]; slow: string | null }
  /** `reason` names the server, `why` does not (where the server is named beside it); `retryInMs`: the next attempt. */
  | { kind: 'unavailable'; reason: string; why: string; retryInMs: number };

/** What a question to the server gave: its answer, or why there is none (the caller answers from local folders). */
export type ServerAnswer<T> = { answered: true; value: T } | { answered: false; reason: string };

export const DEFAULT_TIMEOUT_MS = 3000;
export const RETRY_PAUSES_MS: readonly number[] = [1000, 2000, 5000, 10_000, 30_000];
const HEARTBEAT_MS = 15_000;

export interface ServerLinkOptions {
  /** Opens the server's corpus (connects, reads its summary); rejects when it cannot. */
  open(): Promise<DatabaseCorpus>;
  /** Told of each change of state (the status bar, the log). */
  onState(state: ServerState): void;
  /** Told of a question that failed for a reason other than the server's availability (logged; the link stays up). */
  onError?(what: string, error: Error): void;
  timeoutMs?: number;
  retryPausesMs?: readonly number[];
  heartbeatMs?: number;
}

export class ServerLink {
  private corpus: DatabaseCorpus | null = null;
  private stateNow: ServerState = { kind: 'connecting' };
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private attempt = 0;
  private disposed = false;
  readonly timeoutMs: number;

  constructor(private readonly options: ServerLinkOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  get state(): ServerState {
    return this.stateNow;
  }

  /** Starts connecting; resolves once the first attempt has succeeded or failed (it never rejects). */
  start(): Promise<void> {
    return this.connect();
  }

  /** Tries again now (the drafter asked, or the network came back), whatever the pause still to run. */
  reconnectNow(): Promise<void> {
    if (this.stateNow.kind === 'connected' || this.disposed) return Promise.resolve();
    this.failures = 0;
    return this.connect();
  }

  /**
   * Asks the server, within the timeout. Unanswered at once while the server is unavailable; a failure of the server
   * makes it unavailable (and schedules the next attempt), a timeout makes it slow or unavailable. A cancelled
   * question rejects as cancelled.
   */
  async ask<T>(
    what: string,
    question: (corpus: DatabaseCorpus, signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<ServerAnswer<T>> {
    const corpus = this.corpus;
    if (!corpus || this.stateNow.kind !== 'connected') return { answered: false, reason: this.shortfall ?? 'the server is away' };
    try {
      const value = await this.bounded(what, (bound) => question(corpus, bound), signal);
      if (this.corpus === corpus && this.stateNow.kind === 'connected' && this.stateNow.slow)
        this.setState({ ...this.stateNow, slow: null });
      return { answered: true, value };
    } catch (error) {
      if (signal?.aborted) throw new CancelledError();
      if (isCancelled(error)) throw error;
      const failure = error instanceof Error ? error : new Error(String(error));
      if (this.corpus === corpus) {
        if (failure instanceof ServerTimeoutError) this.slowOrGone(corpus, failure);
        else if (failure instanceof DatabaseUnavailableError) this.fail(failure);
        else this.options.onError?.(what, failure);
      }
      return { answered: false, reason: failure.message };
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeat);
    void this.corpus?.close().catch(() => undefined);
    this.corpus = null;
  }

  /** Why the server does not answer now (away, or still connecting), or null when it does. */
  get shortfall(): string | null {
    const state = this.stateNow;
    return state.kind === 'connected' ? state.slow : state.kind === 'connecting' ? 'the server is still connecting' : state.reason;
  }

  /** The question, abandoned (its signal aborted) when it takes longer than the timeout or its asker cancels. */
  private async bounded<T>(what: string, question: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const controller = new AbortController();
    const abort = () => controller.abort();
    signal?.addEventListener('abort', abort, { once: true });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new ServerTimeoutError(`the server did not answer ${what} within ${formatSeconds(this.timeoutMs)}`));
      }, this.timeoutMs);
    });
    try {
      return await Promise.race([question(controller.signal), timedOut]);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  }

  /**
   * A question timed out: the server is slow while it still answers a ping in time (said once, until a question is
   * answered in time again), unavailable when it does not.
   */
  private slowOrGone(corpus: DatabaseCorpus, timeout: ServerTimeoutError): void {
    if (this.stateNow.kind === 'connected' && !this.stateNow.slow) this.setState({ ...this.stateNow, slow: timeout.message });
    void this.bounded('a ping', (signal) => corpus.ping({ signal })).catch((error: unknown) => {
      if (this.corpus === corpus) this.fail(error instanceof Error ? error : new Error(String(error)));
    });
  }

  private async connect(): Promise<void> {
    clearTimeout(this.retryTimer);
    const attempt = ++this.attempt;
    if (this.stateNow.kind !== 'connecting') this.setState({ kind: 'connecting' });
    let opened: DatabaseCorpus;
    try {
      opened = await this.options.open();
    } catch (error) {
      if (attempt === this.attempt && !this.disposed) this.fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (attempt !== this.attempt || this.disposed) {
      await opened.close().catch(() => undefined);
      return;
    }
    this.corpus = opened;
    this.failures = 0;
    const { report, collections } = opened;
    this.setState({ kind: 'connected', documents: report.documents, passages: report.passages, collections, slow: null });
    this.beat(opened);
  }

  /** While connected, a cheap question now and then: a server that went away shows as such before anyone asks. */
  private beat(corpus: DatabaseCorpus): void {
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      if (this.corpus !== corpus) return clearInterval(this.heartbeat);
      void this.ask('the heartbeat', (c, signal) => c.ping({ signal }));
    }, this.options.heartbeatMs ?? HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private fail(error: Error): void {
    const reason = error.message;
    const why = error instanceof DatabaseUnavailableError ? error.reason : reason;
    clearInterval(this.heartbeat);
    const closing = this.corpus;
    this.corpus = null;
    void closing?.close().catch(() => undefined);
    const pauses = this.options.retryPausesMs ?? RETRY_PAUSES_MS;
    const retryInMs = pauses[Math.min(this.failures, pauses.length - 1)];
    this.failures++;
    this.setState({ kind: 'unavailable', reason, why, retryInMs });
    this.retryTimer = setTimeout(() => void this.connect(), retryInMs);
    this.retryTimer.unref();
  }

  private setState(state: ServerState): void {
    this.stateNow = state;
    this.options.onState(state);
  }
}

export class ServerTimeoutError extends Error {}

/** "3 s", "1.5 s": a bound as a message gives it. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
