/**
 * Hover cards: on a resolution citation, what the registry knows and the corpus passages that cite it (a finding on
 * it shows above, in VS Code's own part of the card); on an acronym, its expansion as the corpus defines it and how
 * often the corpus uses it.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { Citation } from '../core/citations/extract';
import type { RegistryEntry, ResolutionRegistry } from '../core/citations/registry';
import type { CorpusQueries } from '../core/service';
import { asSignal, unlessCancelled } from './cancellation';
import { draftFileOf } from './convert';
import type { CorpusService } from './corpusService';
import { core } from './loadCore';
import { OPEN_SOURCE_COMMAND } from './sourceDocuments';
import { escapeMarkdown as escape, shortfallLine, sourceLink } from './markdown';

const ACRONYM = /\b\p{Lu}[\p{Lu}\d&]{1,10}\b/u;
/** Passages under the answer: enough to see how the corpus cites it, few enough to keep the card above the fold. */
const CITING_PASSAGES = 2;

export class PrecedentHover implements vscode.HoverProvider {
  constructor(
    private readonly corpus: CorpusService,
    private readonly registry: () => Promise<ResolutionRegistry>,
  ) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | null> {
    const queries = this.corpus.current;
    if (!queries) return null;
    return unlessCancelled(this.hoverAt(queries, document, position, token), null);
  }

  private async hoverAt(
    queries: CorpusQueries,
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | null> {
    // The draft as the checks read it: a citation in code or in a link's destination is none.
    const { citation } = await queries.draftPlace(document.getText(), draftFileOf(document), document.offsetAt(position), asSignal(token));
    if (citation) {
      const range = new vscode.Range(document.positionAt(citation.start), document.positionAt(citation.end));
      return new vscode.Hover(this.withShortfall(await citationCard(queries, citation, await this.registry(), token)), range);
    }
    const wordRange = document.getWordRangeAtPosition(position, ACRONYM);
    if (!wordRange) return null;
    const acronym = document.getText(wordRange);
    const { expansion, uses } = await queries.acronym(acronym, asSignal(token));
    if (!expansion && uses === 0) return null;
    const card = new vscode.MarkdownString();
    card.appendMarkdown(`**${acronym}**`);
    if (expansion) card.appendMarkdown(` — ${escape(expansion)}`);
    card.appendMarkdown(`\n\nUsed in ${uses} corpus passage${uses === 1 ? '' : 's'}.`);
    return new vscode.Hover(this.withShortfall(card), wordRange);
  }

  /** A card answered without the team server says so, below what the local corpus gave. */
  private withShortfall(card: vscode.MarkdownString): vscode.MarkdownString {
    card.supportThemeIcons = true;
    const shortfall = this.corpus.serverShortfall;
    if (shortfall) card.appendMarkdown(shortfallLine(shortfall));
    return card;
  }
}

async function citationCard(
  queries: CorpusQueries,
  citation: Citation,
  registry: ResolutionRegistry,
  token: vscode.CancellationToken,
): Promise<vscode.MarkdownString> {
  const card = new vscode.MarkdownString();
  card.isTrusted = { enabledCommands: ['vscode.open', OPEN_SOURCE_COMMAND] };
  const body =
    citation.body === 'general-assembly' ? 'General Assembly' : citation.body === 'security-council' ? 'Security Council' : 'Resolution';
  // The answer on the first line: "Security Council resolution 1325 — adopted on 31 October 2000 · women and peace and security".
  card.appendMarkdown(`**${body} resolution ${escape(citation.label)}**`);
  if (citation.body === 'security-council' && citation.session === null) {
    const entry = registry.entry(citation.number);
    const year = registry.securityCouncilYear(citation.number);
    if (entry) card.appendMarkdown(` — adopted on ${core().formatUnDate(entry.date)}${entry.title ? ` · ${describeTitle(entry)}` : ''}`);
    else if (year !== null) card.appendMarkdown(` — adopted in ${year}`);
    else card.appendMarkdown(' — not in the registry (adopted after the last number Precedent knows)');
  }
  if (citation.session === null) {
    const citing = core()
      .mergeTwins(await queries.passagesCiting(citation.number, CITING_PASSAGES * 2, asSignal(token)))
      .slice(0, CITING_PASSAGES);
    if (citing.length > 0) card.appendMarkdown('\n\n---\n\nCited in the corpus:');
    for (const { match, twins } of citing) {
      const also = twins.length > 0 ? ` (also in ${twins.map((t) => escape(t.title ?? path.basename(t.file))).join(', ')})` : '';
      // A corpus passage may repeat the very mistake being checked: say so rather than offer it as precedent.
      const [caution] = core().citationCautions(match.text, registry, citation.number);
      card.appendMarkdown(`\n\n> ${escape(match.text)}\n\n${sourceLink(match)}${also}`);
      if (caution) card.appendMarkdown(`\n\n⚠ ${escape(caution)}`);
    }
  }
  return card;
}

/** A user's registry gives the resolution's own title; the shipped table, the agenda item it was adopted under. */
function describeTitle(entry: RegistryEntry): string {
  return entry.titleKind === 'title' ? escape(entry.title) : `agenda item: ${escape(entry.title)}`;
}
