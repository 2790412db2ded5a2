/**
 * Look Up Facts: a QuickPick over the corpus facts, as you type ("unodc pledge"). Enter inserts the sentence; item
 * buttons insert just the figure, or open the source at the sentence.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { Fact } from '../core/facts/factBase';
import type { CorpusService } from './corpusService';
import { showSource } from './sourceDocuments';

const LOOKUP_DELAY_MS = 120;
const RESULTS = 30;
const INSERT_FIGURE = { iconPath: new vscode.ThemeIcon('symbol-number'), tooltip: 'Insert just the figure' };
const OPEN_SOURCE = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open the source at this sentence' };

interface FactItem extends vscode.QuickPickItem {
  fact: Fact;
}

export function lookUpFacts(corpus: CorpusService, initialQuery = ''): Promise<void> {
  const picker = vscode.window.createQuickPick<FactItem>();
  picker.title = 'Look Up Facts';
  picker.placeholder = 'Who did what: "unodc pledge", "peacebuilding fund contribution", "pko personnel"';
  picker.matchOnDescription = false;
  picker.matchOnDetail = false;
  // Precedent orders the facts (subject, then newest first); the QuickPick must not re-sort them.
  (picker as { sortByLabel?: boolean }).sortByLabel = false;
  let timer: NodeJS.Timeout | undefined;
  const update = async (query: string) => {
    const workspace = corpus.current;
    if (!workspace) {
      picker.busy = false;
      picker.items = [];
      picker.placeholder = 'The corpus is still being indexed…';
      return;
    }
    await workspace.prepareFacts();
    // A later keystroke may have asked for something else meanwhile.
    if (picker.value !== query) return;
    picker.items = workspace.lookUpFacts(query, RESULTS).map(toItem);
    picker.busy = false;
  };
  picker.onDidChangeValue((query) => {
    clearTimeout(timer);
    picker.busy = true;
    timer = setTimeout(() => void update(query), LOOKUP_DELAY_MS);
  });
  const insert = async (text: string) => {
    picker.hide();
    const editor = vscode.window.activeTextEditor;
    if (editor) await editor.edit((edit) => edit.replace(editor.selection, text));
  };
  picker.onDidTriggerItemButton(async ({ item, button }) => {
    if (button === OPEN_SOURCE) {
      await showSource(item.fact.file, item.fact.range);
    } else {
      await insert(item.fact.quantities.map((q) => q.text).join(', '));
    }
  });
  picker.onDidAccept(() => {
    const [item] = picker.selectedItems;
    return item ? insert(item.fact.text) : picker.hide();
  });
  return new Promise((resolve) => {
    picker.onDidHide(() => {
      clearTimeout(timer);
      picker.dispose();
      resolve();
    });
    picker.value = initialQuery;
    picker.show();
    if (initialQuery) void update(initialQuery);
  });
}

function toItem(fact: Fact): FactItem {
  const figures = fact.quantities.map((q) => q.text).join(', ');
  const when = fact.time ?? fact.asOf;
  return {
    label: `${fact.subject.display}: ${fact.actor.display} ${fact.relation}${figures ? ` ${figures}` : ''}`,
    description: [when, `${path.basename(fact.file)}:${fact.range.startLine + 1}`].filter(Boolean).join(' · '),
    detail: fact.text,
    alwaysShow: true,
    buttons: fact.quantities.length > 0 ? [INSERT_FIGURE, OPEN_SOURCE] : [OPEN_SOURCE],
    fact,
  };
}
