/**
 * Keeps the corpus loaded for the editor: loads it in the background with progress, reloads it when its files or
 * the settings change (the cache makes that re-read only what changed), and tells the features when it is ready.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { ServerLink } from '../core/db/serverLink';
import type { MergedCorpus } from '../core/mergedCorpus';
import type { CorpusQueries } from '../core/service';
import type { WorkerCorpus } from '../core/worker/workerCorpus';
import type { IndexReport } from '../core/workspace';
import { ADD_CORPUS_FOLDER_COMMAND, CHOOSE_FOLDER } from './addCorpusFolder';
import { core } from './loadCore';
import type { CorpusStatusBar, LabelledFolder } from './statusBar';
import { readSettings, resolveInWorkspace } from './settings';

const RELOAD_DELAY_MS = 500;

export class CorpusService implements vscode.Disposable {
  private corpus: WorkerCorpus | null = null;
  /** The local index and the team server together, when a server is set. */
  private merged: MergedCorpus | null = null;
  private server: ServerLink | null = null;
  private generation = 0;
  private watchers: vscode.FileSystemWatcher[] = [];
  private reloadTimer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<CorpusQueries>();
  /** Fires each time a (re)loaded corpus is ready. */
  readonly onDidLoad = this.changed.event;
  private roots: string[] = [];
  private ready: Promise<void> = Promise.resolve();
  private readonly notified = new Set<string>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly status: CorpusStatusBar,
  ) {}

  /** The corpus as the features ask it, once loaded: the local folders, and the team server's collections if set. */
  get current(): CorpusQueries | null {
    return this.merged ?? this.corpus;
  }

  /**
   * Why answers now lack the team server's part ("cannot use the PostgreSQL server at …: connection refused"), or
   * null when they do not (no server is set, or it answers): the surfaces mark their results incomplete with it.
   */
  get serverShortfall(): string | null {
    return this.merged?.shortfall ?? null;
  }

  /** A server document's text (a `precedent-db:` reference), asked of the server within its timeout. */
  serverDocumentText(reference: string): Promise<string> {
    if (!this.merged) return Promise.reject(new Error(`${reference} cannot be shown: no team server is set (precedent.server.url)`));
    return this.merged.documentText(reference);
  }

  /** Where a passage comes from, as results name it: the server's collection, or the local corpus folder. */
  originOf(file: string): string {
    const collection = core().serverCollectionOf(file);
    if (collection !== null) return `server: ${collection}`;
    const root = this.roots.find((folder) => core().isInside(file, folder));
    return root ? this.folderLabel(root) : 'local';
  }

  /** Puts the team server (or none) beside the local index; the features then ask both. */
  useServer(link: ServerLink | null): void {
    this.server = link;
    this.merged = this.corpus && link ? new (core().MergedCorpus)(this.corpus, link) : null;
    if (this.corpus) this.changed.fire(this.current ?? this.corpus);
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
    return uri.scheme === 'file' && this.roots.some((root) => core().isInside(uri.fsPath, root));
  }

  private get workerScript(): string {
    return path.join(this.context.extensionPath, 'dist', 'corpusWorker.js');
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
    const started = performance.now();
    this.roots = this.corpusRoots();
    this.watch(this.roots);
    this.status.indexing();
    this.log.info(`Indexing (${reason}): ${this.roots.join(', ')}`);
    this.ready = Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Precedent: indexing the corpus', cancellable: true },
        async (_progress, token) => {
          try {
            const missing = await missingRoots(this.roots);
            const options = { roots: this.roots.filter((root) => !missing.includes(root)), cacheDir: this.cacheDir };
            // The index lives on a worker thread, which opens the cache (or reads what changed and rewrites it).
            const loaded = await core().WorkerCorpus.start(this.workerScript, options, {
              onSaved: (error) => error && this.log.warn(`The index cache could not be written: ${error}`),
              onRestart: (reason) => {
                this.log.error(`The index worker stopped (${reason}); restarting it`);
                this.status.restarting(reason);
              },
              onRestarted: () => {
                this.log.info('The index worker restarted');
                if (this.corpus === loaded) void this.showStatus(loaded, missing);
              },
              onError: (reason) => {
                this.log.error(`The index worker stopped (${reason}) and could not be restarted; run "Precedent: Rebuild Index"`);
                this.status.failed(`The index stopped: ${reason}`);
              },
            });
            if (token.isCancellationRequested || generation !== this.generation) {
              this.log.info('Indexing cancelled or superseded; keeping the previous index');
              void loaded.dispose();
              return;
            }
            await this.accept(loaded, { missing, ms: performance.now() - started });
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
    void this.corpus?.dispose();
    for (const watcher of this.watchers) watcher.dispose();
    this.changed.dispose();
  }

  private async accept(loaded: WorkerCorpus, how: { missing: string[]; ms: number }): Promise<void> {
    const { report } = loaded;
    const previous = this.corpus;
    this.corpus = loaded;
    this.merged = this.server ? new (core().MergedCorpus)(loaded, this.server) : null;
    // A feature still asking the previous index (an audit under way) finishes on it; then it stops.
    previous?.retire();
    this.log.info(`${report.documents} documents, ${report.passages} passages in ${Math.round(how.ms)} ms (${howRead(report)})`);
    for (const root of how.missing) this.log.warn(`Corpus folder ${root} does not exist; check the setting precedent.corpus.paths`);
    for (const skipped of report.skipped) this.log.warn(`Skipped ${skipped.file}: ${skipped.reason}`);
    for (const warning of report.warnings) this.log.warn(`${warning.file}: ${warning.reason}`);
    if (report.documents === 0)
      this.log.warn(`No documents to index in ${this.roots.join(', ')} (Precedent reads .txt, .md, Word and PDF files)`);
    await this.showStatus(loaded, how.missing);
    this.changed.fire(this.current ?? loaded);
  }

  /** The status bar's count and folders, and a notice for each folder the user named that gave nothing. */
  private async showStatus(loaded: WorkerCorpus, missing: string[]): Promise<void> {
    const { report } = loaded;
    const folders = core()
      .summarizeFolders(this.roots, missing, await loaded.documentFiles(), report.skipped)
      .map((folder) => ({ ...folder, label: this.folderLabel(folder.folder) }));
    const problems = this.namedFolderProblems(folders);
    this.status.ready(
      report.documents,
      report.passages,
      folders,
      problems.map(({ message }) => message),
    );
    for (const problem of problems) this.notify(problem);
  }

  /**
   * The folders the user named in settings that gave nothing: missing, or without a readable document. The default
   * "corpus" folder is not named by the user, so a workspace that simply has no corpus yet is not nagged.
   */
  private namedFolderProblems(folders: LabelledFolder[]): Array<{ folder: string; message: string }> {
    if (!readSettings().corpusPathsNamed || !vscode.workspace.isTrusted) return [];
    return folders
      .filter(({ folder }) => folder !== this.bundledCorpus())
      .filter((folder) => folder.missing || folder.documents === 0)
      .map(({ folder, label, missing, skipped }) => ({
        folder,
        message: missing
          ? `The corpus folder ${label} does not exist.`
          : `The corpus folder ${label} holds nothing Precedent can read` +
            (skipped.length > 0
              ? ` (${skipped.length} file${skipped.length === 1 ? '' : 's'} skipped, see the log).`
              : ' (.txt, .md, Word or PDF).'),
      }));
  }

  /** Once per folder and problem in a session: the status bar keeps saying it. */
  private notify(problem: { folder: string; message: string }): void {
    if (this.notified.has(problem.message)) return;
    this.notified.add(problem.message);
    void vscode.window.showWarningMessage(`Precedent: ${problem.message}`, CHOOSE_FOLDER, 'Show Log').then((choice) => {
      if (choice === CHOOSE_FOLDER) void vscode.commands.executeCommand(ADD_CORPUS_FOLDER_COMMAND, { replacing: problem.folder });
      if (choice === 'Show Log') this.log.show();
    });
  }

  private folderLabel(folder: string): string {
    if (folder === this.bundledCorpus()) return 'bundled corpus';
    return vscode.workspace.asRelativePath(folder, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
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

  /** The installed extension, whose packaged files (the bundled corpus, the checks' pages) the features link to. */
  get extensionUri(): vscode.Uri {
    return this.context.extensionUri;
  }

  bundledCorpus(): string {
    return path.join(this.context.extensionPath, 'corpus');
  }
}

/** Corpus folders that do not exist: left out of the load (and reported) rather than failing it. */
async function missingRoots(roots: string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const root of roots) {
    await vscode.workspace.fs.stat(vscode.Uri.file(root)).then(undefined, () => missing.push(root));
  }
  return missing;
}

/** How the index's worker thread came to have the corpus, with the time it took. */
function howRead(report: IndexReport): string {
  const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  const how = report.fromSnapshot ? `opened from the cache in ${report.ms} ms` : `${files(report.ingested)} read in ${report.ms} ms`;
  return `${how} on a worker thread`;
}
