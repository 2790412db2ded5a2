/**
 * Quick fixes in the lightbulb: each check's replacements (the first preferred), "Ignore this finding" (written to
 * the .precedent.json the draft reads), "Disable CODE for this line"; and `source.fixAll.precedent`.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/checks/types';
import { configBoundary } from './checkConfig';
import { checkPageUri, codeOf, DIAGNOSTIC_SOURCE, offsetsToRange } from './convert';
import type { DraftDiagnostics } from './diagnostics';
import { core } from './loadCore';

export const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('precedent');
export const IGNORE_FINDING_COMMAND = 'precedent.ignoreFinding';

export class PrecedentCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL];

  constructor(
    private readonly diagnostics: DraftDiagnostics,
    private readonly extensionUri: vscode.Uri,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const findings = this.diagnostics.findingsOf(document.uri);
    // Fix All asks for source.fixAll (which holds ours), a codeActionsOnSave entry may name ours exactly.
    if (context.only && (context.only.contains(FIX_ALL) || FIX_ALL.contains(context.only))) return [fixAll(document, findings)];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = findings.find(
        (f) => f.code === codeOf(diagnostic) && offsetsToRange(document, f.start, f.end).isEqual(diagnostic.range),
      );
      if (!finding || !diagnostic.range.intersection(range)) continue;
      finding.fixes.forEach((fix, i) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, offsetsToRange(document, fix.start, fix.end), fix.replacement);
        action.diagnostics = [diagnostic];
        action.isPreferred = i === 0 && fix === core().preferredFix(finding);
        actions.push(action);
      });
      actions.push(
        ignoreAction(document, finding, diagnostic),
        disableLineAction(document, finding, diagnostic),
        explainAction(finding, diagnostic, this.extensionUri),
      );
    }
    return actions;
  }
}

function fixAll(document: vscode.TextDocument, findings: Finding[]): vscode.CodeAction {
  const action = new vscode.CodeAction('Apply all of Precedent’s preferred fixes', FIX_ALL);
  action.edit = new vscode.WorkspaceEdit();
  let lastEnd = -1;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    const fix = core().preferredFix(finding);
    if (!fix || fix.start < lastEnd) continue;
    action.edit.replace(document.uri, offsetsToRange(document, fix.start, fix.end), fix.replacement);
    lastEnd = fix.end;
  }
  return action;
}

function ignoreAction(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(`Ignore this finding (${finding.code})`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.command = {
    command: IGNORE_FINDING_COMMAND,
    title: action.title,
    arguments: [document.uri, finding.code, document.getText().slice(finding.start, finding.end)],
  };
  return action;
}

function disableLineAction(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const line = document.positionAt(finding.start).line;
  const indent = /^\s*/.exec(document.lineAt(line).text)?.[0] ?? '';
  const directive = `precedent-disable-next-line ${finding.code}`;
  const comment = document.languageId === 'markdown' ? `<!-- ${directive} -->` : directive;
  const action = new vscode.CodeAction(`Disable ${finding.code} for this line`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.edit = new vscode.WorkspaceEdit();
  action.edit.insert(document.uri, new vscode.Position(line, 0), `${indent}${comment}\n`);
  return action;
}

/** The check's page, in the Markdown preview: what it flags, what it leaves alone, how to turn it off. */
function explainAction(finding: Finding, diagnostic: vscode.Diagnostic, extensionUri: vscode.Uri): vscode.CodeAction {
  const action = new vscode.CodeAction(`Explain ${finding.code}`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.command = { command: 'markdown.showPreview', title: action.title, arguments: [checkPageUri(extensionUri, finding.code)] };
  return action;
}

/**
 * Writes the dismissal to the `.precedent.json` the draft reads (one at its workspace folder's root when none does),
 * says what it wrote and where, and offers Undo. `onChanged` runs after each write (to re-check the drafts); the
 * returned promise settles once the message is answered or dismissed.
 */
export async function ignoreFinding(uri: vscode.Uri, code: string, text: string, onChanged: () => void): Promise<string | null> {
  if (uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('Precedent can remember a dismissed finding only for a saved file.');
    return null;
  }
  const entry = { file: uri.fsPath, code, text };
  let configFile: string;
  try {
    configFile = await core().dismissFinding(entry, await configBoundary(uri));
  } catch (error) {
    void vscode.window.showErrorMessage(`Precedent could not remember the dismissal: ${(error as Error).message}`);
    return null;
  }
  onChanged();
  const where = vscode.workspace.asRelativePath(configFile);
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  void vscode.window
    .showInformationMessage(`Precedent: "${shown}" (${code}) is ignored in this draft — written to ${where}.`, 'Undo', 'Open File')
    .then(async (choice) => {
      if (choice === 'Undo') {
        await core().restoreFinding(entry, configFile);
        onChanged();
      } else if (choice === 'Open File') await vscode.window.showTextDocument(vscode.Uri.file(configFile));
    });
  return configFile;
}
