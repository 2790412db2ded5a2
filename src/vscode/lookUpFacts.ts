/**
 * Look Up Facts: a QuickPick over the corpus facts, as you type ("unodc pledge"). Each item is labelled with the words
 * around the match, and the one the drafter is on shows whole in the Precedent panel. Enter inserts the sentence;
 * item buttons insert just the figure, or open the source at the sentence.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { Fact } from '../core/facts/factBase';
import type { CorpusService } from './corpusService';
import { core } from './loadCore';
import type { PrecedentPanel } from './precedentPanel';
import { showSearchPicker } from './searchPicker';
import { showSource } from './sourceDocuments';

const RESULTS = 30;
const INSERT_FIGURE = { iconPath: new vscode.ThemeIcon('symbol-number'), tooltip: 'Insert just the figure' };
const OPEN_SOURCE = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open the source at this sentence' };

interface FactItem extends vscode.QuickPickItem {
  fact: Fact;
  /** The words of the sentence the query matched. */
  matched: Array<[number, number]>;
}

export function lookUpFacts(corpus: CorpusService, panel: PrecedentPanel, initialQuery = ''): Promise<void> {
  return showSearchPicker<FactItem>(corpus, {
    title: 'Look Up Facts',
    placeholder: 'Who did what: "unodc pledge", "peacebuilding fund contribution", "pko personnel"',
    initialQuery,
    items: async (queries, query, signal) => (await queries.lookUpFacts(query, RESULTS, { signal })).map((fact) => toItem(fact, query)),
    textOf: (item) => item.fact.text,
    onButton: async (item, button, insert) => {
      if (button === INSERT_FIGURE) return insert(item.fact.quantities.map((q) => q.text).join(', '));
      await showSource(item.fact.file, item.fact.range);
    },
    onActive: (item) =>
      panel.showPicked(
        item?.fact ?? null,
        item?.matched,
        item?.fact.alsoIn.map((file) => path.basename(file)),
      ),
  });
}

function toItem(fact: Fact, query: string): FactItem {
  const { matchWindow, querySpans, describeFact, factWhen } = core();
  const matched = querySpans(fact.text, query);
  return {
    label: matchWindow(fact.text, matched),
    description: [fact.date?.slice(0, 4), fact.speaker, `${path.basename(fact.file)}:${fact.range.startLine + 1}`]
      .filter(Boolean)
      .join(' · '),
    detail: `${fact.subject.display}: ${describeFact(fact)} · ${factWhen(fact)}`,
    alwaysShow: true,
    buttons: fact.quantities.length > 0 ? [INSERT_FIGURE, OPEN_SOURCE] : [OPEN_SOURCE],
    fact,
    matched,
  };
}
