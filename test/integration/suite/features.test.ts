import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { codeOf } from '../../../src/vscode/convert';
import { verbatimRecordPdf } from '../../unit/archiveFixtures';
import { api, hoverText, until, workspaceFile } from './helpers';
import { report } from './report';

describe('Precedent in the editor', () => {
  let draft: vscode.TextDocument;

  before(async function () {
    this.timeout(120_000);
    const { corpus } = await api();
    assert.ok((corpus.current?.report.documents ?? 0) >= 6, 'the bundled corpus and the workspace corpus are indexed');
    draft = await vscode.workspace.openTextDocument(workspaceFile('drafts', 'trafficking-draft.md'));
    await vscode.window.showTextDocument(draft);
  });

  it("flags the bundled verbatim record's Resolution 2231 (2016) and fixes it in the lightbulb", async () => {
    const diagnostic = await until('the resolution-year diagnostic', () =>
      vscode.languages.getDiagnostics(draft.uri).find((d) => codeOf(d) === 'resolution-year'),
    );
    assert.strictEqual(draft.getText(diagnostic.range), 'Resolution 2231 (2016)');
    assert.match(
      diagnostic.message,
      /^2016 → 2015: Security Council resolution 2231 was adopted on 20 July 2015. Did you mean resolution 2331 \(2016\)/,
    );
    // What the lightbulb asks for: the quick fixes at the diagnostic (once the workbench has the diagnostic too).
    const actions = await until('the quick fixes', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        draft.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      return found.some((action) => action.title.startsWith('Change the year')) && found;
    });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Change the year to 2015 and the date to July 2015'), titles.join(' | '));
    assert.ok(titles.includes('Cite resolution 2331 (2016)'), titles.join(' | '));
    assert.ok(titles.includes('Ignore this finding (resolution-year)'));
    assert.ok(titles.includes('Disable resolution-year for this line'));
    // The year and the month stated after it ("adopted in December 2016") are 2331's: the number is the slip, preferred.
    assert.deepStrictEqual(
      actions.filter((a) => a.isPreferred).map((a) => a.title),
      ['Cite resolution 2331 (2016)'],
    );
    // The year fix mends the stated date with it, so that it writes no new error.
    const yearFix = actions.find((a) => a.title === 'Change the year to 2015 and the date to July 2015')!;
    const [[, edits]] = yearFix.edit!.entries();
    assert.strictEqual(draft.getText(edits[0].range), '2016), which was adopted in December 2016');
    assert.strictEqual(edits[0].newText, '2015), which was adopted in July 2015');
  });

  it('Fix All applies the preferred fixes of a draft, as the command and codeActionsOnSave ask for them', async () => {
    const actions = await until('the fix-all action', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        draft.uri,
        new vscode.Range(0, 0, 0, 0),
        vscode.CodeActionKind.SourceFixAll.value,
      );
      return found.length > 0 && found;
    });
    assert.deepStrictEqual(
      actions.map((a) => a.title),
      ['Apply all of Precedent’s preferred fixes'],
    );
    const [[, edits]] = actions[0].edit!.entries();
    assert.deepStrictEqual(
      edits.map((edit) => [draft.getText(edit.range), edit.newText]),
      [['2231', '2331']],
    );
  });

  it('shows a hover card on a citation and on an acronym', async () => {
    const text = draft.getText();
    const onCitation = draft.positionAt(text.indexOf('2231') + 1);
    const citation = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draft.uri, onCitation));
    // The answer first, on one line; then at most two passages.
    assert.match(
      citation.split('\n')[0],
      /^\*\*Security Council resolution 2231.*\*\* — adopted on 20 July 2015 · agenda item: Non\\-proliferation/,
    );
    assert.ok((citation.match(/^> /gm) ?? []).length <= 2, citation);
    assert.match(citation, /Cited in the corpus/);
    assert.match(citation, /This passage gives 2016; resolution 2231 was adopted on 20 July 2015/);
    const onAcronym = draft.positionAt(text.indexOf('UNODC') + 2);
    const acronym = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draft.uri, onAcronym));
    assert.match(acronym, /United Nations Office on Drugs and Crime/);
    assert.match(acronym, /Used in \d+ corpus passages/);
  });

  it('offers a corpus continuation as ghost text at a sentence start', async () => {
    const { inlineCompletions } = await api();
    const editor = await vscode.window.showTextDocument(draft);
    const end = draft.positionAt(draft.getText().length);
    await editor.edit((edit) => edit.insert(end, 'In that regard, Japan has pledged approximately'));
    const position = draft.positionAt(draft.getText().length);
    const started = performance.now();
    const items = await inlineCompletions.provideInlineCompletionItems(
      draft,
      position,
      { triggerKind: vscode.InlineCompletionTriggerKind.Automatic, selectedCompletionInfo: undefined },
      new vscode.CancellationTokenSource().token,
    );
    report('inline completions', 'latency', `${(performance.now() - started).toFixed(1)} ms`);
    const texts = items.map((item) => (typeof item.insertText === 'string' ? item.insertText : item.insertText.value));
    assert.ok(texts.includes(' $23 million to the UNODC,'), texts.join(' | '));
    await vscode.commands.executeCommand('undo');
  });

  it('runs Find Past Phrasing on the selection and inserts the passage chosen', async () => {
    const scratch = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: 'attaches great importance to the assistance',
    });
    const editor = await vscode.window.showTextDocument(scratch);
    editor.selection = new vscode.Selection(0, 0, 0, scratch.lineAt(0).text.length);
    const picking = vscode.commands.executeCommand('precedent.searchSelection');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await picking;
    await until('the passage inserted', () => /provided by the (UNODC|United Nations)/.test(scratch.getText()));
    assert.match(scratch.getText(), /^Japan therefore attaches great importance to the assistance provided by/);
  });

  it('Ignore this finding writes .precedent.json and the diagnostic goes away', async () => {
    const scratch = workspaceFile('drafts', 'ignore-me.md');
    fs.writeFileSync(scratch.fsPath, 'We recall that resolution 2231 (2016) matters.\n');
    const document = await vscode.workspace.openTextDocument(scratch);
    await vscode.window.showTextDocument(document);
    await until('the finding to dismiss', () => vscode.languages.getDiagnostics(scratch).find((d) => codeOf(d) === 'resolution-year'));
    await vscode.commands.executeCommand('precedent.ignoreFinding', scratch, 'resolution-year', 'resolution 2231 (2016)');
    await until('the finding dismissed', () => !vscode.languages.getDiagnostics(scratch).some((d) => codeOf(d) === 'resolution-year'));
    const config = JSON.parse(fs.readFileSync(workspaceFile('.precedent.json').fsPath, 'utf8')) as { ignore: unknown[] };
    assert.deepStrictEqual(config.ignore, [{ file: 'drafts/ignore-me.md', code: 'resolution-year', text: 'resolution 2231 (2016)' }]);
  });

  it('Audit Corpus publishes findings on the corpus files, apart from the drafts', async () => {
    // The bundled corpus is audited only when the setting says so.
    const settings = vscode.workspace.getConfiguration('precedent');
    await settings.update('audit.includeBundled', true, vscode.ConfigurationTarget.Workspace);
    const count = await vscode.commands.executeCommand<number>('precedent.auditCorpus');
    await settings.update('audit.includeBundled', undefined, vscode.ConfigurationTarget.Workspace);
    assert.ok(count >= 4, `${count} findings`);
    const verbatim = vscode.languages
      .getDiagnostics()
      .find(([uri]) => uri.fsPath.endsWith('2017-03-15-bessho-trafficking-verbatim-record.md'));
    assert.ok(verbatim, 'the verbatim record has findings');
    const codes = verbatim[1].map((d) => codeOf(d) ?? '');
    assert.ok(codes.includes('resolution-year') && codes.includes('resolution-precedent'), codes.join(', '));
  });

  it('Compare Paragraph with Precedent offers the closest paragraphs and opens a wrapped diff against the one chosen', async () => {
    const editor = await vscode.window.showTextDocument(draft);
    const line = draft
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('Resolution 2231'));
    editor.selection = new vscode.Selection(line, 0, line, 0);
    const comparing = vscode.commands.executeCommand('precedent.compareParagraph');
    // The three closest precedents to choose from: the first is taken.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await comparing;
    const diff = await until(
      'the diff editor',
      () =>
        vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff &&
        vscode.window.tabGroups.activeTabGroup.activeTab,
    );
    const input = diff.input as vscode.TabInputTextDiff;
    assert.strictEqual(input.original.scheme, 'precedent-compare');
    const precedent = await vscode.workspace.openTextDocument(input.original);
    assert.match(precedent.getText(), /calls upon (the )?Member States to fully implement the United Nations Convention/);
    assert.doesNotMatch(precedent.getText(), /^Mr\. Bessho/, 'no speaker tag');
    // Wrapped by the comparison's own language default, the drafter's settings untouched.
    assert.strictEqual(precedent.languageId, 'precedent-compare');
    assert.strictEqual(vscode.workspace.getConfiguration('editor', { languageId: 'precedent-compare' }).get('wordWrap'), 'on');
    assert.strictEqual(vscode.workspace.getConfiguration('editor').inspect('wordWrap')?.globalValue, undefined);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('indexes a PDF added to the corpus, and opens its passages in a read-only view of the extracted text', async () => {
    const { corpus } = await api();
    const file = workspaceFile('corpus', 'verbatim-record.pdf');
    const reloaded = new Promise((resolve) => corpus.onDidLoad(resolve));
    fs.writeFileSync(file.fsPath, verbatimRecordPdf());
    try {
      await Promise.race([reloaded, new Promise((_, reject) => setTimeout(() => reject(new Error('no re-index within 20 s')), 20_000))]);
      const [found] = await corpus.current!.search('ensure the protection of a truly human-centred approach');
      assert.strictEqual(path.basename(found?.file ?? ''), 'verbatim-record.pdf');
      const extracted = await vscode.workspace.openTextDocument(file.with({ scheme: 'precedent-extracted' }));
      const { startLine, startColumn, endLine, endColumn } = found.range;
      assert.strictEqual(extracted.getText(new vscode.Range(startLine, startColumn, endLine, endColumn)), found.text);
    } finally {
      // Waits for the re-index its removal causes, so that the next test sees only its own.
      const removed = new Promise((resolve) => corpus.onDidLoad(resolve));
      fs.rmSync(file.fsPath, { force: true });
      await Promise.race([removed, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    }
  });

  it('re-indexes when a corpus file changes', async () => {
    const { corpus } = await api();
    const file = workspaceFile('corpus', 'added-during-test.md');
    const reloaded = new Promise((resolve) => corpus.onDidLoad(resolve));
    fs.writeFileSync(file.fsPath, '---\ntitle: Added during the test\n---\nThe zanzibar quorum of delegations welcomed the text.\n');
    try {
      await Promise.race([reloaded, new Promise((_, reject) => setTimeout(() => reject(new Error('no re-index within 20 s')), 20_000))]);
      const [found] = await corpus.current!.search('zanzibar quorum');
      assert.strictEqual(found?.title, 'Added during the test');
      assert.strictEqual(path.basename(found.file), 'added-during-test.md');
    } finally {
      fs.rmSync(file.fsPath, { force: true });
    }
  });
});
