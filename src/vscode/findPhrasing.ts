/**
 * Find Past Phrasing: a QuickPick that searches the corpus as you type. Each item is labelled with the words around
 * the match, and the one the drafter is on shows whole in the Precedent panel. Enter inserts the passage at the
 * cursor; item buttons open the source at the passage, or copy it with a citation line.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { MergedMatch } from '../core/search/twins';
import type { CorpusService } from './corpusService';
import { core } from './loadCore';
import type { PrecedentPanel } from './precedentPanel';
import { showSearchPicker } from './searchPicker';
import { showSource } from './sourceDocuments';

const RESULTS = 30;
const OPEN_SOURCE = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open the source at this passage' };
const COPY_WITH_CITATION = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy the passage with a citation line' };

interface PassageItem extends vscode.QuickPickItem {
  merged: MergedMatch;
}

export function findPastPhrasing(corpus: CorpusService, panel: PrecedentPanel, initialQuery = ''): Promise<void> {
  return showSearchPicker<PassageItem>(corpus, {
    title: 'Find Past Phrasing',
    placeholder: 'A phrase as you remember it, or keywords in any order',
    initialQuery,
    items: async (queries, query, signal) =>
      core()
        .mergeTwins(await queries.search(query, { limit: RESULTS, signal }))
        .map((merged) => toItem(merged, corpus)),
    textOf: (item) => item.merged.match.text,
    onButton: (item, button) =>
      button === OPEN_SOURCE
        ? showSource(item.merged.match.file, item.merged.match.range)
        : Promise.resolve(vscode.env.clipboard.writeText(core().withCitation(item.merged.match))),
    onActive: (item) => panel.showPicked(item?.merged.match ?? null, item?.merged.match.matches, item && alsoIn(item.merged)),
  });
}

function toItem(merged: MergedMatch, corpus: CorpusService): PassageItem {
  const { match } = merged;
  const also = alsoIn(merged);
  // Numbers match only exactly: when the query's number is nowhere, each item says it is the closest without it.
  const unmatched = match.unmatched ? `${core().describeUnmatched(match.unmatched)} · ` : '';
  return {
    label: core().matchWindow(match.text, match.matches),
    description: `${path.basename(match.file)}:${match.range.startLine + 1}`,
    // When and by whom first (the line under a long passage has room for them), then where it comes from: a team
    // server's collection, or the local corpus folder.
    detail:
      unmatched +
      [
        match.date?.slice(0, 4),
        match.speaker,
        originIcon(match.file) + corpus.originOf(match.file),
        match.title,
        match.page === null ? null : `p. ${match.page}`,
        also.length ? `also in ${also.join(', ')}` : null,
      ]
        .filter(Boolean)
        .join(' · '),
    alwaysShow: true,
    buttons: [OPEN_SOURCE, COPY_WITH_CITATION],
    merged,
  };
}

function originIcon(file: string): string {
  return core().serverCollectionOf(file) === null ? '$(folder) ' : '$(database) ';
}

function alsoIn({ twins }: MergedMatch): string[] {
  return twins.map((t) => t.title ?? path.basename(t.file));
}
