/**
 * Open Example Draft: the packaged example statement as a new, unsaved Markdown document (nothing written to disk).
 * Insert Statement Template: the statement skeletons of snippets/ in a pick, each showing its first lines; the chosen
 * one is inserted as a snippet. Markdown turns quick suggestions off, so typing a snippet's prefix alone does not
 * offer it: this command (and Ctrl+Space) does.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { StatementTemplate } from '../core/snippets';
import { core } from './loadCore';

interface TemplateItem extends vscode.QuickPickItem {
  template: StatementTemplate;
}

/** Inserts the chosen template at the cursor (in a new Markdown draft when no editor is open); returns its name. */
export async function insertStatementTemplate(extensionPath: string): Promise<string | null> {
  const file = path.join(extensionPath, 'snippets', 'statements.code-snippets');
  const json = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(file))).toString('utf8');
  const items: TemplateItem[] = core()
    .parseTemplates(json, file)
    .map((template) => ({ label: template.name, description: template.prefix, detail: template.preview, template }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Insert Statement Template',
    placeHolder: 'A statement skeleton to insert at the cursor',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return null;
  const editor =
    vscode.window.activeTextEditor ??
    (await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: '' })));
  await editor.insertSnippet(new vscode.SnippetString(picked.template.body));
  return picked.template.name;
}

export async function openExampleDraft(extensionPath: string): Promise<vscode.TextEditor> {
  const example = vscode.Uri.file(path.join(extensionPath, 'examples', 'draft-statement.md'));
  const content = Buffer.from(await vscode.workspace.fs.readFile(example)).toString('utf8');
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content }));
}
