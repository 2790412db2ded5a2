/** The core (dist/core.js, beside this bundle), loaded the first time a feature needs it rather than at activation. */
import * as path from 'path';
import type * as Core from './core';

let loaded: typeof Core | undefined;

export function core(): typeof Core {
  // A computed path: esbuild leaves it to run time instead of bundling the core into the entry.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  return (loaded ??= require(path.join(__dirname, 'core.js')) as typeof Core);
}
