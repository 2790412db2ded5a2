// A drafter's first hour (issue 15): ghost text at its seams, an honest status, Add Corpus Folder…, the statement
// templates, the example draft, the walkthrough's packaged media, and Audit Corpus's scope and clean-up.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { WorkerCorpus } from '../../../src/core/worker/workerCorpus';
import { codeOf } from '../../../src/vscode/convert';
import { api, EXTENSION_ID, until, workspaceFile } from './helpers';

const token = () => new vscode.CancellationTokenSource().token;

async function ghostTexts(content: string, cursor: number): Promise<string[]> {
  const { inlineCompletions } = await api();
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  const items = await inlineCompletions.provideInlineCompletionItems(
    document,
    document.positionAt(cursor),
    { triggerKind: vscode.InlineCompletionTriggerKind.Automatic, selectedCompletionInfo: undefined },
    token(),
  );
  return items.map((item) => (typeof item.insertText === 'string' ? item.insertText : item.insertText.value));
}

/** Sets precedent.corpus.paths in the workspace and waits for the corpus it names to be loaded. */
async function setCorpusPaths(value: string[] | undefined): Promise<void> {
  const { corpus } = await api();
  const loaded = new Promise<void>((resolve) => {
    const listener = corpus.onDidLoad(() => {
      listener.dispose();
      resolve();
    });
  });
  await vscode.workspace.getConfiguration('precedent').update('corpus.paths', value, vscode.ConfigurationTarget.Workspace);
  await loaded;
}

describe("A drafter's first hour", () => {
  it('ghost text joins the text around the cursor: no second comma, no stray space, ends before the text after', async () => {
    const afterComma = 'In that regard, Japan has pledged approximately 23 million US dollars to the UNODC,';
    const texts = await ghostTexts(afterComma, afterComma.length);
    assert.ok(texts.length > 0, 'ghost text after the comma');
    for (const text of texts) assert.doesNotMatch(text, /^\s*,/);
    const typed = 'Japan therefore attaches great importance';
    const beforeComma = await ghostTexts(`${typed}, and more.`, typed.length);
    assert.ok(beforeComma.length > 0, 'ghost text before a comma');
    for (const text of beforeComma) assert.doesNotMatch(text, /[,.;:]$/);
    const afterSpace = await ghostTexts(`${typed} `, typed.length + 1);
    for (const text of afterSpace) assert.doesNotMatch(text, /^\s/);
    assert.deepStrictEqual(await ghostTexts('and is stepping up its support to UNODC.', 41), []);
  });

  it('a named corpus folder that does not exist turns the status into a warning; the tooltip lists each folder', async function () {
    this.timeout(60_000);
    const { status, corpus } = await api();
    await corpus.whenReady();
    assert.match(status.text, /^\$\(book\) Precedent: \d+ documents$/, 'the default "corpus" folder: no warning');
    try {
      await setCorpusPaths(['corpus', 'no-such-folder']);
      await until('the warning in the status bar', () =>
        /^\$\(warning\) Precedent: \d+ documents — check the corpus folders$/.test(status.text),
      );
      assert.match(status.tooltip, /The corpus folder (workspace\/)?no\\-such\\-folder does not exist/);
      assert.match(status.tooltip, /- (workspace\/)?corpus: 1 document\n/);
      assert.match(status.tooltip, /- (workspace\/)?no\\-such\\-folder: not found/);
      assert.match(status.tooltip, /- bundled corpus: \d+ documents/);
    } finally {
      await setCorpusPaths(undefined);
    }
    await until('the status back to its documents', () => /^\$\(book\) Precedent:/.test(status.text));
  });

  it('Add Corpus Folder… writes the folder relative to the workspace folder when inside it, absolute otherwise', async function () {
    this.timeout(60_000);
    const { corpus } = await api();
    const inside = workspaceFile('more-statements');
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'precedent-outside-'));
    fs.mkdirSync(inside.fsPath, { recursive: true });
    fs.writeFileSync(path.join(inside.fsPath, 'statement.md'), 'We reaffirm our commitment to the peaceful settlement of disputes.\n');
    fs.writeFileSync(path.join(outside, 'other.md'), 'We welcome the adoption of the programme of work.\n');
    try {
      const before = corpus.current!.report.documents;
      const loaded = new Promise<void>((resolve) => {
        const listener = corpus.onDidLoad(() => {
          listener.dispose();
          resolve();
        });
      });
      await vscode.commands.executeCommand('precedent.addCorpusFolder', { folders: [inside, vscode.Uri.file(outside)] });
      const written = vscode.workspace.getConfiguration('precedent').inspect<string[]>('corpus.paths')?.workspaceValue;
      // The default "corpus" folder exists, so it stays.
      assert.deepStrictEqual(written, ['corpus', 'more-statements', outside]);
      await loaded;
      await corpus.whenReady();
      assert.strictEqual(corpus.current!.report.documents, before + 2);
    } finally {
      await setCorpusPaths(undefined);
      fs.rmSync(inside.fsPath, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('Insert Statement Template inserts the chosen template as a snippet', async () => {
    await api();
    const scratch = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(scratch);
    const inserting = vscode.commands.executeCommand<string | null>('precedent.insertStatementTemplate');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.strictEqual(await inserting, 'Statement at a Security Council open debate');
    await until('the template inserted', () => scratch.getText().includes('I thank you, Mr. President.'));
    assert.match(scratch.getText(), /^---\ntitle: "Statement by H\.E\. Ambassador NAME/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Open Example Draft opens the packaged example unsaved, and its findings show', async () => {
    await api();
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('precedent.openExampleDraft');
    assert.strictEqual(editor.document.uri.scheme, 'untitled');
    await until("the example's resolution-year finding", () =>
      vscode.languages.getDiagnostics(editor.document.uri).some((diagnostic) => codeOf(diagnostic) === 'resolution-year'),
    );
  });

  it("the walkthrough's media and the icon are packaged files", () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const manifest = extension.packageJSON as {
      icon: string;
      contributes: { walkthroughs: Array<{ steps: Array<{ media: { markdown?: string; image?: string } }> }> };
    };
    const files = [
      manifest.icon,
      ...manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown ?? s.media.image ?? '')),
    ];
    for (const file of files) assert.ok(fs.existsSync(path.join(extension.extensionPath, file)), `${file} is missing`);
  });

  it('Audit Corpus leaves the bundled corpus out unless a setting says; findings go when a file changes, or on Clear', async function () {
    this.timeout(90_000);
    const { audit, corpus } = await api();
    const bundled = corpus.bundledCorpus();
    const auditFile = workspaceFile('corpus', 'audited.md');
    fs.writeFileSync(auditFile.fsPath, 'We welcome the the report of the Secretary-General.\n');
    try {
      await corpus.reload('test: a corpus file added');
      await vscode.commands.executeCommand('precedent.auditCorpus');
      const files = () => {
        const found: string[] = [];
        audit.collection.forEach((uri) => void found.push(uri.fsPath));
        return found;
      };
      assert.ok(files().includes(auditFile.fsPath), 'the workspace corpus file is audited');
      assert.deepStrictEqual(
        files().filter((file) => file.startsWith(bundled)),
        [],
        'no bundled corpus file',
      );
      const repeated = audit.collection.get(auditFile)?.find((d) => codeOf(d) === 'repeated-word');
      assert.ok(repeated, 'the repeated word is found');
      const target = typeof repeated.code === 'object' ? repeated.code.target : undefined;
      assert.ok(target && target.path.endsWith('/docs/checks/repeated-word.md'), 'the code links to its page');
      assert.ok(fs.existsSync(target.fsPath), `${target.fsPath} is packaged`);

      await vscode.workspace.getConfiguration('precedent').update('audit.includeBundled', true, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('precedent.auditCorpus');
      assert.ok(
        files().some((file) => file.startsWith(bundled)),
        'the bundled corpus audited once the setting is on',
      );

      const document = await vscode.workspace.openTextDocument(auditFile);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(auditFile, new vscode.Position(0, 0), 'Indeed, ');
      await vscode.workspace.applyEdit(edit);
      await until(
        "the changed file's findings gone",
        () => audit.collection.get(auditFile)?.length === 0 || !audit.collection.has(auditFile),
      );
      await vscode.commands.executeCommand('workbench.action.files.revert', document.uri);

      await vscode.commands.executeCommand('precedent.clearAuditFindings');
      assert.deepStrictEqual(files(), []);

      // A file that leaves the corpus loses its findings.
      await vscode.commands.executeCommand('precedent.auditCorpus');
      assert.ok(files().includes(auditFile.fsPath), 'audited again');
      fs.rmSync(auditFile.fsPath, { force: true });
      await corpus.reload('test: a corpus file removed');
      await until("the removed file's findings gone", () => !files().includes(auditFile.fsPath));
    } finally {
      await vscode.workspace.getConfiguration('precedent').update('audit.includeBundled', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(auditFile.fsPath, { force: true });
      await corpus.reload('test: a corpus file removed');
    }
  });

  it('the index recovers from a crash of its worker thread: the status says so, then the same questions are answered', async function () {
    this.timeout(60_000);
    const { corpus, status } = await api();
    // The reload that the earlier tests' corpus file changes scheduled (500 ms after them) begins and ends first.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await corpus.whenReady();
    const index = corpus.current as WorkerCorpus;
    const before = await index.search('UNODC');
    assert.ok(before.length > 0);
    await index.crashForTest();
    assert.match(status.text, /restarting the index/);
    assert.match(status.tooltip, /The index stopped \(it exited with code 1\) and is restarting/);
    await until('the status back to its documents', () => /^\$\(book\) Precedent: \d+ documents$/.test(status.text));
    assert.deepStrictEqual(await index.search('UNODC'), before);
  });
});
