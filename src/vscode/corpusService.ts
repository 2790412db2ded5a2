/**
 * Keeps the corpus loaded for the editor: loads it in the background with progress, reloads it when its files or
 * the settings change (the cache makes that re-read only what changed), and tells the features when it is ready.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { CorpusQueries } from '../core/service';
import type { PrecedentWorkspace } from '../core/workspace';
import { buildCacheInWorker } from './buildCacheInWorker';
import { core } from './loadCore';
import { type CorpusStatusBar } from './statusBar';
import { readSettings, resolveInWorkspace } from './settings';

const RELOAD_DELAY_MS = 500;

export class CorpusService implements vscode.Disposable {
  private corpus: CorpusQueries | null = null;
  private generation = 0;
  private watchers: vscode.FileSystemWatcher[] = [];
  private reloadTimer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<CorpusQueries>();
  /** Fires each time a (re)loaded corpus is ready. */
  readonly onDidLoad = this.changed.event;
  private roots: string[] = [];
  private ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly status: CorpusStatusBar,
  ) {}

  /** The corpus as the features ask it, once loaded. */
  get current(): CorpusQueries | null {
    return this.corpus;
  }

  /** Resolves once the load under way (if any) has finished. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** The corpus folders: the settings' paths (in a trusted workspace) and the bundled corpus. */
  corpusRoots(): string[] {
    const settings = readSettings();
    const roots = vscode.workspace.isTrusted ? settings.corpusPaths.map(resolveInWorkspace) : [];
    if (settings.includeBundled || roots.length === 0) roots.push(this.bundledCorpus());
    return [...new Set(roots)];
  }

  isCorpusFile(uri: vscode.Uri): boolean {
    return uri.scheme === 'file' && this.roots.some((root) => isInside(uri.fsPath, root));
  }

  get cacheDir(): string {
    return path.join(this.context.globalStorageUri.fsPath, 'index-cache');
  }

  /** The first load, once activate() has returned: activating pays neither for the core nor for the corpus. */
  loadAfterActivation(): void {
    this.ready = new Promise((resolve) => setImmediate(() => resolve(this.reload('start-up'))));
  }

  reload(reason: string): Promise<void> {
    const generation = ++this.generation;
    this.roots = this.corpusRoots();
    this.watch(this.roots);
    this.status.indexing();
    this.log.info(`Indexing (${reason}): ${this.roots.join(', ')}`);
    this.ready = Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Precedent: indexing the corpus', cancellable: true },
        async (_progress, token) => {
          try {
            const { PrecedentWorkspace } = core();
            const options = { roots: await existingRoots(this.roots, this.log), cacheDir: this.cacheDir };
            let loaded = await PrecedentWorkspace.load({ ...options, snapshotOnly: true });
            if (!loaded) {
              // Something changed: a worker reads what changed and rebuilds the cache, off this thread.
              await buildCacheInWorker(path.join(this.context.extensionPath, 'dist', 'cacheWorker.js'), options).catch((error: Error) =>
                this.log.warn(`Indexing on a worker thread failed (${error.message}); indexing here instead`),
              );
              loaded = await PrecedentWorkspace.load(options);
            }
            if (token.isCancellationRequested || generation !== this.generation) {
              this.log.info('Indexing cancelled or superseded; keeping the previous index');
              return;
            }
            this.accept(loaded);
            loaded.saved.catch((error: Error) => this.log.warn(`The index cache could not be written: ${error.message}`));
          } catch (error) {
            const message = (error as Error).message;
            this.log.error(`Indexing failed: ${message}`);
            this.status.failed(message);
          }
        },
      ),
    );
    return this.ready;
  }

  scheduleReload(reason: string): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(reason), RELOAD_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    for (const watcher of this.watchers) watcher.dispose();
    this.changed.dispose();
  }

  private accept(loaded: PrecedentWorkspace): void {
    const { report } = loaded;
    this.corpus = new (core().LocalCorpus)(loaded);
    this.log.info(
      `${report.documents} documents, ${report.passages} passages in ${report.ms} ms` +
        (report.fromSnapshot ? ' (from cache)' : ` (${report.ingested} files read)`),
    );
    for (const skipped of report.skipped) this.log.warn(`Skipped ${skipped.file}: ${skipped.reason}`);
    for (const warning of report.warnings) this.log.warn(`${warning.file}: ${warning.reason}`);
    if (report.documents === 0)
      this.log.warn(`No documents to index in ${this.roots.join(', ')} (Precedent reads .txt, .md, Word and PDF files)`);
    this.status.ready(report.documents, report.passages, report.skipped.length);
    this.changed.fire(this.corpus);
  }

  private watch(roots: string[]): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = roots.map((root) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(root), core().CORPUS_FILE_GLOB));
      const onChange = (uri: vscode.Uri) => this.scheduleReload(`${path.basename(uri.fsPath)} changed`);
      watcher.onDidChange(onChange);
      watcher.onDidCreate(onChange);
      watcher.onDidDelete(onChange);
      return watcher;
    });
  }

  private bundledCorpus(): string {
    return path.join(this.context.extensionPath, 'corpus');
  }
}

/** Corpus folders that exist; a missing one is logged and left out rather than failing the whole load. */
async function existingRoots(roots: string[], log: vscode.LogOutputChannel): Promise<string[]> {
  const found: string[] = [];
  for (const root of roots) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.file(root));
      found.push(root);
    } catch {
      log.warn(`Corpus folder ${root} does not exist; check the setting precedent.corpus.paths`);
    }
  }
  return found;
}

export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
