/**
 * Find Past Phrasing: a QuickPick that searches the corpus as you type. Enter inserts the passage at the cursor;
 * item buttons open the source at the passage, or copy it with a citation line.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { MergedMatch } from '../core/search/twins';
import type { CorpusService } from './corpusService';
import { core } from './loadCore';
import { showSource } from './sourceDocuments';

const SEARCH_DELAY_MS = 120;
const RESULTS = 30;
const OPEN_SOURCE = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open the source at this passage' };
const COPY_WITH_CITATION = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy the passage with a citation line' };

interface PassageItem extends vscode.QuickPickItem {
  merged: MergedMatch;
}

export function findPastPhrasing(corpus: CorpusService, initialQuery = ''): Promise<void> {
  const picker = vscode.window.createQuickPick<PassageItem>();
  picker.title = 'Find Past Phrasing';
  picker.placeholder = 'A phrase as you remember it, or keywords in any order';
  picker.matchOnDescription = false;
  picker.matchOnDetail = false;
  // Precedent ranks the results; the QuickPick must not filter or re-sort them by its own rules.
  (picker as { sortByLabel?: boolean }).sortByLabel = false;
  let timer: NodeJS.Timeout | undefined;
  const update = (query: string) => {
    const workspace = corpus.current;
    if (!workspace) {
      picker.items = [];
      picker.placeholder = 'The corpus is still being indexed…';
      return;
    }
    picker.items = core().mergeTwins(workspace.search(query, { limit: RESULTS })).map(toItem);
    picker.busy = false;
  };
  picker.onDidChangeValue((query) => {
    clearTimeout(timer);
    picker.busy = true;
    timer = setTimeout(() => update(query), SEARCH_DELAY_MS);
  });
  picker.onDidTriggerItemButton(async ({ item, button }) => {
    if (button === OPEN_SOURCE) await openSource(item.merged);
    else await vscode.env.clipboard.writeText(withCitation(item.merged));
  });
  picker.onDidAccept(async () => {
    const [item] = picker.selectedItems;
    picker.hide();
    const editor = vscode.window.activeTextEditor;
    if (item && editor) await editor.edit((edit) => edit.replace(editor.selection, item.merged.match.text));
  });
  return new Promise((resolve) => {
    picker.onDidHide(() => {
      clearTimeout(timer);
      picker.dispose();
      resolve();
    });
    picker.value = initialQuery;
    picker.show();
    if (initialQuery) update(initialQuery);
  });
}

function toItem(merged: MergedMatch): PassageItem {
  const { match, twins } = merged;
  const also = twins.length > 0 ? ` · also in ${twins.map((t) => t.title ?? path.basename(t.file)).join(', ')}` : '';
  return {
    label: match.text,
    detail: [match.title, match.speaker, match.date].filter(Boolean).join(' · ') + also,
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
