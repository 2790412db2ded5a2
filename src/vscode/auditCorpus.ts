/** Audit Corpus: the checks over the corpus files, in their own collection, until run again or cleared. */
import * as vscode from 'vscode';
import type { ResolutionRegistry } from '../core/citations/registry';
import { checkConfigFor } from './checkConfig';
import { toDiagnostic } from './convert';
import type { CorpusService } from './corpusService';
import { openSourceDocument } from './sourceDocuments';

export class CorpusAudit implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('precedent-audit');

  constructor(
    private readonly corpus: CorpusService,
    private readonly registry: () => Promise<ResolutionRegistry>,
  ) {}

  async run(): Promise<number> {
    await this.corpus.whenReady();
    const workspace = this.corpus.current;
    if (!workspace) return 0;
    const registry = await this.registry();
    await workspace.prepareFacts();
    this.collection.clear();
    let count = 0;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Precedent: auditing the corpus' },
      async () => {
        for (const { file } of workspace.documents) {
          const document = await openSourceDocument(file);
          const config = await checkConfigFor(vscode.Uri.file(file));
          const findings = workspace.check(document.getText(), file, { registry, config });
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
