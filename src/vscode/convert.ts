/** Core types to VS Code types, in one place. */
import * as vscode from 'vscode';
import type { Finding, Severity } from '../core/checks/types';
import type { SourceRange } from '../core/types';
import { core } from './loadCore';

/** Word and PDF files are shown as the text extracted from them, which their passages' positions point into. */
export const EXTRACTED_SCHEME = 'precedent-extracted';

/**
 * A document of the team server's corpus, shown read-only: `precedent-db:/COLLECTION/PATH`, the URI form of the
 * core's `precedent-db:COLLECTION/PATH` references (src/core/db/reference.ts).
 */
export const SERVER_DOCUMENT_SCHEME = 'precedent-db';

/**
 * Where the editor shows a corpus file: the file itself, the read-only view of the text extracted from it, or a
 * server document.
 */
export function sourceUri(file: string): vscode.Uri {
  const reference = core().parseDocumentReference(file);
  if (reference) return vscode.Uri.from({ scheme: SERVER_DOCUMENT_SCHEME, path: `/${reference.collection}/${reference.path}` });
  const uri = vscode.Uri.file(file);
  return core().isWordOrPdf(file) ? uri.with({ scheme: EXTRACTED_SCHEME }) : uri;
}

/** The core's reference to the server document a `precedent-db:` URI shows. */
export function serverReferenceOf(uri: vscode.Uri): string {
  const [collection, ...rest] = uri.path.replace(/^\//, '').split('/');
  return core().documentReference(collection, rest.join('/'));
}

/** The name a draft is checked under: its path, or its URI when it has none (an untitled draft). */
export function draftFileOf(document: vscode.TextDocument): string {
  return document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.toString();
}

export function toRange(range: SourceRange): vscode.Range {
  return new vscode.Range(range.startLine, range.startColumn, range.endLine, range.endColumn);
}

export function offsetsToRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'Precedent';

/** The check's page in the installed extension (offline): where a finding's code links to. */
export function checkPageUri(extensionUri: vscode.Uri, code: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, core().checkPagePath(code));
}

/** The check code of one of Precedent's diagnostics (which carries it with the link to its page). */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const { code } = diagnostic;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

export function toDiagnostic(document: vscode.TextDocument, finding: Finding, extensionUri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    offsetsToRange(document, finding.start, finding.end),
    finding.message,
    SEVERITIES[finding.severity],
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.code, target: checkPageUri(extensionUri, finding.code) };
  diagnostic.relatedInformation = finding.related.map(
    (related) =>
      new vscode.DiagnosticRelatedInformation(new vscode.Location(sourceUri(related.file), toRange(related.range)), related.text),
  );
  return diagnostic;
}
