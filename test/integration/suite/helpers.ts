// What the integration tests share: the extension's API, the fixture workspace's files, waiting for the editor.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PrecedentApi } from '../../../src/vscode/extension';

// publisher.name from package.json
export const EXTENSION_ID = 'precedent.precedent';

/** The extension's API once the corpus is loaded. */
export async function api(): Promise<PrecedentApi> {
  const extension = vscode.extensions.getExtension<PrecedentApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const exports = await extension.activate();
  await exports.corpus.whenReady();
  return exports;
}

export function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/** Polls probe() until it returns something truthy, and returns that; throws after timeoutMs. */
export async function until<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The Markdown of every hover card at a place, joined. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}
