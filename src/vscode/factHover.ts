/**
 * Fact hover: on a figure or an organisation in a draft, the answer first — the newest thing the corpus records about
 * the same subject, with its date and source — then at most two older entries of the timeline, and a link to the
 * rest in Look Up Facts: so a drafter sees at once that the draft's figure is the 2017 one.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { Fact } from '../core/facts/factBase';
import { asSignal, unlessCancelled } from './cancellation';
import type { CorpusService } from './corpusService';
import { core } from './loadCore';
import { OPEN_SOURCE_COMMAND } from './sourceDocuments';
import { escapeMarkdown, shortfallLine, sourceLink } from './markdown';

/** Older entries under the answer: enough to see the timeline, few enough to keep the card above the fold. */
const TIMELINE_ENTRIES = 2;

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
    const [newest] = found.facts;
    if (!newest) return null;
    const card = new vscode.MarkdownString();
    card.isTrusted = { enabledCommands: ['precedent.lookUpFacts', 'vscode.open', OPEN_SOURCE_COMMAND] };
    card.supportThemeIcons = true;
    // The answer, then where it was said; then the older entries of the timeline.
    card.appendMarkdown(`**${escapeMarkdown(core().describeFact(newest))}** · ${escapeMarkdown(core().factWhen(newest))}`);
    card.appendMarkdown(`\n\n${sourceLink(newest)}${alsoIn(newest)}`);
    const older = found.facts.slice(1, 1 + TIMELINE_ENTRIES);
    if (older.length > 0) card.appendMarkdown('\n\n---');
    for (const fact of older) card.appendMarkdown(`\n\n${timelineEntry(fact)}`);
    const more = found.facts.length - 1 - older.length;
    if (more > 0) {
      const lookUp = `command:precedent.lookUpFacts?${encodeURIComponent(JSON.stringify([found.about]))}`;
      card.appendMarkdown(`\n\n[${more} more about ${escapeMarkdown(found.about)} — Look Up Facts](${lookUp})`);
    }
    const shortfall = this.corpus.serverShortfall;
    if (shortfall) card.appendMarkdown(shortfallLine(shortfall));
    return new vscode.Hover(card, new vscode.Range(document.positionAt(found.start), document.positionAt(found.end)));
  }
}

function timelineEntry(fact: Fact): string {
  const { factWhen, describeFact } = core();
  return `- **${escapeMarkdown(factWhen(fact))}** — ${escapeMarkdown(describeFact(fact))}: ${sourceLink(fact)}${alsoIn(fact)}`;
}

function alsoIn(fact: Fact): string {
  return fact.alsoIn.length > 0 ? ` (also in ${fact.alsoIn.map((file) => escapeMarkdown(path.basename(file))).join(', ')})` : '';
}
