/**
 * Builds the corpus's cache on a worker thread, so that reading and indexing a changed corpus never stalls the
 * extension host; the editor then opens the corpus from that cache, which takes a few milliseconds of its time.
 */
import { parentPort, workerData } from 'worker_threads';
import { PrecedentWorkspace, type IndexReport, type WorkspaceOptions } from '../core/workspace';

export interface CacheWorkerResult {
  error: string | null;
  /** How the worker read the corpus: the files it read and its own time, which the editor's log reports. */
  report: IndexReport | null;
}

async function build(options: WorkspaceOptions): Promise<CacheWorkerResult> {
  try {
    const workspace = await PrecedentWorkspace.load(options);
    await workspace.saved;
    return { error: null, report: workspace.report };
  } catch (error) {
    return { error: (error as Error).message, report: null };
  }
}

void build(workerData as WorkspaceOptions).then((result) => parentPort?.postMessage(result));
