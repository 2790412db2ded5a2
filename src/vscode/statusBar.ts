/**
 * "Precedent: N documents" in the status bar, or indexing, or a warning when a corpus folder the user named gave
 * nothing, or the error; the tooltip lists each corpus folder with its documents and skipped files; a click opens
 * the log.
 */
import * as vscode from 'vscode';
import type { FolderSummary } from '../core/corpus/folders';
import { escapeMarkdown as escape } from './markdown';

/** A corpus folder as the status names it: workspace-relative, or "bundled corpus". */
export interface LabelledFolder extends FolderSummary {
  label: string;
}

export class CorpusStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('precedent.status', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'Precedent';
    this.item.command = 'precedent.showLog';
    this.indexing();
    this.item.show();
  }

  /** What the status bar shows now (for tests and the walkthrough). */
  get text(): string {
    return this.item.text;
  }

  get tooltip(): string {
    const { tooltip } = this.item;
    return typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
  }

  indexing(): void {
    this.item.text = '$(sync~spin) Precedent: indexing…';
    this.item.tooltip = 'Precedent is reading the corpus';
    this.item.backgroundColor = undefined;
  }

  /** The corpus is loaded; `problems` are the named folders that gave nothing, which turn the item into a warning. */
  ready(documents: number, passages: number, folders: LabelledFolder[], problems: string[]): void {
    const count = `${documents} document${documents === 1 ? '' : 's'}`;
    this.item.text = problems.length > 0 ? `$(warning) Precedent: ${count} — check the corpus folders` : `$(book) Precedent: ${count}`;
    const tooltip = new vscode.MarkdownString(`**Precedent** — ${count}, ${passages} passages\n\n`);
    for (const problem of problems) tooltip.appendMarkdown(`$(warning) ${escape(problem)}\n\n`);
    for (const folder of folders) tooltip.appendMarkdown(`- ${escape(folder.label)}: ${folderLine(folder)}\n`);
    tooltip.appendMarkdown('\nClick for the log (each skipped file and why).');
    tooltip.supportThemeIcons = true;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = problems.length > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  /** The index's worker stopped (why) and is being restarted: questions wait for it. */
  restarting(reason: string): void {
    this.item.text = '$(sync~spin) Precedent: restarting the index…';
    this.item.tooltip = `The index stopped (${reason}) and is restarting`;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
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

function folderLine(folder: FolderSummary): string {
  if (folder.missing) return 'not found';
  const skipped = folder.skipped.length;
  return (
    `${folder.documents} document${folder.documents === 1 ? '' : 's'}` +
    (skipped ? `, ${skipped} file${skipped === 1 ? '' : 's'} skipped` : '')
  );
}
