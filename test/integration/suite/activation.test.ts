import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PrecedentApi } from '../../../src/vscode/extension';
import { EXTENSION_ID } from './helpers';
import { report } from './report';

interface PerformanceMark {
  name: string;
  startTime: number;
}

/**
 * How long VS Code itself measured loading the extension's entry module and calling its activate(): the extension
 * host marks both (the figures "Developer: Show Running Extensions" shows) in its performance marks, a global no API
 * exposes; null where that global or the marks are missing.
 */
function measuredByVsCode(id: string): { loadMs: number; activateMs: number } | null {
  const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks(): PerformanceMark[] } }).MonacoPerformanceMarks?.getMarks();
  const at = (event: string) => marks?.find((mark) => mark.name === `code/extHost/${event}/${id}`)?.startTime;
  const [willLoad, didLoad, willActivate, didActivate] = [
    'willLoadExtensionCode',
    'didLoadExtensionCode',
    'willActivateExtension',
    'didActivateExtension',
  ].map(at);
  if (willLoad === undefined || didLoad === undefined || willActivate === undefined || didActivate === undefined) return null;
  return { loadMs: didLoad - willLoad, activateMs: didActivate - willActivate };
}

describe('activation', () => {
  it('the extension activates', async function () {
    const extension = vscode.extensions.getExtension<PrecedentApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded in the extension host`);
    const { activationMs } = await extension.activate();
    assert.strictEqual(extension.isActive, true);
    const title = this.test?.fullTitle() ?? 'activation';
    report(title, 'activate() by its own clock', `${activationMs.toFixed(1)} ms`);
    const vscodeFigures = measuredByVsCode(EXTENSION_ID);
    if (vscodeFigures) {
      report(title, 'VS Code: loading dist/extension.js', `${vscodeFigures.loadMs} ms`);
      report(title, 'VS Code: calling activate()', `${vscodeFigures.activateMs} ms`);
    } else {
      report(title, 'VS Code', 'its activation marks are not reachable in this version');
    }
  });

  it('registers the command precedent.showLog', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('precedent.showLog'), 'precedent.showLog is not among the registered commands');
  });
});
