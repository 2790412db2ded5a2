/** Ghost text: the continuation of the sentence being typed, from the corpus; several alternatives. */
import * as vscode from 'vscode';
import { asSignal, unlessCancelled } from './cancellation';
import type { CorpusQueries } from '../core/service';
import { draftFileOf } from './convert';
import type { CorpusService } from './corpusService';
import { readSettings } from './settings';

const ALTERNATIVES = 3;

export class PrecedentInlineCompletions implements vscode.InlineCompletionItemProvider {
  constructor(private readonly corpus: CorpusService) {}

  async provideInlineCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    _context: vscode.InlineCompletionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.InlineCompletionItem[]> {
    const queries = this.corpus.current;
    if (!queries || !readSettings().completionsEnabled || token.isCancellationRequested) return [];
    const typed = await unlessCancelled(sentenceTyped(queries, document, position, token), null);
    if (!typed || token.isCancellationRequested) return [];
    // The rest of the line: the continuation must end where it can follow (a comma the drafter already wrote, a word).
    const after = document.lineAt(position.line).text.slice(position.character);
    const continuations = await unlessCancelled(queries.complete(typed, ALTERNATIVES, { after, ...asSignal(token) }), []);
    const items = continuations.map((continuation) => {
      const item = new vscode.InlineCompletionItem(continuation.text, new vscode.Range(position, position));
      item.filterText = typed;
      return item;
    });
    return token.isCancellationRequested ? [] : items;
  }
}

/**
 * The sentence typed so far, as the core segments the draft: from its start to the cursor; null outside prose (front
 * matter, code, HTML, a link's destination) or before a second word.
 */
async function sentenceTyped(
  queries: CorpusQueries,
  document: vscode.TextDocument,
  position: vscode.Position,
  token: vscode.CancellationToken,
): Promise<string | null> {
  const text = document.getText();
  const offset = document.offsetAt(position);
  const place = await queries.draftPlace(text, draftFileOf(document), offset, asSignal(token));
  if (!place.prose || !place.sentence) return null;
  const sentence = text.slice(place.sentence.start, offset);
  return sentence.trim().split(/\s+/).length >= 2 ? sentence : null;
}
