// Dismissals in a multi-root workspace (harness/build.mjs lays it out: the fixture workspace, then `second`):
// the nearest .precedent.json inside a draft's workspace folder applies, one above the folders never does,
// "Ignore this finding" writes where the draft reads, and Show Ignored Findings covers both folders.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { codeOf } from '../../../src/vscode/convert';
import { api, until } from './helpers';

const WRONG_YEAR = 'resolution 2231 (2016)';

function writeFile(file: string, content: string | object): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

interface ConfigJson {
  checks?: Record<string, string>;
  ignore?: Array<Record<string, string>>;
}

function readJson(file: string): ConfigJson {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ConfigJson;
}

const codesOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map((d) => codeOf(d));

/** Dismisses a finding as a user does: the lightbulb's "Ignore this finding" on its diagnostic. */
async function ignoreThroughLightbulb(uri: vscode.Uri, code: string): Promise<string | null> {
  const diagnostic = await until(`the ${code} finding`, () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === code));
  const action = await until('the Ignore this finding action', async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    return actions.find((a) => a.title === `Ignore this finding (${code})`);
  });
  assert.ok(action.command, 'the action runs a command');
  return vscode.commands.executeCommand<string | null>(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
}

describe('Dismissals in a multi-root workspace', () => {
  let firstFolder: string;
  let secondFolder: string;
  let above: string;
  let nestedDraft: vscode.Uri;
  let secondDraft: vscode.Uri;

  before(async function () {
    this.timeout(120_000);
    await api();
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 2, 'the suite runs in a workspace of two folders');
    [firstFolder, secondFolder] = folders.map((folder) => folder.uri.fsPath);
    // Above both folders: a file that would silence both checks below if it were read.
    above = path.join(path.dirname(firstFolder), '.precedent.json');
    writeFile(above, { checks: { 'resolution-year': 'off', 'repeated-word': 'off' } });
    writeFile(path.join(firstFolder, 'nested', '.precedent.json'), { checks: { 'repeated-word': 'off' } });
    nestedDraft = vscode.Uri.file(path.join(firstFolder, 'nested', 'team', 'statement.md'));
    writeFile(nestedDraft.fsPath, `We recall ${WRONG_YEAR} and the the mandate it gives.\n`);
    secondDraft = vscode.Uri.file(path.join(secondFolder, 'brief.md'));
    writeFile(secondDraft.fsPath, `We recall ${WRONG_YEAR} and the the mandate it gives.\n`);
  });

  after(() => {
    for (const file of [
      above,
      path.join(firstFolder, 'nested'),
      path.join(firstFolder, 'schema-check'),
      path.join(secondFolder, '.precedent.json'),
    ]) {
      fs.rmSync(file, { recursive: true, force: true });
    }
  });

  it('reads the nearest .precedent.json inside the workspace folder, and none above the folders', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(secondDraft));
    await until('both findings in the second folder', () =>
      ['resolution-year', 'repeated-word'].every((c) => codesOf(secondDraft).includes(c)),
    );
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(nestedDraft));
    await until('the resolution-year finding in the nested draft', () => codesOf(nestedDraft).includes('resolution-year'));
    assert.ok(!codesOf(nestedDraft).includes('repeated-word'), 'the nested .precedent.json turns repeated-word off');
  });

  it('Ignore this finding writes to the nested .precedent.json the draft reads', async () => {
    // It says where it wrote (the message names the file and offers Undo).
    assert.strictEqual(await ignoreThroughLightbulb(nestedDraft, 'resolution-year'), path.join(firstFolder, 'nested', '.precedent.json'));
    await until('the finding dismissed', () => !codesOf(nestedDraft).includes('resolution-year'));
    assert.deepStrictEqual(readJson(path.join(firstFolder, 'nested', '.precedent.json')), {
      checks: { 'repeated-word': 'off' },
      ignore: [{ file: 'team/statement.md', code: 'resolution-year', text: WRONG_YEAR }],
    });
    const rootFile = path.join(firstFolder, '.precedent.json');
    const atRoot = fs.existsSync(rootFile) ? (readJson(rootFile).ignore ?? []) : [];
    assert.ok(!atRoot.some((entry) => entry.file.startsWith('nested/')), 'nothing was written at the folder root');
  });

  it("creates .precedent.json at the root of the draft's own workspace folder when none applies", async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(secondDraft));
    await ignoreThroughLightbulb(secondDraft, 'resolution-year');
    await until('the finding dismissed', () => !codesOf(secondDraft).includes('resolution-year'));
    assert.deepStrictEqual(readJson(path.join(secondFolder, '.precedent.json')), {
      ignore: [{ file: 'brief.md', code: 'resolution-year', text: WRONG_YEAR }],
    });
    assert.deepStrictEqual(
      readJson(above),
      { checks: { 'resolution-year': 'off', 'repeated-word': 'off' } },
      'the file above is untouched',
    );
  });

  it('Show Ignored Findings lists the dismissals of every folder, and picking one brings it back', async function () {
    this.timeout(60_000);
    // Pick the first ignored finding until none is left: both folders' dismissals must come back.
    for (let round = 0; round < 5; round++) {
      const showing = vscode.commands.executeCommand<boolean>('precedent.showIgnoredFindings');
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      if (!(await showing)) break;
    }
    assert.deepStrictEqual(readJson(path.join(firstFolder, 'nested', '.precedent.json')).ignore, []);
    assert.deepStrictEqual(readJson(path.join(secondFolder, '.precedent.json')).ignore, []);
    await until(
      'the findings back in both folders',
      () => codesOf(nestedDraft).includes('resolution-year') && codesOf(secondDraft).includes('resolution-year'),
    );
  });

  it('re-checks the open drafts when a .precedent.json is saved in the editor', async () => {
    const config = vscode.Uri.file(path.join(firstFolder, 'nested', '.precedent.json'));
    const document = await vscode.workspace.openTextDocument(config);
    const editor = await vscode.window.showTextDocument(document);
    const text = document.getText();
    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(text.length)), '{}\n'));
    await document.save();
    await until('repeated-word flagged once the nested file no longer turns it off', () => codesOf(nestedDraft).includes('repeated-word'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('completes, describes and validates .precedent.json with its schema', async function () {
    this.timeout(60_000);
    const config = vscode.Uri.file(path.join(firstFolder, 'schema-check', '.precedent.json'));
    writeFile(config.fsPath, '{ "checks": {  } }\n');
    const document = await vscode.workspace.openTextDocument(config);
    const editor = await vscode.window.showTextDocument(document);
    const insideChecks = document.positionAt(document.getText().indexOf('{  }') + 2);
    const labels = await until('completions of the check codes', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        config,
        insideChecks,
      );
      const found = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label).replace(/"/g, ''));
      return found.includes('resolution-year') && found;
    });
    assert.ok(labels.includes('un-numbers') && labels.includes('bracket-left'), labels.join(', '));
    const invalid = JSON.stringify({
      checks: { 'no-such-check': 'off', 'repeated-word': 'loud' },
      ignore: [{ file: 'a.md', code: 'no-such-code', text: 'x' }],
      colour: 'blue',
    });
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, document.lineCount, 0), invalid));
    const problems = await until('the schema errors', () => {
      const found = vscode.languages.getDiagnostics(config);
      return found.length >= 4 && found;
    });
    const messages = problems.map((d) => d.message).join(' | ');
    assert.match(messages, /no-such-check/);
    assert.match(messages, /colour/);
    assert.strictEqual(problems.filter((d) => /Value is not accepted/.test(d.message)).length, 2, messages);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
