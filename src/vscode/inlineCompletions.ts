/** Ghost text: the continuation of the sentence being typed, from the corpus; several alternatives. */
import * as vscode from 'vscode';
import type { Continuation } from '../core/search/complete';
import { asSignal, unlessCancelled } from './cancellation';
import type { CorpusService } from './corpusService';
import { readSettings } from './settings';

const ALTERNATIVES = 3;
const LOOK_BACK_LINES = 10;

/** The ghost text offered first: in which draft, where, and the continuation (which names its source). */
export interface GhostOffer {
  document: vscode.TextDocument;
  position: vscode.Position;
  continuation: Continuation;
}

export class PrecedentInlineCompletions implements vscode.InlineCompletionItemProvider {
  private readonly offered = new vscode.EventEmitter<GhostOffer | null>();
  /** Fires with the continuation offered first as ghost text (null when none is), so the panel can mark its passage. */
  readonly onDidOffer = this.offered.event;

  constructor(private readonly corpus: CorpusService) {}

  async provideInlineCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    _context: vscode.InlineCompletionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.InlineCompletionItem[]> {
    const queries = this.corpus.current;
    if (!queries || !readSettings().completionsEnabled || token.isCancellationRequested) return [];
    if (inFrontMatter(document, position) || inCode(document, position)) return [];
    const typed = sentenceBefore(document, position);
    if (!typed) return [];
    const continuations = await unlessCancelled(queries.complete(typed, ALTERNATIVES, asSignal(token)), []);
    const items = continuations.map((continuation) => {
      const item = new vscode.InlineCompletionItem(continuation.text, new vscode.Range(position, position));
      item.filterText = typed;
      return item;
    });
    if (token.isCancellationRequested) return [];
    // Ghost text shows where nothing follows the cursor on its line: only then is a passage's wording on offer.
    const shown = document.lineAt(position.line).text.slice(position.character).trim() === '';
    const [first] = continuations;
    this.offered.fire(shown && first ? { document, position, continuation: first } : null);
    return items;
  }
}

/** The sentence typed so far: from the end of the previous sentence (or the paragraph's start) to the cursor. */
export function sentenceBefore(document: vscode.TextDocument, position: vscode.Position): string | null {
  const from = new vscode.Position(Math.max(0, position.line - LOOK_BACK_LINES), 0);
  const before = document.getText(new vscode.Range(from, position));
  const paragraph = before.slice(before.lastIndexOf('\n\n') + 1);
  const sentenceStart = Math.max(...[...paragraph.matchAll(/[.!?]["'”’)]*\s+/g)].map((m) => (m.index ?? 0) + m[0].length), 0);
  const sentence = paragraph.slice(sentenceStart).replace(/^\s+/, '');
  return sentence.trim().split(/\s+/).length >= 2 ? sentence : null;
}

function inFrontMatter(document: vscode.TextDocument, position: vscode.Position): boolean {
  if (document.lineAt(0).text.trim() !== '---') return false;
  for (let line = 1; line < document.lineCount && line <= position.line; line++) {
    if (/^(---|\.\.\.)\s*$/.test(document.lineAt(line).text)) return line >= position.line;
  }
  return true;
}

/** Inside a fenced code block or an inline code span of a Markdown draft. */
function inCode(document: vscode.TextDocument, position: vscode.Position): boolean {
  if (document.languageId !== 'markdown') return false;
  let fences = 0;
  for (let line = 0; line < position.line; line++) if (/^\s*(```|~~~)/.test(document.lineAt(line).text)) fences++;
  const lineBefore = document.lineAt(position.line).text.slice(0, position.character);
  return fences % 2 === 1 || (lineBefore.match(/`/g)?.length ?? 0) % 2 === 1;
}
