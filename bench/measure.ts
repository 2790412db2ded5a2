/** Timing, memory and recall: what every engine is measured by, the same way. */
import { monitorEventLoopDelay } from 'perf_hooks';
import type { Query, QueryKind } from './queries';

/** A query with its right answers named as Precedent names passages. */
export interface QueryJob {
  /** Place in the corpus's query list. */
  index: number;
  query: Query;
  answerPassages: Array<{ file: string; passage: number }>;
}

export interface Memory {
  rssMb: number;
  /** V8's heap in use. */
  heapUsedMb: number;
  /** Typed arrays' buffers, which live outside the V8 heap (Precedent keeps its index in them). */
  arrayBuffersMb: number;
}

/** What one query did: its time and where the first right answer came, if in the top `RESULT_LIMIT`. */
export interface QueryOutcome {
  /** Index into the corpus's query list. */
  query: number;
  kind: QueryKind;
  ms: number;
  rank: number | null;
}

export interface Summary {
  queries: number;
  p50: number;
  p95: number;
  recallAt1: number;
  recallAt5: number;
}

export const RESULT_LIMIT = 5;
/** Warm-up: up to this many queries, for at most this long (plain Fuse.js at ×10 takes ~25 s a query). */
const WARM_UP_QUERIES = 10;
const WARM_UP_MS = 2000;
const PROGRESS_EVERY_MS = 10_000;
const REPEATS = 3;
/** Slower queries run once: plain Fuse.js takes seconds a query. */
const REPEAT_BELOW_MS = 200;

/** Memory once garbage is collected (run node with --expose-gc), so it counts what is kept, not what is left over. */
export function measureMemory(): Memory {
  global.gc?.();
  const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
  return { rssMb: rss / 2 ** 20, heapUsedMb: heapUsed / 2 ** 20, arrayBuffersMb: arrayBuffers / 2 ** 20 };
}

export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/**
 * Times each query as the median of up to `REPEATS` runs (one run when it is slow), after `WARM_UP_QUERIES`
 * untimed queries (or 2 s of them) so the engine's code is compiled (a drafter's first search of a session pays that once); the
 * median keeps a stray pause of the machine out of the figures. Results are judged outside the timed span.
 */
export function runQueries<R>(
  jobs: QueryJob[],
  search: (text: string) => R,
  rankOf: (results: R, job: QueryJob) => number | null,
  progress: (line: string) => void,
): QueryOutcome[] {
  const warmUpEnds = performance.now() + WARM_UP_MS;
  for (const job of jobs.slice(0, WARM_UP_QUERIES)) {
    search(job.query.text);
    if (performance.now() > warmUpEnds) break;
  }
  const outcomes: QueryOutcome[] = [];
  let reported = performance.now();
  jobs.forEach((job, i) => {
    const times: number[] = [];
    let results: R;
    do {
      const started = performance.now();
      results = search(job.query.text);
      times.push(performance.now() - started);
    } while (times.length < REPEATS && times[0] < REPEAT_BELOW_MS);
    outcomes.push({ query: job.index, kind: job.query.kind, ms: median(times), rank: rankOf(results, job) });
    if (performance.now() - reported > PROGRESS_EVERY_MS) {
      progress(`${i + 1}/${jobs.length} queries`);
      reported = performance.now();
    }
  });
  return outcomes;
}

/** 1-based rank of the first result that is a right answer, within the first `RESULT_LIMIT`. */
export function firstRightRank<T>(results: readonly T[], isRight: (result: T) => boolean): number | null {
  const at = results.slice(0, RESULT_LIMIT).findIndex(isRight);
  return at === -1 ? null : at + 1;
}

/** Latency and recall over the outcomes of one kind, or null when there were none. */
export function summarize(outcomes: QueryOutcome[], kind: QueryKind, only?: ReadonlySet<number>): Summary | null {
  const chosen = outcomes.filter((o) => o.kind === kind && (!only || only.has(o.query)));
  if (chosen.length === 0) return null;
  const times = chosen.map((o) => o.ms).sort((a, b) => a - b);
  const share = (hit: (rank: number) => boolean) => chosen.filter((o) => o.rank !== null && hit(o.rank)).length / chosen.length;
  return {
    queries: chosen.length,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    recallAt1: share((rank) => rank === 1),
    recallAt5: share((rank) => rank <= RESULT_LIMIT),
  };
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/** The longest single stall of the event loop while `work` runs, sampled every 10 ms. */
export async function maxStallWhile(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  await work();
  histogram.disable();
  return histogram.max / 1e6;
}
