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
  | { kind: 'peer'; label: string; peer: PeerName; sentencesDir: string; jobs: QueryJob[] };

export interface ColdResult {
  /** Until the workspace can be searched. */
  buildMs: number;
  /** Until the cache is written too. */
  savedMs: number;
  saveError: string | null;
  memory: Memory;
  documents: number;
  passages: number;
  skipped: number;
}

export interface WarmResult {
  loadMs: number;
  memory: Memory;
  fromSnapshot: boolean;
  outcomes: QueryOutcome[];
}

export interface PeerResult {
  buildMs: number;
  memory: Memory;
  outcomes: QueryOutcome[];
}

export interface WorkerResults {
  'precedent-cold': ColdResult;
  'precedent-warm': WarmResult;
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
  return script;
}

/**
 * Runs the task in a fresh node process running `script` (this benchmark, see `privateCopyOfScript`) with the same
 * flags, so --expose-gc holds, and reads back its result.
 */
export async function runInWorker<K extends WorkerTask['kind']>(
  task: Extract<WorkerTask, { kind: K }>,
  taskFile: string,
  script: string,
): Promise<WorkerOutcome<WorkerResults[K]>> {
  const resultFile = `${taskFile}.result.json`;
  await fs.writeFile(taskFile, JSON.stringify(task));
  await fs.rm(resultFile, { force: true });
  const args = [...process.execArgv, script, WORKER_FLAG, taskFile, resultFile];
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const written = await fs.readFile(resultFile, 'utf8').catch(() => null);
  // A worker that crashed (out of memory) leaves no result file.
  if (written === null) return { ok: false, error: `worker ended with ${exit.signal ?? `exit code ${exit.code}`}` };
  return JSON.parse(written) as WorkerOutcome<WorkerResults[K]>;
}
