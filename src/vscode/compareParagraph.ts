/**
 * Compare Paragraph with Precedent: a diff, with words wrapped, between the paragraph at the cursor and the corpus
 * paragraph the drafter chooses among the three closest (speaker tags left out; page furniture never was in). The
 * chooser opens a precedent's source (a local file, or a team server's document, read-only) at the paragraph.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { ParagraphMatch } from '../core/search/closestParagraphs';
import type { CorpusService } from './corpusService';
import { showSource } from './sourceDocuments';

export const COMPARE_SCHEME = 'precedent-compare';
/** The language of the two sides of a comparison (see package.json): plain text that wraps. */
export const COMPARE_LANGUAGE = 'precedent-compare';
/** The closest precedents offered to compare with. */
const PRECEDENTS = 3;
const OPEN_SOURCE = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open the source at this paragraph' };

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
  const found = await queries.closestParagraphs(paragraph, PRECEDENTS);
  const chosen = found.length > 1 ? await choosePrecedent(found, corpus) : found[0];
  if (found.length === 0) void vscode.window.showInformationMessage('No corpus paragraph is close to this paragraph.');
  if (!chosen) return;
  const left = documents.put(`${path.basename(chosen.file)} (precedent)`, `${chosen.text}\n`);
  const right = documents.put('paragraph (draft)', `${paragraph.replace(/\s*\n\s*/g, ' ').trim()}\n`);
  // Their own language, whose default (package.json, configurationDefaults) wraps words: a paragraph is one long
  // line, and the drafter's own settings stay as they are.
  await Promise.all(
    [left, right].map(async (uri) =>
      vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), COMPARE_LANGUAGE),
    ),
  );
  const title = `Precedent: ${chosen.title ?? path.basename(chosen.file)}${chosen.date ? ` (${chosen.date})` : ''} ↔ draft`;
  await vscode.commands.executeCommand('vscode.diff', left, right, title);
}

/**
 * The closest precedents, for the drafter to choose the one to compare with; each names where it comes from (a
 * local folder or the team server's collection), and its button opens the source at the paragraph.
 */
function choosePrecedent(found: ParagraphMatch[], corpus: CorpusService): Promise<ParagraphMatch | undefined> {
  const picker = vscode.window.createQuickPick<vscode.QuickPickItem & { match: ParagraphMatch }>();
  picker.title = 'Compare Paragraph with Precedent';
  picker.placeholder = 'The closest paragraphs in the corpus: which one to compare with?';
  picker.matchOnDetail = true;
  picker.items = found.map((match) => ({
    label: [match.date?.slice(0, 4), match.speaker].filter(Boolean).join(' · ') || path.basename(match.file),
    description: [
      `${Math.round(match.similarity * 100)}% alike`,
      match.title ?? path.basename(match.file),
      corpus.originOf(match.file),
    ].join(' · '),
    detail: match.text,
    buttons: [OPEN_SOURCE],
    match,
  }));
  if (corpus.serverShortfall) picker.title = `${picker.title} — server unavailable: local corpus only`;
  return new Promise((resolve) => {
    picker.onDidTriggerItemButton(({ item }) => {
      picker.hide();
      void showSource(item.match.file, item.match.range).then(undefined, (error: Error) =>
        vscode.window.showErrorMessage(`Precedent: ${error.message}`),
      );
    });
    picker.onDidAccept(() => {
      resolve(picker.selectedItems[0]?.match);
      picker.hide();
    });
    picker.onDidHide(() => {
      resolve(undefined);
      picker.dispose();
    });
    picker.show();
  });
}

/** The lines around `line` up to the blank lines that bound its paragraph. */
function paragraphAt(document: vscode.TextDocument, line: number): string {
  let first = line;
  let last = line;
  while (first > 0 && !document.lineAt(first - 1).isEmptyOrWhitespace) first--;
  while (last < document.lineCount - 1 && !document.lineAt(last + 1).isEmptyOrWhitespace) last++;
  return document.getText(new vscode.Range(first, 0, last, document.lineAt(last).text.length));
}
