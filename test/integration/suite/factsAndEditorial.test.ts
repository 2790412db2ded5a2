import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { codeOf } from '../../../src/vscode/convert';
import { api, hoverText, until, workspaceFile } from './helpers';

/** A draft written into the fixture workspace (drafts get diagnostics by their path), removed after the test. */
async function openDraft(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = workspaceFile('drafts', name);
  fs.writeFileSync(uri.fsPath, text);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

function diagnostic(document: vscode.TextDocument, code: string) {
  return until(`the ${code} diagnostic`, () => vscode.languages.getDiagnostics(document.uri).find((d) => codeOf(d) === code));
}

describe('Facts and editorial checks in the editor', () => {
  const written: string[] = [];
  before(async function () {
    this.timeout(120_000);
    await api();
  });
  after(() => {
    for (const name of written) fs.rmSync(workspaceFile('drafts', name).fsPath, { force: true });
  });

  it('Look Up Facts finds the UNODC pledge and Enter inserts its sentence', async () => {
    const scratch = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(scratch);
    const picking = vscode.commands.executeCommand('precedent.lookUpFacts', 'unodc pledge');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await picking;
    await until('the sentence inserted', () => scratch.getText().length > 0);
    assert.match(scratch.getText(), /Japan has pledged approximately (23 million US dollars|\$23 million) to the UNODC/);
  });

  it('a hover on a figure answers first (the newest the corpus records), then at most two entries with sources', async () => {
    written.push('facts-hover.md');
    const draft = await openDraft('facts-hover.md', 'Japan has pledged approximately 30 million US dollars to the UNODC.\n');
    const onFigure = draft.positionAt(draft.getText().indexOf('30 million') + 2);
    const card = await until('the fact hover', async () => {
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draft.uri, onFigure));
      return text.includes('23 million US dollars') && text;
    });
    const [answer] = card.split('\n');
    // The pledge's deadline (the end of that month) is no date of the pledge: the statement's date stands.
    assert.match(answer, /^\*\*Japan pledged approximately 23 million US dollars\*\* · document of 2017\\-03\\-15/);
    assert.ok((card.match(/^- /gm) ?? []).length <= 2, `at most two timeline entries:\n${card}`);
  });

  it('flags mixed salutations and fixes them from the lightbulb', async () => {
    written.push('salutations.md');
    const draft = await openDraft('salutations.md', 'Mr. President,\n\nWe thank the briefers.\n\nI thank you, Madam President.\n');
    const found = await diagnostic(draft, 'salutation-mixed');
    assert.strictEqual(draft.getText(found.range), 'Madam President');
    const actions = await until('the quick fix', async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        draft.uri,
        found.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      return all?.find((a) => a.title === 'Use "Mr. President"');
    });
    assert.ok(actions.edit, 'the fix carries its edit');
    await vscode.workspace.applyEdit(actions.edit);
    assert.match(draft.getText(), /I thank you, Mr\. President\./);
  });

  it('precedent.style "un" turns the UN style sheet on without a reload, and off again', async () => {
    written.push('style.md');
    const draft = await openDraft('style.md', 'We recall UNSC Resolution 2331 (2016) on trafficking in persons.\n');
    const settings = vscode.workspace.getConfiguration('precedent');
    await settings.update('style', 'un', vscode.ConfigurationTarget.Workspace);
    try {
      const found = await diagnostic(draft, 'un-body-in-full');
      assert.strictEqual(draft.getText(found.range), 'UNSC');
      await diagnostic(draft, 'un-resolution-case');
    } finally {
      await settings.update('style', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until(
      'the style findings gone',
      () => !vscode.languages.getDiagnostics(draft.uri).some((d) => (codeOf(d) ?? '').startsWith('un-')),
    );
  });
});
