/** "Precedent: N documents" in the status bar, or indexing progress, or the error; a click opens the log. */
import * as vscode from 'vscode';

export class CorpusStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('precedent.status', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'Precedent';
    this.item.command = 'precedent.showLog';
    this.indexing();
    this.item.show();
  }

  indexing(): void {
    this.item.text = '$(sync~spin) Precedent: indexing…';
    this.item.tooltip = 'Precedent is reading the corpus';
    this.item.backgroundColor = undefined;
  }

  ready(documents: number, passages: number, skipped: number): void {
    this.item.text = `$(book) Precedent: ${documents} documents`;
    this.item.tooltip = `${passages} passages indexed${skipped ? `; ${skipped} files skipped (see the log)` : ''}`;
    this.item.backgroundColor = undefined;
  }

  failed(message: string): void {
    this.item.text = '$(error) Precedent: corpus not loaded';
    this.item.tooltip = message;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  dispose(): void {
    this.item.dispose();
  }
}
