import * as assert from 'assert';
import * as vscode from 'vscode';
import { report } from './report';

// publisher.name from package.json
const EXTENSION_ID = 'precedent.precedent';

describe('activation', () => {
  it('the extension activates', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded in the extension host`);
    // onStartupFinished may have started activation already; then activate() waits for it and the time
    // measured is only what was left, so say which case it was.
    const wasActive = extension.isActive;
    const start = performance.now();
    await extension.activate();
    const ms = performance.now() - start;
    assert.strictEqual(extension.isActive, true);
    report(this.test?.fullTitle() ?? 'activation', 'activate()', `${ms.toFixed(1)} ms${wasActive ? ' (was already active)' : ''}`);
  });

  it('registers the command precedent.showLog', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('precedent.showLog'), 'precedent.showLog is not among the registered commands');
  });
});
