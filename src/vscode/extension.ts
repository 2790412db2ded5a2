/** The extension's entry: activation only; the editor features arrive with their own modules. */
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Precedent', { log: true });
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('precedent.showLog', () => log.show()),
  );
  log.info(`Precedent ${context.extension.packageJSON.version} activated`);
}

export function deactivate(): void {}
