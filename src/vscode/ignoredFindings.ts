/**
 * Show Ignored Findings: the dismissals in every `.precedent.json` of every workspace folder; picking one brings it
 * back.
 */
import * as vscode from 'vscode';
import type { IgnoredFinding } from '../core/checks/config';
import { core } from './loadCore';

interface IgnoredItem extends vscode.QuickPickItem {
  entry: IgnoredFinding;
  configFile: string;
}

export async function showIgnoredFindings(): Promise<boolean> {
  const items = await ignoredItems();
  if (items.length === 0) {
    void vscode.window.showInformationMessage('No findings are ignored in this workspace.');
    return false;
  }
  const picked = await vscode.window.showQuickPick(items, { title: 'Ignored findings', placeHolder: 'Pick a finding to show it again' });
  if (!picked) return false;
  try {
    await core().restoreFinding(picked.entry, picked.configFile);
  } catch (error) {
    void vscode.window.showErrorMessage(`Precedent could not bring the finding back: ${(error as Error).message}`);
    return false;
  }
  return true;
}

async function ignoredItems(): Promise<IgnoredItem[]> {
  const { CONFIG_FILE, parseConfig } = core();
  const configFiles = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `**/${CONFIG_FILE}`), '**/node_modules/**');
    for (const uri of found) configFiles.set(uri.fsPath, uri);
  }
  const items: IgnoredItem[] = [];
  for (const [configFile, uri] of [...configFiles].sort(([a], [b]) => a.localeCompare(b))) {
    const text = await vscode.workspace.fs.readFile(uri).then(
      (bytes) => Buffer.from(bytes).toString('utf8'),
      () => null,
    );
    if (text === null) continue;
    for (const entry of parseConfig(text, configFile).ignore) {
      const where = vscode.workspace.asRelativePath(entry.file);
      const from = vscode.workspace.asRelativePath(configFile);
      items.push({ label: entry.text, description: entry.code, detail: `${where} — in ${from}`, entry, configFile });
    }
  }
  return items;
}
