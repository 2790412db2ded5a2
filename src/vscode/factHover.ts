/**
 * Fact hover: on a figure or an organisation in a draft, the corpus facts about the same subject as a small timeline,
 * newest first with dates and sources — so a drafter sees at once that the draft's figure is the 2017 one.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { Fact } from '../core/facts/factBase';
import { asSignal, unlessCancelled } from './cancellation';
import type { CorpusService } from './corpusService';
import { core } from './loadCore';
import { escapeMarkdown, sourceLink } from './markdown';

export class FactHover implements vscode.HoverProvider {
  constructor(private readonly corpus: CorpusService) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | null> {
    const queries = this.corpus.current;
    if (!queries) return null;
    const found = await unlessCancelled(queries.factsAt(document.getText(), document.offsetAt(position), asSignal(token)), null);
    if (!found) return null;
    const card = new vscode.MarkdownString();
    card.appendMarkdown(`**What the corpus records** — ${escapeMarkdown(found.about)}`);
    for (const fact of found.facts) card.appendMarkdown(`\n\n${timelineEntry(fact)}`);
    return new vscode.Hover(card, new vscode.Range(document.positionAt(found.start), document.positionAt(found.end)));
  }
}

function timelineEntry(fact: Fact): string {
  const also = fact.alsoIn.length > 0 ? ` (also in ${fact.alsoIn.map((file) => escapeMarkdown(path.basename(file))).join(', ')})` : '';
  return `- **${escapeMarkdown(core().factWhen(fact))}** — ${escapeMarkdown(core().describeFact(fact))}: ${sourceLink(fact)}${also}`;
}
