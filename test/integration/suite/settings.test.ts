import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { codeOf } from '../../../src/vscode/convert';
import { isInside } from '../../../src/core/corpus/folders';
import { api, until, workspaceFile } from './helpers';

/** More than the pause after typing before a draft is checked (400 ms) and the check itself. */
const CHECK_SETTLE_MS = 2000;

const changed = new Set<string>();

/**
 * Sets a setting in the workspace and waits until the extension host has it, which is when it has told the
 * extension (the change event fires as the host takes the new value).
 */
async function setSetting(key: string, value: unknown): Promise<void> {
  changed.add(key);
  await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Workspace);
  await until(
    `${key} = ${JSON.stringify(value)} in the extension host`,
    () => vscode.workspace.getConfiguration().inspect(key)?.workspaceValue === value,
  );
}

function diagnostics(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => codeOf(diagnostic) === code);
}

/** Types at the end of the draft in its editor, as a user does. */
async function type(editor: vscode.TextEditor, text: string): Promise<void> {
  assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), text)), 'the edit was applied');
}

describe('Settings take effect without a reload', () => {
  afterEach(async function () {
    this.timeout(60_000);
    for (const key of [...changed]) await setSetting(key, undefined);
    changed.clear();
    await api(); // a corpus setting put back re-indexes: let that finish before the next test
  });

  it('precedent.checks.resolution-year: off removes the finding from the draft, a severity brings it back', async () => {
    await api();
    const draft = workspaceFile('drafts', 'trafficking-draft.md');
    await vscode.workspace.openTextDocument(draft);
    const finding = await until('the resolution-year finding', () => diagnostics(draft, 'resolution-year')[0]);
    assert.strictEqual(finding.severity, vscode.DiagnosticSeverity.Warning);
    await setSetting('precedent.checks.resolution-year', 'off');
    await until('the finding gone', () => diagnostics(draft, 'resolution-year').length === 0);
    await setSetting('precedent.checks.resolution-year', 'error');
    await until(
      'the finding back, as an error',
      () => diagnostics(draft, 'resolution-year')[0]?.severity === vscode.DiagnosticSeverity.Error,
    );
  });

  it('precedent.diagnostics.run: onSave leaves an edit unchecked until the draft is saved', async () => {
    await api();
    const uri = workspaceFile('drafts', 'checked-on-save.md');
    fs.writeFileSync(uri.fsPath, 'We welcome the the report.\n');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const repeated = () => diagnostics(uri, 'repeated-word').length;
    await until('the repeated word flagged on open', () => repeated() === 1);
    // As typed (the default), the same kind of edit is checked within the pause waited for below.
    await type(editor, 'We note the the text.\n');
    await until('the edit checked as typed', () => repeated() === 2);
    // The browser workbench saves a changed file after a second unless told not to, as the desktop one does not.
    await setSetting('files.autoSave', 'off');
    await setSetting('precedent.diagnostics.run', 'onSave');
    await type(editor, 'We thank the the briefers.\n');
    await new Promise((resolve) => setTimeout(resolve, CHECK_SETTLE_MS));
    assert.ok(editor.document.isDirty, 'the edit is unsaved');
    assert.strictEqual(repeated(), 2, 'the unsaved edit was checked');
    assert.ok(await editor.document.save(), 'the draft was saved');
    await until('the edit checked on save', () => repeated() === 3);
  });

  it('precedent.completions.enabled: false leaves no ghost text', async () => {
    const { inlineCompletions } = await api();
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: 'In that regard, Japan has pledged approximately',
    });
    const complete = async () =>
      await inlineCompletions.provideInlineCompletionItems(
        document,
        document.positionAt(document.getText().length),
        { triggerKind: vscode.InlineCompletionTriggerKind.Automatic, selectedCompletionInfo: undefined },
        new vscode.CancellationTokenSource().token,
      );
    assert.ok((await complete()).length > 0, 'ghost text while enabled');
    await setSetting('precedent.completions.enabled', false);
    assert.deepStrictEqual(await complete(), []);
    await setSetting('precedent.completions.enabled', true);
    assert.ok((await complete()).length > 0, 'ghost text once enabled again');
  });

  it('precedent.corpus.includeBundled: false re-indexes the workspace corpus alone', async () => {
    const { corpus } = await api();
    const withBundled = corpus.current!.report.documents;
    const ownCorpus = workspaceFile('corpus').fsPath;
    const reloaded = new Promise<void>((resolve) => {
      const listener = corpus.onDidLoad(() => {
        listener.dispose();
        resolve();
      });
    });
    await setSetting('precedent.corpus.includeBundled', false);
    await reloaded;
    const files = await corpus.current!.documentFiles();
    assert.ok(files.length > 0 && files.length < withBundled, `${files.length} documents, ${withBundled} with the bundled corpus`);
    assert.deepStrictEqual(
      files.filter((file) => !isInside(file, ownCorpus)),
      [],
      'documents from outside the workspace corpus',
    );
  });
});
