/** Runs dist/cacheWorker.js: the corpus is read and indexed on a worker thread, which writes the cache. */
import { Worker } from 'worker_threads';
import type { IndexReport, WorkspaceOptions } from '../core/workspace';
import type { CacheWorkerResult } from './cacheWorker';

/** Resolves with the worker's own report of the corpus it read. */
export function buildCacheInWorker(workerScript: string, options: WorkspaceOptions): Promise<IndexReport | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript, { workerData: options });
    worker.once('message', ({ error, report }: CacheWorkerResult) => (error ? reject(new Error(error)) : resolve(report)));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the indexing worker stopped with code ${code}`)));
  });
}
