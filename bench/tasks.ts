/**
 * Each engine is measured in a process of its own, so one engine's memory (or the benchmark's) never counts
 * against another, and a crash (out of memory at ×100) costs one row, not the run. Tasks and results travel
 * as JSON files.
 */
import { spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Memory, QueryJob, QueryOutcome } from './measure';

export type { QueryJob } from './measure';
import type { PeerName } from './peers';

export type WorkerTask =
  | { kind: 'precedent-cold'; label: string; corpusDir: string; cacheDir: string; sentencesDir: string }
  | { kind: 'precedent-warm'; label: string; corpusDir: string; cacheDir: string; jobs: QueryJob[] }
  | { kind: 'precedent-update'; label: string; corpusDir: string; cacheDir: string }
  | { kind: 'peer'; label: string; peer: PeerName; sentencesDir: string; jobs: QueryJob[] };

export interface ColdResult {
  /** Until the workspace can be searched. */
  buildMs: number;
  /** Until the cache is written too. */
  savedMs: number;
  saveError: string | null;
  memory: Memory;
  /** The process's peak resident set while building and writing the cache. */
  peakRssMb: number;
  documents: number;
  passages: number;
  skipped: number;
}

export interface WarmResult {
  loadMs: number;
  memory: Memory;
  fromSnapshot: boolean;
  outcomes: QueryOutcome[];
  /** The first check of a 2,000-word draft after opening, through the seam (facts and acronyms included). */
  firstCheckMs: number;
  /** Once queried and checked: what the open corpus holds in use. */
  usedMemory: Memory;
  peakRssMb: number;
}

export interface UpdateResult {
  /** From a changed file on disk until the corpus is searchable again with the change. */
  ms: number;
  /** Whether a search then finds the changed passage. */
  found: boolean;
  ingested: number;
  fromSnapshot: boolean;
}

export interface PeerResult {
  buildMs: number;
  memory: Memory;
  outcomes: QueryOutcome[];
}

export interface WorkerResults {
  'precedent-cold': ColdResult;
  'precedent-warm': WarmResult;
  'precedent-update': UpdateResult;
  peer: PeerResult;
}

export type WorkerOutcome<T> = { ok: true; result: T } | { ok: false; error: string };

export const WORKER_FLAG = '--worker';

/**
 * A copy of the running benchmark (argv[1], the bundle) in `dir`, for the workers: a rebuild of dist/ during a
 * long run must not give later workers other code than the earlier ones.
 */
export async function privateCopyOfScript(dir: string): Promise<string> {
  const script = path.join(dir, path.basename(process.argv[1]));
  await fs.copyFile(process.argv[1], script);
  // The index's worker thread, which the bundles look for beside themselves.
  await fs.copyFile(path.join(path.dirname(process.argv[1]), INDEX_WORKER), path.join(dir, INDEX_WORKER));
  return script;
}

const INDEX_WORKER = 'indexWorker.js';

/**
 * Runs the task in a fresh node process running `script` (this benchmark, see `privateCopyOfScript`) with the same
 * flags, so --expose-gc holds, and reads back its result. A worker still running at `deadline` (the run's time
 * budget, from performance.now()) is stopped.
 */
export async function runInWorker<K extends WorkerTask['kind']>(
  task: Extract<WorkerTask, { kind: K }>,
  taskFile: string,
  script: string,
  deadline = Infinity,
): Promise<WorkerOutcome<WorkerResults[K]>> {
  if (performance.now() >= deadline) return { ok: false, error: 'not run: the time budget was spent' };
  const resultFile = `${taskFile}.result.json`;
  await fs.writeFile(taskFile, JSON.stringify(task));
  await fs.rm(resultFile, { force: true });
  const args = [...process.execArgv, script, WORKER_FLAG, taskFile, resultFile];
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    const stop = Number.isFinite(deadline) ? setTimeout(() => child.kill('SIGKILL'), deadline - performance.now()) : null;
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (stop) clearTimeout(stop);
      resolve({ code, signal });
    });
  });
  if (performance.now() >= deadline) return { ok: false, error: 'stopped: the time budget was spent' };
  const written = await fs.readFile(resultFile, 'utf8').catch(() => null);
  // A worker that crashed (out of memory) leaves no result file.
  if (written === null) return { ok: false, error: `worker ended with ${exit.signal ?? `exit code ${exit.code}`}` };
  return JSON.parse(written) as WorkerOutcome<WorkerResults[K]>;
}
