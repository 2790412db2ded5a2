/**
 * The `.precedent.json` a document reads. The core looks for it from the document up to a boundary; the editor
 * gives the boundary it alone knows, the document's workspace folder.
 */
import * as vscode from 'vscode';
import type { CheckConfig } from '../core/checks/config';
import { core } from './loadCore';
import { withCheckSettings } from './settings';

/** The document's workspace folder; outside every folder, its repository's root or else its own folder. */
export async function configBoundary(uri: vscode.Uri): Promise<string> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder ? folder.uri.fsPath : core().projectBoundary(uri.fsPath);
}

/** The configuration a document's checks follow, with the settings the user set over it; the defaults for an unsaved one. */
export async function checkConfigFor(uri: vscode.Uri): Promise<CheckConfig> {
  const config = uri.scheme === 'file' ? await core().findConfig(uri.fsPath, await configBoundary(uri)) : core().DEFAULT_CONFIG;
  return withCheckSettings(config);
}
