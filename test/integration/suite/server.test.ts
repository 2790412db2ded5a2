// The team corpus on a real PostgreSQL server, started by this run (test/db/server.ts) and published to with the
// core's publish: the editor searches and hovers from it beside the local folders, opens its documents read-only at
// the passage, never shows a drafter a collection their role may not read, and keeps working — saying so — while
// the server is down, reconnecting when it returns.
import * as assert from 'assert';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { publishCorpus } from '../../../src/core/db/publish';
import { codeOf } from '../../../src/vscode/convert';
import { asSuperuser, createTeamRoles, startServer, type TestServer } from '../../db/server';
import { api, hoverText, until } from './helpers';

const TEAM = `---
title: Team statement on the Quillfeather Compact
date: 2025-02-11
---

Japan reaffirms its support for the Quillfeather Compact (QFC) on maritime cooperation among coastal States.

Japan recalls resolution 2917 (2025) on the protection of coastal fisheries.
`;
const RESTRICTED = `---
title: Restricted note on the Zephyr Oversight Panel
date: 2024-05-02
---

Japan welcomes the establishment of the Zephyr Oversight Panel under confidential arrangements.
`;
const DRAFT = 'Mr. President,\n\nJapan supports the QFC and recalls resolution 2917 (2025).\n';
const SERVER_SETTINGS = ['precedent.server.url', 'precedent.server.timeoutMs'];
const KEEPER_PASSWORD = 'quill-2025';

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Workspace);
  await until(`${key} in the extension host`, () => vscode.workspace.getConfiguration().inspect(key)?.workspaceValue === value);
}

async function hoverAt(document: vscode.TextDocument, word: string): Promise<string> {
  const position = document.positionAt(document.getText().indexOf(word) + 1);
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
}

describe('A team corpus on a PostgreSQL server', function () {
  this.timeout(120_000);
  let server: TestServer;
  const folders: string[] = [];

  const folderWith = (name: string, text: string) => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'precedent-team-'));
    writeFileSync(path.join(folder, name), text);
    folders.push(folder);
    return folder;
  };

  before(async () => {
    server = await startServer();
    await createTeamRoles(server);
    await publishCorpus({ url: server.url('writer'), collection: 'team', roots: [folderWith('quillfeather.md', TEAM)], cacheDir: null });
    await publishCorpus({
      url: server.url('writer'),
      collection: 'restricted',
      readers: 'restricted_reader',
      roots: [folderWith('zephyr.md', RESTRICTED)],
      cacheDir: null,
    });
    const { status } = await api();
    await setSetting('precedent.server.url', server.url('drafter'));
    await until('the status bar naming the server', () => /server: 1 document\b/.test(status.text) && status.text, 30_000);
  });

  after(async () => {
    for (const key of SERVER_SETTINGS) await setSetting(key, undefined);
    server?.stop();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('searches the server beside the local folders, and hovers from it', async () => {
    const { corpus, status } = await api();
    assert.match(status.tooltip, /Team server.*role drafter/s);
    assert.match(status.tooltip, /`team`/);
    const found = await corpus.current!.search('Quillfeather Compact maritime cooperation', { limit: 5 });
    assert.strictEqual(found[0]?.file, 'precedent-db:team/quillfeather.md');
    assert.strictEqual(corpus.originOf(found[0].file), 'server: team');

    const draft = await vscode.workspace.openTextDocument({ language: 'markdown', content: DRAFT });
    const acronym = await hoverAt(draft, 'QFC');
    assert.match(acronym, /\*\*QFC\*\* — Quillfeather Compact/);
    const citation = await hoverAt(draft, '2917');
    assert.match(citation, /Japan recalls resolution 2917 \\\(2025\\\)/);
    assert.match(citation, /\(command:precedent\.openSource\?[^)]*quillfeather[^)]*\).*server: team/);
  });

  it('opens a server passage as a read-only precedent-db: document, at the passage', async () => {
    const draft = await vscode.workspace.openTextDocument({ language: 'markdown', content: DRAFT });
    // The card's link to the server's passage, run as a click runs it.
    const link = /\(command:precedent\.openSource\?([^)\s]+)\)/.exec(await hoverAt(draft, '2917'))?.[1];
    assert.ok(link, 'the hover links the server passage');
    const [file, range] = JSON.parse(decodeURIComponent(link)) as [string, unknown];
    assert.strictEqual(file, 'precedent-db:team/quillfeather.md');
    await vscode.commands.executeCommand('precedent.openSource', file, range);
    const editor = await until('the server document in an editor', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.scheme === 'precedent-db' && active;
    });
    assert.strictEqual(editor.document.getText(), TEAM);
    assert.strictEqual(editor.selection.active.line, 7);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('shows the drafter nothing of a collection their role may not read', async () => {
    const { corpus } = await api();
    const found = await corpus.current!.search('Zephyr Oversight Panel confidential arrangements', { limit: 10 });
    assert.deepStrictEqual(
      found.filter((match) => match.file.startsWith('precedent-db:')),
      [],
    );
    await assert.rejects(corpus.serverDocumentText('precedent-db:restricted/zephyr.md'), /not on the server, or this role may not read it/);
  });

  it('connects a role that needs a password once it is set in the secret storage, and never writes it to settings', async () => {
    const { corpus, status } = await api();
    await asSuperuser(server, `CREATE ROLE keeper LOGIN PASSWORD '${KEEPER_PASSWORD}' NOBYPASSRLS IN ROLE precedent_reader`);
    server.requirePassword('keeper');
    try {
      await setSetting('precedent.server.url', server.url('keeper'));
      await until('the status bar saying the server refused the role', () => status.text.includes('server unreachable'));
      assert.match(status.tooltip, /the server asks for this role's password, and none was given.*Set Server Password/);
      await vscode.commands.executeCommand('precedent.setServerPassword', { password: KEEPER_PASSWORD });
      await until('the status bar naming the server', () => /server: 1 document\b/.test(status.text), 30_000);
      const found = await corpus.current!.search('Quillfeather Compact maritime cooperation', { limit: 5 });
      assert.strictEqual(found[0]?.file, 'precedent-db:team/quillfeather.md');
      const setting = vscode.workspace.getConfiguration().inspect<string>('precedent.server.url');
      assert.strictEqual(setting?.workspaceValue, server.url('keeper'));
      assert.ok(!JSON.stringify(setting).includes(KEEPER_PASSWORD), 'no setting holds the password');
      await vscode.commands.executeCommand('precedent.clearServerPassword');
      await until('the status bar saying the server refused the role again', () => status.text.includes('server unreachable'));
    } finally {
      await setSetting('precedent.server.url', server.url('drafter'));
    }
    await until('the status bar naming the server', () => /server: 1 document\b/.test(status.text), 30_000);
  });

  it('keeps the local folders working while the server is down, says so, and reconnects when it returns', async () => {
    const { corpus, status, panel } = await api();
    const draft = await vscode.workspace.openTextDocument({ language: 'markdown', content: DRAFT });
    server.halt();
    try {
      const local = await corpus.current!.search('attaches great importance to the assistance', { limit: 5 });
      assert.ok(local.length > 0, 'the local folders still answer');
      assert.ok(local.every((match) => !match.file.startsWith('precedent-db:')));
      await until('the status bar saying the server is unreachable', () => status.text.includes('server unreachable'));
      // The server first, then why it is away.
      assert.match(
        status.tooltip,
        /^\*\*Team server\*\* — the PostgreSQL server at 127[^\n]*\n\n\$\(debug-disconnect\) \*\*Unavailable:\*\* \w/,
      );
      const citation = await hoverAt(draft, '2917');
      assert.match(citation, /Server unavailable: local corpus only/);
      assert.doesNotMatch(citation, /server: team/);
      const marked = await until('the draft marked as checked without the server', () =>
        vscode.languages.getDiagnostics(draft.uri).find((d) => codeOf(d) === 'server-unavailable'),
      );
      assert.match(marked.message, /^Server unavailable: these checks used the local corpus only/);
      await panel.search('attaches great importance to the assistance');
      assert.ok(panel.viewModel.search.cards.length > 0);
      assert.match(panel.viewModel.search.message ?? '', /^Server unavailable: the local corpus only\./);
    } finally {
      server.resume();
    }
    await until('the status bar naming the server again', () => /server: 1 document\b/.test(status.text), 40_000);
    const again = await corpus.current!.search('Quillfeather Compact maritime cooperation', { limit: 5 });
    assert.strictEqual(again[0]?.file, 'precedent-db:team/quillfeather.md');
    await until(
      'the incomplete-checks mark gone',
      () => !vscode.languages.getDiagnostics(draft.uri).some((d) => codeOf(d) === 'server-unavailable'),
    );
  });
});
