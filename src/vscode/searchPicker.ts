/**
 * A QuickPick that asks the corpus as you type (debounced), keeps Precedent's order, and inserts what Enter picks
 * at the cursor: the shape Find Past Phrasing and Look Up Facts share.
 */
import * as vscode from 'vscode';
import type { CorpusQueries } from '../core/service';
import { unlessCancelled } from './cancellation';
import type { CorpusService } from './corpusService';

const DELAY_MS = 120;

export interface SearchPickerOptions<T extends vscode.QuickPickItem> {
  title: string;
  placeholder: string;
  initialQuery: string;
  /** The items for a query, best first. */
  items(queries: CorpusQueries, query: string, signal: AbortSignal): Promise<T[]>;
  /** What Enter inserts for an item. */
  textOf(item: T): string;
  onButton(item: T, button: vscode.QuickInputButton, insert: (text: string) => Promise<void>): Promise<void>;
  /** Told of the item the drafter is on (undefined when there is none, or the picker closed): the panel shows it whole. */
  onActive?(item: T | undefined): void;
}

export function showSearchPicker<T extends vscode.QuickPickItem>(corpus: CorpusService, options: SearchPickerOptions<T>): Promise<void> {
  const picker = vscode.window.createQuickPick<T>();
  picker.title = options.title;
  picker.placeholder = options.placeholder;
  picker.matchOnDescription = false;
  picker.matchOnDetail = false;
  // Precedent ranks the results; the QuickPick must not filter or re-sort them by its own rules.
  (picker as { sortByLabel?: boolean }).sortByLabel = false;
  let timer: NodeJS.Timeout | undefined;
  let asking: AbortController | undefined;
  const update = async (query: string) => {
    const queries = corpus.current;
    // A later keystroke asks for something else: the question still being answered is no longer wanted.
    asking?.abort();
    const controller = (asking = new AbortController());
    if (!queries) {
      picker.busy = false;
      picker.items = [];
      picker.placeholder = 'The corpus is still being indexed…';
      return;
    }
    picker.placeholder = options.placeholder;
    try {
      const items = await unlessCancelled(options.items(queries, query, controller.signal), null);
      if (items && picker.value === query) {
        picker.items = items;
        // Results without the team server's part say so where the drafter looks: the picker's title.
        const shortfall = corpus.serverShortfall;
        picker.title = shortfall ? `${options.title} — server unavailable: local corpus only` : options.title;
      }
    } catch (error) {
      picker.items = [];
      picker.placeholder = `Precedent: ${(error as Error).message}`;
    } finally {
      if (picker.value === query) picker.busy = false;
    }
  };
  const insert = async (text: string) => {
    picker.hide();
    const editor = vscode.window.activeTextEditor;
    if (editor) await editor.edit((edit) => edit.replace(editor.selection, text));
  };
  picker.onDidChangeValue((query) => {
    clearTimeout(timer);
    picker.busy = true;
    timer = setTimeout(() => void update(query), DELAY_MS);
  });
  picker.onDidTriggerItemButton(({ item, button }) =>
    options.onButton(item, button, insert).catch((error: Error) => void vscode.window.showErrorMessage(`Precedent: ${error.message}`)),
  );
  picker.onDidChangeActive(([item]) => options.onActive?.(item));
  picker.onDidAccept(() => {
    const [item] = picker.selectedItems;
    return item ? insert(options.textOf(item)) : picker.hide();
  });
  return new Promise((resolve) => {
    picker.onDidHide(() => {
      clearTimeout(timer);
      options.onActive?.(undefined);
      asking?.abort();
      picker.dispose();
      resolve();
    });
    picker.value = options.initialQuery;
    picker.show();
    if (options.initialQuery) void update(options.initialQuery);
  });
}
