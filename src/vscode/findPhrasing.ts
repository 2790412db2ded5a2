/**
 * Find Past Phrasing: a QuickPick that searches the corpus as you type. Enter inserts the passage at the cursor;
 * item buttons open the source at the passage, or copy it with a citation line.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { MergedMatch } from '../core/search/twins';
import type { CorpusService } from './corpusService';
import { core } from './loadCore';
import { showSearchPicker } from './searchPicker';
import { showSource } from './sourceDocuments';

const RESULTS = 30;
const OPEN_SOURCE = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open the source at this passage' };
const COPY_WITH_CITATION = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy the passage with a citation line' };

interface PassageItem extends vscode.QuickPickItem {
  merged: MergedMatch;
}

export function findPastPhrasing(corpus: CorpusService, initialQuery = ''): Promise<void> {
  return showSearchPicker<PassageItem>(corpus, {
    title: 'Find Past Phrasing',
    placeholder: 'A phrase as you remember it, or keywords in any order',
    initialQuery,
    items: async (queries, query, signal) =>
      core()
        .mergeTwins(await queries.search(query, { limit: RESULTS, signal }))
        .map(toItem),
    textOf: (item) => item.merged.match.text,
    onButton: (item, button) =>
      button === OPEN_SOURCE ? openSource(item.merged) : Promise.resolve(vscode.env.clipboard.writeText(withCitation(item.merged))),
  });
}

function toItem(merged: MergedMatch): PassageItem {
  const { match, twins } = merged;
  const also = twins.length > 0 ? ` · also in ${twins.map((t) => t.title ?? path.basename(t.file)).join(', ')}` : '';
  // Numbers match only exactly: when the query's number is nowhere, each item says it is the closest without it.
  const unmatched = match.unmatched ? `${core().describeUnmatched(match.unmatched)} · ` : '';
  return {
    label: match.text,
    detail: unmatched + [match.title, match.speaker, match.date].filter(Boolean).join(' · ') + also,
    description: `${path.basename(match.file)}:${match.range.startLine + 1}${match.page === null ? '' : ` (p. ${match.page})`}`,
    alwaysShow: true,
    buttons: [OPEN_SOURCE, COPY_WITH_CITATION],
    merged,
  };
}

function openSource({ match }: MergedMatch): Promise<void> {
  return showSource(match.file, match.range);
}

/** The passage, then where it comes from: title, speaker, date. */
export function withCitation({ match }: MergedMatch): string {
  const source = [match.title, match.speaker, match.date].filter(Boolean).join(', ');
  return `${match.text}\n— ${source || path.basename(match.file)}`;
}
