/**
 * Corpus files as the editor shows them: a text file as itself; a Word or PDF file as a read-only view of the
 * text extracted from it, which is what a passage's lines and columns point into; a document of the team server as
 * a read-only view of its text as published (which its passages' positions count).
 */
import * as vscode from 'vscode';
import type { SourceRange } from '../core/types';
import type { CorpusService } from './corpusService';
import { serverReferenceOf, sourceUri, toRange } from './convert';
import { core } from './loadCore';

export class ExtractedTextDocuments implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    return core().readExtractedText(uri.fsPath);
  }
}

/** Opens a corpus passage's source (file, range): what hover links to a source other than a file run. */
export const OPEN_SOURCE_COMMAND = 'precedent.openSource';

export class ServerDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly corpus: CorpusService) {}

  /** Fails (VS Code shows why) when the server is away or the role may not read the document. */
  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    return this.corpus.serverDocumentText(serverReferenceOf(uri));
  }
}

export function openSourceDocument(file: string): Thenable<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(sourceUri(file));
}

/** Opens a corpus file at a passage. */
export async function showSource(file: string, range: SourceRange): Promise<void> {
  await vscode.window.showTextDocument(await openSourceDocument(file), { selection: toRange(range), preview: true });
}
