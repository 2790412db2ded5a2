/** Show Ignored Findings: the dismissals in the workspace's .precedent.json; picking one brings it back. */
import * as path from 'path';
import * as vscode from 'vscode';
import { core } from './loadCore';

export async function showIgnoredFindings(): Promise<boolean> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return false;
  const { CONFIG_FILE, editIgnored, parseConfig } = core();
  const configUri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
  const text = await vscode.workspace.fs.readFile(configUri).then(
    (bytes) => Buffer.from(bytes).toString('utf8'),
    () => null,
  );
  const ignored = text === null ? [] : parseConfig(text, configUri.fsPath).ignore;
  if (ignored.length === 0) {
    void vscode.window.showInformationMessage('No findings are ignored in this workspace.');
    return false;
  }
  const picked = await vscode.window.showQuickPick(
    ignored.map((entry) => ({ label: entry.text, description: entry.code, detail: path.relative(folder.uri.fsPath, entry.file), entry })),
    { title: 'Ignored findings', placeHolder: 'Pick a finding to show it again' },
  );
  if (!picked) return false;
  await vscode.workspace.fs.writeFile(configUri, Buffer.from(editIgnored(text, configUri.fsPath, picked.entry, 'remove'), 'utf8'));
  return true;
}
