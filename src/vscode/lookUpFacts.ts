/**
 * Look Up Facts: a QuickPick over the corpus facts, as you type ("unodc pledge"). Enter inserts the sentence; item
 * buttons insert just the figure, or open the source at the sentence.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { Fact } from '../core/facts/factBase';
import type { CorpusService } from './corpusService';
import { core } from './loadCore';
import { showSearchPicker } from './searchPicker';
import { showSource } from './sourceDocuments';

const RESULTS = 30;
const INSERT_FIGURE = { iconPath: new vscode.ThemeIcon('symbol-number'), tooltip: 'Insert just the figure' };
const OPEN_SOURCE = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open the source at this sentence' };

interface FactItem extends vscode.QuickPickItem {
  fact: Fact;
}

export function lookUpFacts(corpus: CorpusService, initialQuery = ''): Promise<void> {
  return showSearchPicker<FactItem>(corpus, {
    title: 'Look Up Facts',
    placeholder: 'Who did what: "unodc pledge", "peacebuilding fund contribution", "pko personnel"',
    initialQuery,
    items: async (queries, query, signal) => (await queries.lookUpFacts(query, RESULTS, { signal })).map(toItem),
    textOf: (item) => item.fact.text,
    onButton: async (item, button, insert) => {
      if (button === INSERT_FIGURE) return insert(item.fact.quantities.map((q) => q.text).join(', '));
      await showSource(item.fact.file, item.fact.range);
    },
  });
}

function toItem(fact: Fact): FactItem {
  return {
    label: `${fact.subject.display}: ${core().describeFact(fact)}`,
    description: `${core().factWhen(fact)} · ${path.basename(fact.file)}:${fact.range.startLine + 1}`,
    detail: fact.text,
    alwaysShow: true,
    buttons: fact.quantities.length > 0 ? [INSERT_FIGURE, OPEN_SOURCE] : [OPEN_SOURCE],
    fact,
  };
}
