/**
 * Add Corpus Folder…: a folder picker that writes `precedent.corpus.paths` — at workspace scope, relative to the
 * workspace folder when the chosen folder is inside it, absolute otherwise; in the user settings when no folder is
 * open. "Choose Folder…" on a corpus folder that gave nothing runs it to replace that folder.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { core } from './loadCore';
import { resolveInWorkspace } from './settings';

export const ADD_CORPUS_FOLDER_COMMAND = 'precedent.addCorpusFolder';
export const CHOOSE_FOLDER = 'Choose Folder…';
const USER_SETTINGS = 'Add to User Settings';
const MANAGE_TRUST = 'Manage Workspace Trust';

/** What was written, for the caller and the tests; null when nothing was. */
export interface AddedFolders {
  paths: string[];
  target: 'workspace' | 'user';
}

/** `replacing`: a folder that gave nothing, which the chosen one takes the place of. `folders`: chosen already (by a script). */
export interface AddCorpusFolderOptions {
  replacing?: string;
  folders?: vscode.Uri[];
}

export async function addCorpusFolder({ replacing, folders }: AddCorpusFolderOptions = {}): Promise<AddedFolders | null> {
  if (!vscode.workspace.isTrusted) {
    const choice = await vscode.window.showWarningMessage(
      'Precedent reads only its bundled corpus until you trust this workspace; then it reads the folders you choose.',
      MANAGE_TRUST,
    );
    if (choice === MANAGE_TRUST) await vscode.commands.executeCommand('workbench.trust.manage');
    return null;
  }
  const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
  if (!workspaceFolder && !folders) {
    const choice = await vscode.window.showInformationMessage(
      'No folder is open, so there are no workspace settings. Add the corpus folder to your user settings (for every window)?',
      { modal: true },
      USER_SETTINGS,
    );
    if (choice !== USER_SETTINGS) return null;
  }
  const chosen =
    folders ??
    (await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: true,
      defaultUri: workspaceFolder?.uri,
      openLabel: 'Use as Corpus',
      title: 'Precedent: folders of past statements (.txt, .md, Word, PDF)',
    }));
  if (!chosen || chosen.length === 0) return null;
  const target = workspaceFolder ? 'workspace' : 'user';
  const added = chosen.map((uri) => settingPath(uri.fsPath, workspaceFolder?.uri.fsPath));
  await writeCorpusPaths(added, target, replacing);
  const where = target === 'workspace' ? 'the workspace settings' : 'your user settings';
  void vscode.window.showInformationMessage(`Precedent: added ${added.join(', ')} to precedent.corpus.paths in ${where}.`);
  return { paths: added, target };
}

/** Relative to the workspace folder when inside it (so that the setting travels with the workspace), else absolute. */
function settingPath(folder: string, workspaceFolder: string | undefined): string {
  if (!workspaceFolder || !core().isInside(folder, workspaceFolder)) return folder;
  return path.relative(workspaceFolder, folder).split(path.sep).join('/') || '.';
}

/**
 * The scope's own list (or, when it has none, the default "corpus" folder if it exists) with the new folders;
 * `replacing`, a folder that gave nothing, leaves it.
 */
async function writeCorpusPaths(added: string[], target: 'workspace' | 'user', replacing: string | undefined): Promise<void> {
  const config = vscode.workspace.getConfiguration('precedent');
  const inspected = config.inspect<string[]>('corpus.paths');
  const own = target === 'workspace' ? inspected?.workspaceValue : inspected?.globalValue;
  const current = own ?? (await existingDefaults(inspected?.defaultValue ?? []));
  const kept = current.filter((entry) => replacing === undefined || resolveInWorkspace(entry) !== replacing);
  const paths = [...new Set([...kept, ...added])];
  await config.update(
    'corpus.paths',
    paths,
    target === 'workspace' ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global,
  );
}

async function existingDefaults(defaults: string[]): Promise<string[]> {
  const existing: string[] = [];
  for (const entry of defaults) {
    await vscode.workspace.fs.stat(vscode.Uri.file(resolveInWorkspace(entry))).then(
      () => existing.push(entry),
      () => undefined,
    );
  }
  return existing;
}
