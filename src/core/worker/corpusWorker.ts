/**
 * The index's own thread: loads the corpus (from its cache when nothing changed, writing the cache otherwise) and
 * answers `WorkerCorpus`'s questions by message, so that no search, completion or check runs on the editor's thread.
 */
import { type MessagePort, parentPort, workerData } from 'worker_threads';
import { ResolutionRegistry, type RegistryEntry } from '../citations/registry';
import type { CheckConfig } from '../checks/config';
import { isCancelled, LocalCorpus } from '../service';
import { PrecedentWorkspace, type WorkspaceOptions } from '../workspace';
import type { FromWorker, ToWorker, WorkerMethod } from './protocol';

/** How `check`'s options cross to the thread: the registry as its own entries (a class instance would not). */
export interface PlainCheckOptions {
  registryEntries: ReadonlyMap<number, RegistryEntry>;
  config: CheckConfig;
}

function workerPort(): MessagePort {
  if (!parentPort) throw new Error('corpusWorker runs on a worker thread');
  return parentPort;
}
const port = workerPort();
const post = (message: FromWorker) => port.postMessage(message);

const asked = new Map<number, AbortController>();

function ask(corpus: LocalCorpus, method: WorkerMethod, args: unknown[], signal: AbortSignal): Promise<unknown> {
  const last = args.length - 1;
  if (method === 'check') {
    const [text, file, options] = args as [string, string, PlainCheckOptions];
    return corpus.check(text, file, { registry: new ResolutionRegistry(options.registryEntries), config: options.config, signal });
  }
  // Every other question's last argument is its options (WorkerCorpus always sends them), given the thread's own signal.
  const withSignal = [...args.slice(0, last), { ...(args[last] as object | undefined), signal }];
  return (corpus[method] as (...parameters: unknown[]) => Promise<unknown>).apply(corpus, withSignal);
}

async function serve(options: WorkspaceOptions): Promise<void> {
  let workspace: PrecedentWorkspace;
  try {
    workspace = await PrecedentWorkspace.load(options);
  } catch (error) {
    post({ type: 'load-failed', error: (error as Error).message });
    return;
  }
  const corpus = new LocalCorpus(workspace);
  port.on('message', (message: ToWorker) => {
    if (message.type === 'crash') process.exit(1);
    if (message.type === 'cancel') return asked.get(message.id)?.abort();
    const controller = new AbortController();
    asked.set(message.id, controller);
    ask(corpus, message.method, message.args, controller.signal)
      .then(
        (result) => post({ type: 'answer', id: message.id, result }),
        (error: unknown) =>
          post({ type: 'failed', id: message.id, error: String((error as Error).message), cancelled: isCancelled(error) }),
      )
      .finally(() => asked.delete(message.id));
  });
  post({ type: 'loaded', report: workspace.report });
  workspace.saved.then(
    () => post({ type: 'saved', error: null }),
    (error: Error) => post({ type: 'saved', error: error.message }),
  );
}

void serve(workerData as WorkspaceOptions);
