/** Compare Paragraph with Precedent: a diff between the paragraph at the cursor and its closest corpus paragraph. */
import * as path from 'path';
import * as vscode from 'vscode';
import type { CorpusService } from './corpusService';

export const COMPARE_SCHEME = 'precedent-compare';

/** Serves the two sides of a comparison as read-only documents. */
export class ComparisonDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  put(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: COMPARE_SCHEME, path: `/${name}`, query: String(Date.now()) });
    this.contents.set(uri.toString(), text);
    return uri;
  }
}

export async function compareParagraph(corpus: CorpusService, documents: ComparisonDocuments): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const queries = corpus.current;
  if (!editor || !queries) {
    void vscode.window.showInformationMessage(
      queries ? 'Open a draft and put the cursor in a paragraph.' : 'The corpus is still being indexed.',
    );
    return;
  }
  const paragraph = paragraphAt(editor.document, editor.selection.active.line);
  if (!paragraph.trim()) {
    void vscode.window.showInformationMessage('The cursor is not in a paragraph.');
    return;
  }
  const [closest] = await queries.search(paragraph.replace(/\s+/g, ' ').slice(0, 600), { limit: 1 });
  if (!closest) {
    void vscode.window.showInformationMessage('No corpus passage is close to this paragraph.');
    return;
  }
  const left = documents.put(`${path.basename(closest.file)} (precedent)`, `${closest.context}\n`);
  const right = documents.put('paragraph (draft)', `${paragraph.replace(/\s*\n\s*/g, ' ').trim()}\n`);
  const title = `Precedent: ${closest.title ?? path.basename(closest.file)}${closest.date ? ` (${closest.date})` : ''} ↔ draft`;
  await vscode.commands.executeCommand('vscode.diff', left, right, title);
}

/** The lines around `line` up to the blank lines that bound its paragraph. */
function paragraphAt(document: vscode.TextDocument, line: number): string {
  let first = line;
  let last = line;
  while (first > 0 && !document.lineAt(first - 1).isEmptyOrWhitespace) first--;
  while (last < document.lineCount - 1 && !document.lineAt(last + 1).isEmptyOrWhitespace) last++;
  return document.getText(new vscode.Range(first, 0, last, document.lineAt(last).text.length));
}
