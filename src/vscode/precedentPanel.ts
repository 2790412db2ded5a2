/**
 * The Precedent panel: a webview view that renders the view model the core computes (src/core/panel/viewModel.ts)
 * — the passages the sentence at the cursor follows, a search, the history of a phrase — and carries out what the
 * drafter picks there: Use this wording, Insert, Open Source, Copy with Citation.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { ResolutionRegistry } from '../core/citations/registry';
import type { Sentence } from '../core/draft/draft';
import type { CardSource, GhostSource, HistoryCard, PanelViewModel, PassageCard, SortOrder } from '../core/panel/viewModel';
import type { CorpusQueries } from '../core/service';
import { unlessCancelled } from './cancellation';
import { draftFileOf } from './convert';
import type { CorpusService } from './corpusService';
import type { GhostOffer } from './inlineCompletions';
import { core } from './loadCore';
import { showSource } from './sourceDocuments';

export const PANEL_VIEW = 'precedent.panel';
const AT_CURSOR = 5;
const SEARCH_RESULTS = 30;
/** How long the cursor rests before the panel asks the corpus. */
const REST_MS = 300;
const DRAFT_LANGUAGES = new Set(['markdown', 'plaintext']);

export type CardAction = 'use' | 'insert' | 'open' | 'copy';

/** Messages from the webview. */
type FromWebview =
  | { type: 'ready' }
  | { type: 'action'; action: CardAction; id: string }
  | { type: 'search'; query: string }
  | { type: 'sort'; sort: SortOrder }
  | { type: 'history' };

/** The draft sentence the At the cursor cards compare with, where it stands in its document. */
interface DraftSentence {
  uri: vscode.Uri;
  version: number;
  start: number;
  end: number;
  text: string;
}

export class PrecedentPanel implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private model: PanelViewModel;
  private sentence: DraftSentence | null = null;
  /** The ghost text last offered: in which draft, at which offset, and where its text comes from. */
  private suggestion: { draft: string; offset: number; source: GhostSource } | null = null;
  private restTimer: NodeJS.Timeout | undefined;
  /** Focus was asked for before the webview was ready to take it. */
  private focusPending = false;
  private asking = { cursor: new AbortController(), search: new AbortController(), history: new AbortController() };
  private readonly changed = new vscode.EventEmitter<PanelViewModel>();
  /** Fires whenever the view model changes (tests wait on it). */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly corpus: CorpusService,
    private readonly registry: () => Promise<ResolutionRegistry>,
  ) {
    this.model = core().emptyViewModel(false);
    this.subscriptions = [
      vscode.window.onDidChangeTextEditorSelection((event) => this.cursorMoved(event.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.cursorMoved(editor)),
      corpus.onDidLoad(() => {
        this.update({ ready: true });
        void this.refreshAtCursor();
      }),
    ];
  }

  /** What the panel shows now. */
  get viewModel(): PanelViewModel {
    return this.model;
  }

  get visible(): boolean {
    return this.view?.visible ?? false;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    view.webview.options = { enableScripts: true, localResourceRoots: [media] };
    view.webview.html = panelHtml(view.webview, media);
    view.webview.onDidReceiveMessage((message: FromWebview) => void this.received(message).catch((error: Error) => this.fail(error)));
    view.onDidChangeVisibility(() => {
      if (view.visible) {
        this.post();
        void this.refreshAtCursor();
      }
    });
    view.onDidDispose(() => (this.view = undefined));
  }

  /** Shows the panel and puts the keyboard in it, on the first card. */
  async focus(): Promise<void> {
    this.focusPending = true;
    await vscode.commands.executeCommand(`${PANEL_VIEW}.focus`);
    if (this.view && (await this.view.webview.postMessage({ type: 'focus' }))) this.focusPending = false;
  }

  /** Asks the corpus for the passages the sentence at the cursor follows, now (the panel does it when the cursor rests). */
  async refreshAtCursor(): Promise<void> {
    clearTimeout(this.restTimer);
    const queries = this.corpus.current;
    const editor = draftEditor(vscode.window.activeTextEditor) ?? this.lastDraftEditor();
    if (!queries || !editor) return;
    const { document } = editor;
    const found = await sentenceAtCursor(queries, editor);
    if (!found || found.text.split(/\s+/).length < 3) {
      this.sentence = null;
      this.update({ atCursor: { sentence: null, busy: false, message: core().PANEL_MESSAGES.noSentence, cards: [] } });
      return;
    }
    if (
      this.sentence?.text === found.text &&
      this.sentence.uri.toString() === document.uri.toString() &&
      this.model.atCursor.cards.length
    ) {
      this.sentence = { ...this.sentence, version: document.version, start: found.start, end: found.end };
      return;
    }
    this.sentence = { uri: document.uri, version: document.version, ...found };
    const signal = this.restart('cursor');
    this.update({ atCursor: { ...this.model.atCursor, sentence: found.text, busy: true } });
    const passages = await unlessCancelled(
      queries.passagesForSentence(found.text, { limit: AT_CURSOR, excludeFile: fileOf(document), signal }),
      null,
    );
    if (!passages) return;
    const cards = core().sentenceCards(passages, this.suggestionFor(this.sentence), await this.registry());
    const message = core().panelMessage(cards.length === 0 ? core().PANEL_MESSAGES.nothingClose : null, this.corpus.serverShortfall);
    this.update({ atCursor: { sentence: found.text, busy: false, message, cards } });
  }

  /** Searches the corpus as Find Past Phrasing does, and shows the results whole. */
  async search(query: string, sort: SortOrder = this.model.search.sort): Promise<void> {
    const queries = this.corpus.current;
    const signal = this.restart('search');
    this.update({ search: { ...this.model.search, query, sort, busy: Boolean(query.trim() && queries) } });
    if (!queries || !query.trim()) {
      this.update({ search: { query, sort, busy: false, message: queries ? null : core().PANEL_MESSAGES.indexing, cards: [] } });
      return;
    }
    const matches = await unlessCancelled(queries.search(query, { limit: SEARCH_RESULTS, signal }), null);
    if (!matches) return;
    const cards = core().searchCards(matches, sort, await this.registry());
    const message = core().panelMessage(cards.length ? null : core().PANEL_MESSAGES.noResults, this.corpus.serverShortfall);
    this.update({ search: { query, sort, busy: false, message, cards } });
  }

  /** The history of the selected phrase, or of the sentence at the cursor. */
  async showHistory(): Promise<void> {
    const queries = this.corpus.current;
    const editor = draftEditor(vscode.window.activeTextEditor) ?? this.lastDraftEditor();
    const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
    const phrase = selected || (editor && queries ? ((await sentenceAtCursor(queries, editor))?.text ?? '') : '');
    const { PANEL_MESSAGES } = core();
    if (!queries || !phrase) {
      const message = queries ? PANEL_MESSAGES.noHistoryPhrase : PANEL_MESSAGES.indexing;
      this.update({ history: { phrase: null, busy: false, message, rule: null, cards: [] } });
      return;
    }
    const signal = this.restart('history');
    this.update({ history: { ...this.model.history, phrase, busy: true } });
    const history = await unlessCancelled(queries.phraseHistory(phrase, { excludeFile: editor && fileOf(editor.document), signal }), null);
    if (!history) return;
    const cards = core().historyCards(history);
    const rule = core().historyRule(history);
    const message = core().panelMessage(cards.length ? null : PANEL_MESSAGES.noHistory, this.corpus.serverShortfall);
    this.update({ history: { phrase, busy: false, message, rule, cards } });
  }

  /** Shows a picker's active item whole (null when the picker closes or has none). */
  showPicked(source: CardSource | null, marked: Array<[number, number]> = [], also: string[] = []): void {
    // The registry is read once and kept: each call's update follows the one before.
    void this.registry().then((registry) =>
      this.update({ picked: source && core().passageCard('picked', source, marked, also, registry) }),
    );
  }

  /** Marks the passage the ghost text offered in the draft comes from. */
  suggestionOffered(offer: GhostOffer | null): void {
    this.suggestion = offer && {
      draft: offer.document.uri.toString(),
      offset: offer.document.offsetAt(offer.position),
      source: { file: offer.continuation.file, line: offer.continuation.range.startLine, column: offer.continuation.range.startColumn },
    };
    const cards = this.model.atCursor.cards;
    if (cards.length === 0) return;
    // The cards stay; only the mark moves.
    const source = this.suggestionFor(this.sentence);
    this.update({
      atCursor: { ...this.model.atCursor, cards: cards.map((card) => ({ ...card, fromSuggestion: core().continues(card, source) })) },
    });
  }

  /** The source of the ghost text offered in the draft sentence, if it was offered there. */
  private suggestionFor(sentence: DraftSentence | null): GhostSource | null {
    const offered = this.suggestion;
    if (!offered || !sentence || offered.draft !== sentence.uri.toString()) return null;
    return sentence.start <= offered.offset && offered.offset <= sentence.end ? offered.source : null;
  }

  /** Carries out a card's action, as its button in the webview does. */
  async perform(action: CardAction, id: string): Promise<void> {
    const card = this.cardById(id);
    if (!card) throw new Error(`no card ${id} in the panel`);
    switch (action) {
      case 'use':
        return this.useWording(card.text);
      case 'insert':
        return this.insert(card.text);
      case 'open':
        return showSource(card.file, card.range);
      case 'copy':
        await vscode.env.clipboard.writeText(card.citation);
        void vscode.window.setStatusBarMessage('Precedent: passage copied with its citation', 3000);
    }
  }

  dispose(): void {
    clearTimeout(this.restTimer);
    for (const controller of Object.values(this.asking)) controller.abort();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }

  private async received(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.post();
        if (this.focusPending) {
          this.focusPending = false;
          void this.view?.webview.postMessage({ type: 'focus' });
        }
        return this.refreshAtCursor();
      case 'action':
        return this.perform(message.action, message.id);
      case 'search':
        return this.search(message.query);
      case 'sort':
        return this.search(this.model.search.query, message.sort);
      case 'history':
        return this.showHistory();
    }
  }

  /** Replaces the draft sentence the cards were found for: one edit, so one undo restores it. */
  private async useWording(text: string): Promise<void> {
    const target = this.sentence;
    const editor = target && vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.uri.toString());
    if (!target || !editor) {
      void vscode.window.showInformationMessage('Precedent: put the cursor in the draft sentence to replace first.');
      return;
    }
    const { document } = editor;
    let { start, end } = target;
    if (document.version !== target.version) {
      // The draft changed since: replace the sentence that now stands at the cursor.
      const queries = this.corpus.current;
      const found = queries && (await sentenceAtCursor(queries, editor));
      if (!found) return;
      ({ start, end } = found);
    }
    const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
    await editor.edit((edit) => edit.replace(range, text));
    await vscode.window.showTextDocument(document, editor.viewColumn);
  }

  private async insert(text: string): Promise<void> {
    const editor = draftEditor(vscode.window.activeTextEditor) ?? this.lastDraftEditor();
    if (!editor) return;
    await editor.edit((edit) => edit.replace(editor.selection, text));
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  }

  private cardById(id: string): PassageCard | HistoryCard | undefined {
    const { atCursor, search, picked, history } = this.model;
    return [...atCursor.cards, ...search.cards, ...(picked ? [picked] : []), ...history.cards].find((card) => card.id === id);
  }

  private cursorMoved(editor: vscode.TextEditor): void {
    if (!draftEditor(editor) || !this.visible) return;
    clearTimeout(this.restTimer);
    this.restTimer = setTimeout(() => void this.refreshAtCursor().catch((error: Error) => this.fail(error)), REST_MS);
  }

  /** With the keyboard in the panel no editor is active: the draft is the visible one the cursor was last in. */
  private lastDraftEditor(): vscode.TextEditor | undefined {
    const uri = this.sentence?.uri.toString();
    return vscode.window.visibleTextEditors.find((e) => draftEditor(e) && (!uri || e.document.uri.toString() === uri));
  }

  /** A new question of one kind cancels the one still being answered. */
  private restart(kind: keyof PrecedentPanel['asking']): AbortSignal {
    this.asking[kind].abort();
    this.asking[kind] = new AbortController();
    return this.asking[kind].signal;
  }

  private update(change: Partial<PanelViewModel>): void {
    this.model = { ...this.model, ...change };
    this.post();
    this.changed.fire(this.model);
  }

  private post(): void {
    if (this.view?.visible) void this.view.webview.postMessage({ type: 'model', model: this.model });
  }

  private fail(error: Error): void {
    void vscode.window.showErrorMessage(`Precedent: ${error.message}`);
  }
}

/** The editor, when it shows a draft (Markdown or plain text in a file or an untitled document). */
function draftEditor(editor: vscode.TextEditor | undefined): vscode.TextEditor | undefined {
  if (!editor) return undefined;
  const { languageId, uri } = editor.document;
  return DRAFT_LANGUAGES.has(languageId) && (uri.scheme === 'file' || uri.scheme === 'untitled') ? editor : undefined;
}

/** The draft sentence the cursor is in, as the checks segment the draft; null outside prose (front matter, code). */
async function sentenceAtCursor(queries: CorpusQueries, editor: vscode.TextEditor): Promise<Sentence | null> {
  const { document } = editor;
  const place = await queries.draftPlace(document.getText(), draftFileOf(document), document.offsetAt(editor.selection.active));
  return place.prose ? place.sentence : null;
}

function fileOf(document: vscode.TextDocument): string | undefined {
  return document.uri.scheme === 'file' ? document.uri.fsPath : undefined;
}

/** The page: the panel's script and style from media/, nothing from the network, scripts only with this nonce. */
function panelHtml(webview: vscode.Webview, media: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.css'));
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`, `font-src ${webview.cspSource}`].join(
    '; ',
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Precedent</title>
</head>
<body>
<main id="panel" aria-label="Precedent"></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
