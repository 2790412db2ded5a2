// Figures a test reports without asserting them (e.g. activation time). They are printed by the harness
// after the summary and written to results.json. Each test file is bundled on its own, so the list lives on
// globalThis (shared by every bundle loaded into the extension host), not in this module.
export interface Note {
  test: string;
  name: string;
  value: string;
}

const KEY = Symbol.for('precedent.integration.notes');

export function notes(): Note[] {
  const store = globalThis as unknown as Record<symbol, Note[] | undefined>;
  return (store[KEY] ??= []);
}

/** Reports a figure; `test` is the test it belongs to (usually `this.test?.fullTitle()`). */
export function report(test: string, name: string, value: string): void {
  notes().push({ test, name, value });
  console.log(`[precedent-integration] ${test}: ${name} = ${value}`);
}
