import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PanelViewModel } from '../../../src/core/panel/viewModel';
import { api, until, workspaceFile } from './helpers';
import { report } from './report';

const SENTENCE =
  'Japan attaches great importance to the assistance provided by the United Nations Office on Drugs and Crime ' +
  'and is stepping up its support to that Office.';
const VERBATIM_RECORD = '2017-03-15-bessho-trafficking-verbatim-record.md';

describe('The Precedent panel', () => {
  let draft: vscode.TextDocument;
  let editor: vscode.TextEditor;

  before(async function () {
    this.timeout(120_000);
    const { panel } = await api();
    draft = await vscode.workspace.openTextDocument(workspaceFile('drafts', 'panel-draft.md'));
    editor = await vscode.window.showTextDocument(draft);
    await vscode.commands.executeCommand('precedent.focusPanel');
    await until('the panel to be visible', () => panel.visible);
    editor = await vscode.window.showTextDocument(draft);
  });

  /** Puts the cursor in the draft's UNODC sentence and waits for the passages the panel shows for it. */
  async function passagesAtCursor(): Promise<PanelViewModel['atCursor']> {
    const { panel } = await api();
    const at = draft.positionAt(draft.getText().indexOf('great importance'));
    editor.selection = new vscode.Selection(at, at);
    return until('the passages at the cursor', () => {
      const { atCursor } = panel.viewModel;
      return atCursor.sentence === SENTENCE && !atCursor.busy && atCursor.cards.length > 0 && atCursor;
    });
  }

  it("shows the verbatim record's UNODC sentence first for a draft sentence that follows it", async () => {
    const atCursor = await passagesAtCursor();
    const [first] = atCursor.cards;
    assert.strictEqual(path.basename(first.file), VERBATIM_RECORD);
    assert.match(first.text, /^Japan therefore attaches great importance to the assistance provided by the United Nations/);
    assert.match(first.heading, /UN verbatim record\) · Koro Bessho.* · 2017-03-15$/);
    assert.match(first.closeness ?? '', /^\d+% alike$/);
    assert.ok(first.passage.some((run) => run.mark === 'shared' && run.text.includes('great importance to the assistance')));
    assert.ok(first.diff?.some((run) => run.mark === 'added' && run.text.includes('therefore')));
    assert.ok(first.also?.includes('Statement by H.E. Ambassador Koro Bessho'), first.also ?? 'no twin');
  });

  it('Use this wording replaces the draft sentence in one step, and one undo restores it', async () => {
    const { panel } = await api();
    const before = draft.getText();
    const [first] = (await passagesAtCursor()).cards;
    await panel.perform('use', first.id);
    const after = draft.getText();
    assert.ok(after.includes(first.text), 'the passage is in the draft');
    assert.ok(!after.includes(SENTENCE), 'the draft sentence is gone');
    assert.strictEqual(after.replace(first.text, SENTENCE), before, 'nothing else changed');
    await vscode.window.showTextDocument(draft);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(draft.getText(), before);
  });

  it('says so in one line when nothing is close', async () => {
    const { panel } = await api();
    const at = draft.positionAt(draft.getText().indexOf('urban gardening'));
    editor.selection = new vscode.Selection(at, at);
    const atCursor = await until('the message', () => {
      const { atCursor } = panel.viewModel;
      return atCursor.sentence?.startsWith('Our delegation') && !atCursor.busy && atCursor;
    });
    assert.deepStrictEqual(atCursor.cards, []);
    assert.strictEqual(atCursor.message, 'Nothing in the corpus is close to this sentence.');
  });

  it('searches as Find Past Phrasing does, by relevance or by date', async () => {
    const { panel } = await api();
    await panel.search('unodc pledged milion japan');
    const byRelevance = panel.viewModel.search.cards;
    assert.ok(byRelevance.length > 1);
    assert.match(byRelevance[0].text, /pledged approximately/);
    await panel.search('unodc pledged milion japan', 'date');
    const dates = panel.viewModel.search.cards.map((card) => card.date ?? '');
    assert.ok(new Set(dates).size > 1, dates.join(', '));
    assert.deepStrictEqual(dates, [...dates].sort().reverse());
  });

  it('shows the history of the sentence at the cursor', async () => {
    const { panel } = await api();
    await passagesAtCursor();
    await panel.showHistory();
    const { history } = panel.viewModel;
    assert.strictEqual(history.phrase, SENTENCE);
    assert.ok(history.cards.length >= 1);
    assert.match(history.cards[0].step, /First use|Only use/);
    assert.ok(history.cards[0].uses.some((use) => use.label.includes('2017-03-15')));
    assert.match(history.rule ?? '', /^\d+ versions?, oldest first: passages with at least 50% of words in common/);
  });

  it("shows Find Past Phrasing's active item whole in the panel", async () => {
    const { panel } = await api();
    const scratch = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: 'attaches great importance to the assistance',
    });
    const scratchEditor = await vscode.window.showTextDocument(scratch);
    scratchEditor.selection = new vscode.Selection(0, 0, 0, scratch.lineAt(0).text.length);
    const searching = vscode.commands.executeCommand('precedent.searchSelection');
    const picked = await until('the active item in the panel', () => panel.viewModel.picked);
    assert.match(picked.text, /attaches great importance to the assistance provided by/);
    assert.ok(picked.passage.some((run) => run.mark === 'shared'));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await searching;
    await until('the picked item cleared', () => panel.viewModel.picked === null);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('marks the passage the ghost text comes from', async () => {
    const { panel, inlineCompletions } = await api();
    editor = await vscode.window.showTextDocument(draft);
    const end = draft.positionAt(draft.getText().length);
    await editor.edit((edit) => edit.insert(end, 'Japan therefore attaches great importance to the assistance provided by the'));
    const position = draft.positionAt(draft.getText().length);
    editor.selection = new vscode.Selection(position, position);
    const items = await inlineCompletions.provideInlineCompletionItems(
      draft,
      position,
      { triggerKind: vscode.InlineCompletionTriggerKind.Automatic, selectedCompletionInfo: undefined },
      new vscode.CancellationTokenSource().token,
    );
    assert.ok(items.length > 0, 'ghost text is offered');
    await panel.refreshAtCursor();
    const cards = await until('a card marked as the ghost text source', () => {
      const { atCursor } = panel.viewModel;
      return atCursor.sentence?.startsWith('Japan therefore') && atCursor.cards.some((card) => card.fromSuggestion) && atCursor.cards;
    });
    const marked = cards.filter((card) => card.fromSuggestion);
    assert.strictEqual(marked.length, 1);
    assert.match(marked[0].text, /assistance provided by the/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('keeps the extension host responsive while typing with the panel open', async function () {
    const { panel } = await api();
    editor = await vscode.window.showTextDocument(draft);
    const end = draft.positionAt(draft.getText().length);
    editor.selection = new vscode.Selection(end, end);
    let longest = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last - 10);
      last = now;
    }, 10);
    try {
      for (const word of 'Japan therefore attaches great importance to the assistance provided by the UNODC.'.split(' ')) {
        await editor.edit((edit) => edit.insert(editor.selection.active, `${word} `));
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
      await until(
        'the panel caught up',
        () => panel.viewModel.atCursor.sentence?.startsWith('Japan therefore') && !panel.viewModel.atCursor.busy,
      );
    } finally {
      clearInterval(ticker);
    }
    report(this.test?.fullTitle() ?? 'panel', 'longest extension-host stall while typing with the panel open', `${longest.toFixed(1)} ms`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
