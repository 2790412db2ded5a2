/**
 * Checks drafts on open, on change (after a pause) or on save, and publishes the findings. A generation counter
 * drops results that a newer edit has made stale, and the sentence still being typed is never flagged.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { Finding } from '../core/checks/types';
import type { ResolutionRegistry } from '../core/citations/registry';
import type { CorpusQueries } from '../core/service';
import { checkConfigFor } from './checkConfig';
import { DIAGNOSTIC_SOURCE, draftFileOf, toDiagnostic } from './convert';
import type { CorpusService } from './corpusService';
import { core } from './loadCore';
import { affectsPrecedent, readSettings } from './settings';

const TYPING_DELAY_MS = 400;
/** The code of the diagnostic that says the checks ran without the team server. */
export const SERVER_UNAVAILABLE = 'server-unavailable';
/** How a finished sentence ends: a stop, perhaps inside closing quotes or brackets. */
const FINISHED = /[.!?]["'”’)\]]*$/;

export class DraftDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('precedent');
  private readonly findings = new Map<string, Finding[]>();
  private readonly generations = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly corpus: CorpusService,
    private readonly registry: () => Promise<ResolutionRegistry>,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => void this.check(document)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (readSettings().diagnosticsRun === 'onType' && event.contentChanges.length > 0) this.checkLater(event.document);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        // A .precedent.json saved in the editor applies to the open drafts at once.
        if (path.basename(document.uri.path) === core().CONFIG_FILE) this.checkAll();
        else void this.check(document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsPrecedent(event)) this.checkAll();
      }),
      corpus.onDidLoad(() => this.checkAll()),
    );
  }

  /** The findings behind the diagnostics of a document, for the code actions. */
  findingsOf(uri: vscode.Uri): Finding[] {
    return this.findings.get(uri.toString()) ?? [];
  }

  isDraft(document: vscode.TextDocument): boolean {
    if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return false;
    if (!['markdown', 'plaintext'].includes(document.languageId) || this.corpus.isCorpusFile(document.uri)) return false;
    if (document.uri.scheme === 'untitled') return true;
    const { draftsInclude, draftsExclude } = readSettings();
    const matches = (patterns: string[]) => patterns.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
    return matches(draftsInclude) && !matches(draftsExclude);
  }

  checkAll(): void {
    for (const document of vscode.workspace.textDocuments) void this.check(document);
  }

  async check(document: vscode.TextDocument): Promise<void> {
    const queries = this.corpus.current;
    const key = document.uri.toString();
    if (!queries || !this.isDraft(document)) {
      this.forget(document.uri);
      return;
    }
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const version = document.version;
    const file = draftFileOf(document);
    const config = await checkConfigFor(document.uri);
    const registry = await this.registry();
    if (this.generations.get(key) !== generation || document.version !== version) return;
    const text = document.getText();
    const checked = await queries.check(text, file, { registry, config });
    const typing = await sentenceBeingTyped(queries, document, text, file);
    // The draft may have changed, or been checked again, while the corpus answered.
    if (this.generations.get(key) !== generation || document.version !== version) return;
    const findings = checked.filter((finding) => !typing || finding.end <= typing.start || finding.start >= typing.end);
    this.findings.set(key, findings);
    const diagnostics = findings.map((finding) => toDiagnostic(document, finding, this.corpus.extensionUri));
    const shortfall = this.corpus.serverShortfall;
    if (shortfall) diagnostics.push(incompleteChecks(shortfall));
    this.collection.set(document.uri, diagnostics);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }

  private checkLater(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => void this.check(document), TYPING_DELAY_MS),
    );
  }

  private forget(uri: vscode.Uri): void {
    this.findings.delete(uri.toString());
    this.collection.delete(uri);
  }
}

/**
 * Checks made without the team server, said on the draft's first line: the findings that need the server's passages
 * or facts may be missing, and a drafter must not take their absence for a clean draft.
 */
function incompleteChecks(shortfall: string): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(0, 0, 0, 0),
    `Server unavailable: these checks used the local corpus only; findings that need the team corpus may be missing (${shortfall}).`,
    vscode.DiagnosticSeverity.Information,
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = SERVER_UNAVAILABLE;
  return diagnostic;
}

/**
 * The unfinished sentence at the cursor of the active editor, as offsets — the core's sentence (as the checks read
 * the draft) from its start to the cursor — while nothing but white space follows on the line.
 */
async function sentenceBeingTyped(
  queries: CorpusQueries,
  document: vscode.TextDocument,
  text: string,
  file: string,
): Promise<{ start: number; end: number } | null> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document !== document) return null;
  const cursor = editor.selection.active;
  if (document.lineAt(cursor.line).text.slice(cursor.character).trim() !== '') return null;
  const end = document.offsetAt(cursor);
  const { sentence } = await queries.draftPlace(text, file, end);
  if (!sentence || FINISHED.test(sentence.text)) return null;
  return { start: sentence.start, end };
}
