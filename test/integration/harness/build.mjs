// Bundles the integration suite with esbuild (from the project's node_modules) into test/integration/out/:
// index.js (the extensionTestsPath entry) and one <name>.test.js per suite/<name>.test.ts.
// `vscode` is provided by the extension host and `mocha` is required from node_modules at run time.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const INTEGRATION_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = resolve(INTEGRATION_DIR, '..', '..');
export const SUITE_DIR = join(INTEGRATION_DIR, 'suite');
export const OUT_DIR = join(INTEGRATION_DIR, 'out');
export const TESTS_ENTRY = join(OUT_DIR, 'index.js');
export const FIXTURE_WORKSPACE = join(INTEGRATION_DIR, 'fixtures', 'workspace');
/** The second folder of the multi-root workspace the suite runs in. */
export const FIXTURE_SECOND_FOLDER = join(INTEGRATION_DIR, 'fixtures', 'second');

/**
 * Copies the fixture folders into `dir` as the suite's multi-root workspace: dir/workspace (the first folder, with
 * the corpus), dir/second, and dir/precedent.code-workspace naming both. `dir` itself lies above both folders.
 */
export function layOutFixtureWorkspace(dir) {
  const folders = { workspace: FIXTURE_WORKSPACE, second: FIXTURE_SECOND_FOLDER };
  for (const [name, fixture] of Object.entries(folders)) cpSync(fixture, join(dir, name), { recursive: true });
  const workspaceFile = join(dir, 'precedent.code-workspace');
  writeFileSync(workspaceFile, JSON.stringify({ folders: Object.keys(folders).map((path) => ({ path })) }, null, 2));
  return { firstFolder: join(dir, 'workspace'), workspaceFile };
}

export async function buildSuite() {
  const tests = readdirSync(SUITE_DIR)
    .filter((name) => name.endsWith('.test.ts'))
    .sort();
  if (tests.length === 0) throw new Error(`no *.test.ts in ${SUITE_DIR}`);
  rmSync(OUT_DIR, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [join(SUITE_DIR, 'index.ts'), ...tests.map((name) => join(SUITE_DIR, name))],
    outdir: OUT_DIR,
    outbase: SUITE_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return { entry: TESTS_ENTRY, tests: tests.map((name) => name.replace(/\.ts$/, '.js')) };
}

/** The extension dev path loads dist/extension.js (package.json main), built by `npm run build`. */
export function checkExtensionBuilt() {
  const main = join(ROOT, 'dist', 'extension.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  const built = statSync(main).mtimeMs;
  const newer = sourceFiles(join(ROOT, 'src')).filter((file) => statSync(file).mtimeMs > built);
  if (newer.length > 0) {
    console.warn(
      `[integration] WARNING: dist/extension.js is older than ${newer.length} file(s) in src/ (e.g. ${newer[0]}): run \`npm run build\``,
    );
  }
}

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}
