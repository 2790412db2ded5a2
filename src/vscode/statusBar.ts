/**
 * "Precedent: N documents" in the status bar, or indexing, or a warning when a corpus folder the user named gave
 * nothing, or the error; with a team server, its state beside it ("· server: N documents", "· server unreachable");
 * the tooltip lists each corpus folder with its documents and skipped files, and the server; a click opens the log.
 */
import * as vscode from 'vscode';
import type { FolderSummary } from '../core/corpus/folders';
import type { ServerState } from '../core/db/serverLink';
import { escapeMarkdown as escape } from './markdown';

/** The team server as the status names it: which server, and its state. */
export interface ServerStatus {
  /** "the PostgreSQL server at db.example.org:5432 (database precedent, role drafter)". */
  server: string;
  state: ServerState;
}

/** A corpus folder as the status names it: workspace-relative, or "bundled corpus". */
export interface LabelledFolder extends FolderSummary {
  label: string;
}

export class CorpusStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('precedent.status', vscode.StatusBarAlignment.Right, 100);
  /** What the local corpus part says, kept so that a change of the server's state redraws the item. */
  private local: { text: string; tooltip: string | vscode.MarkdownString; background: vscode.ThemeColor | undefined } = {
    text: '',
    tooltip: '',
    background: undefined,
  };
  private serverStatus: ServerStatus | null = null;

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
    this.show('$(sync~spin) Precedent: indexing…', 'Precedent is reading the corpus');
  }

  /** The corpus is loaded; `problems` are the named folders that gave nothing, which turn the item into a warning. */
  ready(documents: number, passages: number, folders: LabelledFolder[], problems: string[]): void {
    const count = `${documents} document${documents === 1 ? '' : 's'}`;
    const tooltip = new vscode.MarkdownString(`**Precedent** — ${count}, ${passages} passages in local folders\n\n`);
    for (const problem of problems) tooltip.appendMarkdown(`$(warning) ${escape(problem)}\n\n`);
    for (const folder of folders) tooltip.appendMarkdown(`- ${escape(folder.label)}: ${folderLine(folder)}\n`);
    tooltip.supportThemeIcons = true;
    this.show(
      problems.length > 0 ? `$(warning) Precedent: ${count} — check the corpus folders` : `$(book) Precedent: ${count}`,
      tooltip,
      problems.length > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined,
    );
  }

  /** The team server's state (null: no server is set, or the workspace is untrusted). */
  server(status: ServerStatus | null): void {
    this.serverStatus = status;
    this.render();
  }

  /** The index's worker stopped (why) and is being restarted: questions wait for it. */
  restarting(reason: string): void {
    this.show(
      '$(sync~spin) Precedent: restarting the index…',
      `The index stopped (${reason}) and is restarting`,
      new vscode.ThemeColor('statusBarItem.warningBackground'),
    );
  }

  failed(message: string): void {
    this.show('$(error) Precedent: corpus not loaded', message, new vscode.ThemeColor('statusBarItem.errorBackground'));
  }

  private show(text: string, tooltip: string | vscode.MarkdownString, background?: vscode.ThemeColor): void {
    this.local = { text, tooltip, background };
    this.render();
  }

  /** The local part, then the server's: its state in the text, what it is and why in the tooltip. */
  private render(): void {
    const { text, tooltip, background } = this.local;
    const server = this.serverStatus;
    if (!server) {
      this.item.text = text;
      this.item.tooltip = appendClickHint(tooltip);
      this.item.backgroundColor = background;
      return;
    }
    const { state } = server;
    this.item.text = `${text} · ${serverText(state)}`;
    const combined = new vscode.MarkdownString();
    combined.supportThemeIcons = true;
    const local = typeof tooltip === 'string' ? escape(tooltip) : tooltip.value;
    const remote = `**Team server** — ${escape(server.server)}\n\n${serverLine(state)}`;
    // The point first: a server that is away or slow leads the tooltip.
    const troubled = state.kind === 'unavailable' || (state.kind === 'connected' && state.slow !== null);
    combined.appendMarkdown(troubled ? `${remote}\n\n---\n\n${local}` : `${local}\n\n---\n\n${remote}`);
    this.item.tooltip = appendClickHint(combined);
    this.item.backgroundColor = background ?? (troubled ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined);
  }

  dispose(): void {
    this.item.dispose();
  }
}

function appendClickHint(tooltip: string | vscode.MarkdownString): string | vscode.MarkdownString {
  if (typeof tooltip === 'string') return tooltip;
  const hinted = new vscode.MarkdownString(`${tooltip.value}\n\nClick for the log (each skipped file and why, the server's errors).`);
  hinted.supportThemeIcons = true;
  return hinted;
}

function serverText(state: ServerState): string {
  switch (state.kind) {
    case 'connecting':
      return '$(sync~spin) server connecting…';
    case 'connected':
      return state.slow ? '$(watch) server slow' : `$(database) server: ${state.documents} document${state.documents === 1 ? '' : 's'}`;
    case 'unavailable':
      return '$(debug-disconnect) server unreachable';
  }
}

function serverLine(state: ServerState): string {
  switch (state.kind) {
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return (
        (state.slow
          ? `$(watch) **Slow:** ${escape(state.slow)}. Until it answers in time again, results are the local folders' only.\n\n`
          : '') +
        `$(database) ${state.documents} document${state.documents === 1 ? '' : 's'}, ${state.passages} passages in ` +
        (state.collections.length > 0 ? state.collections.map((name) => `\`${name}\``).join(', ') : 'no collection this role may read')
      );
    case 'unavailable':
      return (
        `$(debug-disconnect) **Unavailable:** ${escape(state.why)}\n\n` +
        `Searches, hovers and checks use the local folders only. Trying again in ${Math.round(state.retryInMs / 1000)} s ` +
        '(or run **Precedent: Reconnect to Server**).'
      );
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
