/**
 * Audit Corpus: the checks over the corpus files, in their own collection, until run again or cleared. The bundled
 * corpus is left out unless `precedent.audit.includeBundled` is on; a file's findings go as soon as it changes or
 * leaves the corpus, since they no longer describe it.
 */
import * as vscode from 'vscode';
import type { ResolutionRegistry } from '../core/citations/registry';
import type { CorpusQueries } from '../core/service';
import { asSignal, unlessCancelled } from './cancellation';
import { checkConfigFor } from './checkConfig';
import { toDiagnostic } from './convert';
import type { CorpusService } from './corpusService';
import { core } from './loadCore';
import { readSettings } from './settings';
import { openSourceDocument } from './sourceDocuments';

export class CorpusAudit implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('precedent-audit');
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly corpus: CorpusService,
    private readonly registry: () => Promise<ResolutionRegistry>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
        if (contentChanges.length > 0) this.collection.delete(document.uri);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => this.collection.delete(document.uri)),
      corpus.onDidLoad((queries) => void this.forgetFilesOutsideCorpus(queries)),
    ];
  }

  async run(): Promise<number> {
    await this.corpus.whenReady();
    const queries = this.corpus.current;
    if (!queries) return 0;
    const registry = await this.registry();
    const bundled = this.corpus.bundledCorpus();
    const leaveOutBundled = !readSettings().auditIncludeBundled;
    this.collection.clear();
    let count = 0;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Precedent: auditing the corpus', cancellable: true },
      async (_progress, token) => {
        const checked = await unlessCancelled(
          queries.audit({
            registry,
            configFor: (file) => checkConfigFor(vscode.Uri.file(file)),
            onUnreadable: (file, reason) => this.log.warn(`Audit: ${file} could not be read (${reason}); left out`),
            include: (file) => !(leaveOutBundled && core().isInside(file, bundled)),
            ...asSignal(token),
          }),
          [],
        );
        for (const { file, findings } of checked) {
          const document = await openSourceDocument(file);
          this.collection.set(
            document.uri,
            findings.map((finding) => toDiagnostic(document, finding, this.corpus.extensionUri)),
          );
          count += findings.length;
        }
      },
    );
    return count;
  }

  clear(): void {
    this.collection.clear();
  }

  /** After a reload: a file no longer in the corpus (removed, or its folder taken out of the settings) loses its findings. */
  private async forgetFilesOutsideCorpus(queries: CorpusQueries): Promise<void> {
    const files = new Set(await queries.documentFiles());
    const gone: vscode.Uri[] = [];
    this.collection.forEach((uri) => {
      if (!files.has(uri.fsPath)) gone.push(uri);
    });
    for (const uri of gone) this.collection.delete(uri);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }
}
