/** Audit Corpus: the checks over the corpus files, in their own collection, until run again or cleared. */
import * as vscode from 'vscode';
import type { ResolutionRegistry } from '../core/citations/registry';
import { asSignal, unlessCancelled } from './cancellation';
import { checkConfigFor } from './checkConfig';
import { toDiagnostic } from './convert';
import type { CorpusService } from './corpusService';
import { openSourceDocument } from './sourceDocuments';

export class CorpusAudit implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('precedent-audit');

  constructor(
    private readonly corpus: CorpusService,
    private readonly registry: () => Promise<ResolutionRegistry>,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async run(): Promise<number> {
    await this.corpus.whenReady();
    const queries = this.corpus.current;
    if (!queries) return 0;
    const registry = await this.registry();
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
            ...asSignal(token),
          }),
          [],
        );
        for (const { file, findings } of checked) {
          const document = await openSourceDocument(file);
          this.collection.set(
            document.uri,
            findings.map((finding) => toDiagnostic(document, finding)),
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

  dispose(): void {
    this.collection.dispose();
  }
}
