/**
 * The extension's entry: creates each feature and wires it to the editor. Activation only registers; the core is
 * loaded (loadCore.ts) and the corpus read once activate() has returned.
 */
import * as vscode from 'vscode';
import type { ResolutionRegistry } from '../core/citations/registry';
import type { SourceRange } from '../core/types';
import { addCorpusFolder, ADD_CORPUS_FOLDER_COMMAND, type AddCorpusFolderOptions } from './addCorpusFolder';
import { CorpusAudit } from './auditCorpus';
import { ignoreFinding, IGNORE_FINDING_COMMAND, PrecedentCodeActions } from './codeActions';
import { compareParagraph, COMPARE_SCHEME, ComparisonDocuments } from './compareParagraph';
import { EXTRACTED_SCHEME, SERVER_DOCUMENT_SCHEME } from './convert';
import { CorpusService } from './corpusService';
import { DraftDiagnostics } from './diagnostics';
import { findPastPhrasing } from './findPhrasing';
import { FactHover } from './factHover';
import { PrecedentHover } from './hover';
import { showIgnoredFindings } from './ignoredFindings';
import { lookUpFacts } from './lookUpFacts';
import { PrecedentInlineCompletions } from './inlineCompletions';
import { insertStatementTemplate, openExampleDraft } from './insertTemplate';
import { core } from './loadCore';
import { PANEL_VIEW, PrecedentPanel } from './precedentPanel';
import { affectsPrecedent, readSettings } from './settings';
import { ExtractedTextDocuments, OPEN_SOURCE_COMMAND, ServerDocuments, showSource } from './sourceDocuments';
import { CorpusStatusBar } from './statusBar';
import { TeamServer } from './teamServer';

const DRAFT_LANGUAGES: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'plaintext', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
  { language: 'plaintext', scheme: 'untitled' },
];

/** What tests and other extensions may reach. */
export interface PrecedentApi {
  corpus: CorpusService;
  diagnostics: DraftDiagnostics;
  inlineCompletions: PrecedentInlineCompletions;
  /** The Precedent panel, whose view model tests read. */
  panel: PrecedentPanel;
  status: CorpusStatusBar;
  audit: CorpusAudit;
  server: TeamServer;
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): PrecedentApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Precedent', { log: true });
  const status = new CorpusStatusBar();
  const corpus = new CorpusService(context, log, status);
  const server = new TeamServer(context.secrets, log, status);
  const registry = registryLoader(log);
  const diagnostics = new DraftDiagnostics(corpus, registry.get);
  const audit = new CorpusAudit(corpus, registry.get, log);
  const comparisons = new ComparisonDocuments();
  const inlineCompletions = new PrecedentInlineCompletions(corpus);
  const codeActions = new PrecedentCodeActions(diagnostics, context.extensionUri);
  const panel = new PrecedentPanel(context.extensionUri, corpus, registry.get);

  context.subscriptions.push(
    log,
    status,
    corpus,
    diagnostics,
    audit,
    vscode.workspace.registerTextDocumentContentProvider(COMPARE_SCHEME, comparisons),
    vscode.workspace.registerTextDocumentContentProvider(EXTRACTED_SCHEME, new ExtractedTextDocuments()),
    server,
    vscode.workspace.registerTextDocumentContentProvider(SERVER_DOCUMENT_SCHEME, new ServerDocuments(corpus)),
    server.onDidChangeLink((link) => corpus.useServer(link)),
    // Findings checked while the server was away (or before it answered) are checked again with it, and vice versa.
    server.onDidChangeState((state) => {
      if (state.kind !== 'connecting') diagnostics.checkAll();
    }),
    vscode.commands.registerCommand(OPEN_SOURCE_COMMAND, (file: string, range: SourceRange) => showSource(file, range)),
    vscode.commands.registerCommand('precedent.setServerPassword', (given?: { password?: string }) => server.setPassword(given)),
    vscode.commands.registerCommand('precedent.clearServerPassword', () => server.clearPassword()),
    vscode.commands.registerCommand('precedent.reconnectServer', () => server.reconnect()),
    vscode.languages.registerHoverProvider(DRAFT_LANGUAGES, new PrecedentHover(corpus, registry.get)),
    vscode.languages.registerHoverProvider(DRAFT_LANGUAGES, new FactHover(corpus)),
    vscode.languages.registerInlineCompletionItemProvider(DRAFT_LANGUAGES, inlineCompletions),
    panel,
    vscode.window.registerWebviewViewProvider(PANEL_VIEW, panel, { webviewOptions: { retainContextWhenHidden: true } }),
    inlineCompletions.onDidOffer((continuation) => panel.suggestionOffered(continuation)),
    vscode.commands.registerCommand('precedent.focusPanel', () => panel.focus()),
    vscode.commands.registerCommand('precedent.phraseHistory', async () => {
      await vscode.commands.executeCommand(`${PANEL_VIEW}.focus`);
      await panel.showHistory();
    }),
    vscode.languages.registerCodeActionsProvider(DRAFT_LANGUAGES, codeActions, {
      providedCodeActionKinds: PrecedentCodeActions.kinds,
    }),
    vscode.commands.registerCommand('precedent.findPastPhrasing', () => findPastPhrasing(corpus, panel)),
    vscode.commands.registerCommand('precedent.searchSelection', () => {
      const editor = vscode.window.activeTextEditor;
      return findPastPhrasing(corpus, panel, editor ? editor.document.getText(editor.selection).trim() : '');
    }),
    vscode.commands.registerCommand('precedent.lookUpFacts', (query?: string) =>
      lookUpFacts(corpus, panel, typeof query === 'string' ? query : ''),
    ),
    vscode.commands.registerCommand('precedent.compareParagraph', () => compareParagraph(corpus, comparisons)),
    vscode.commands.registerCommand('precedent.auditCorpus', async () => {
      const count = await audit.run();
      const scope = readSettings().auditIncludeBundled ? 'the corpus' : 'your corpus folders (the bundled corpus left out)';
      void vscode.window.showInformationMessage(`Precedent: ${count} finding${count === 1 ? '' : 's'} in ${scope} (see Problems).`);
      return count;
    }),
    vscode.commands.registerCommand('precedent.clearAuditFindings', () => audit.clear()),
    vscode.commands.registerCommand('precedent.openExampleDraft', () => openExampleDraft(context.extensionPath)),
    vscode.commands.registerCommand('precedent.rebuildIndex', () => corpus.reload('rebuild requested')),
    vscode.commands.registerCommand('precedent.clearIndexCache', async () => {
      await vscode.workspace.fs
        .delete(vscode.Uri.file(corpus.cacheDir), { recursive: true, useTrash: false })
        .then(undefined, () => undefined);
      log.info(`Cleared the index cache at ${corpus.cacheDir}`);
      return corpus.reload('cache cleared');
    }),
    vscode.commands.registerCommand('precedent.showIgnoredFindings', async () => {
      const restored = await showIgnoredFindings();
      if (restored) diagnostics.checkAll();
      return restored;
    }),
    vscode.commands.registerCommand(IGNORE_FINDING_COMMAND, (uri: vscode.Uri, code: string, text: string) =>
      ignoreFinding(uri, code, text, () => diagnostics.checkAll()),
    ),
    vscode.commands.registerCommand('precedent.showLog', () => log.show()),
    vscode.commands.registerCommand(ADD_CORPUS_FOLDER_COMMAND, (options?: AddCorpusFolderOptions) => addCorpusFolder(options)),
    vscode.commands.registerCommand('precedent.insertStatementTemplate', () => insertStatementTemplate(context.extensionPath)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsPrecedent(event, 'registry')) registry.reset();
      if (affectsPrecedent(event, 'corpus')) void corpus.reload('settings changed');
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void corpus.reload('workspace trusted')),
  );

  corpus.loadAfterActivation();
  // Like the corpus, the server is connected once activate() has returned; nothing waits for it.
  setImmediate(() => void server.configure('start-up'));
  const activationMs = performance.now() - started;
  log.info(`Precedent ${(context.extension.packageJSON as { version: string }).version} activated in ${activationMs.toFixed(1)} ms`);
  return { corpus, diagnostics, inlineCompletions, status, audit, panel, server, activationMs };
}

export function deactivate(): void {}

/** The registry, read from the file the settings name once, and again when the setting changes. */
function registryLoader(log: vscode.LogOutputChannel) {
  let loading: Promise<ResolutionRegistry> | null = null;
  const load = async (): Promise<ResolutionRegistry> => {
    const file = vscode.workspace.isTrusted ? readSettings().registry : null;
    const { loadRegistryFile, ResolutionRegistry } = core();
    if (!file) return new ResolutionRegistry();
    try {
      const { registry, problems } = await loadRegistryFile(file);
      problems.forEach((problem) => log.warn(problem));
      return registry;
    } catch (error) {
      log.error((error as Error).message);
      return new ResolutionRegistry();
    }
  };
  return {
    get: () => (loading ??= load()),
    reset: () => {
      loading = null;
    },
  };
}
