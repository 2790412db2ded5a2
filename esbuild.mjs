// Bundles the extension (vscode left external, as the editor provides it), the CLI and the benchmark.
// The extension is two bundles: dist/extension.js, the entry VS Code loads at activation, holds only the adapters;
// dist/core.js holds the core, which the entry requires on first need (src/vscode/loadCore.ts).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
// `npm run package` builds for release: minified, without source maps.
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  // pg's optional native binding: Precedent uses the pure JavaScript client.
  external: ['pg-native'],
};

/**
 * One require('vscode') for the whole entry bundle instead of one per module: the extension host resolves each call
 * anew (0.2-1 ms apiece), which activation would pay a dozen times.
 */
const requireVscodeOnce = {
  name: 'require-vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, ({ namespace }) =>
      namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: 'module.exports = require("vscode");', loader: 'js' }));
  },
};

/**
 * The Word and PDF extractors are bundles of their own, required by the core only when such a file is read
 * (src/core/corpus/extract/wordOrPdf.ts): mammoth and pdfjs-dist never weigh on activation or search. pdfjs is an
 * ES module that finds its optional canvas package through import.meta.url, which a CommonJS bundle must provide.
 */
const extractor = (format) => ({
  ...common,
  entryPoints: [`src/core/corpus/extract/${format}.ts`],
  outfile: `dist/${format}Extractor.js`,
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: 'const importMetaUrl = require("url").pathToFileURL(__filename).href;' },
});

const entry = {
  ...common,
  entryPoints: ['src/vscode/extension.ts'],
  outfile: 'dist/extension.js',
  plugins: [requireVscodeOnce],
  metafile: true,
};
const builds = [
  entry,
  { ...common, entryPoints: ['src/vscode/core.ts'], outfile: 'dist/core.js' },
  { ...common, entryPoints: ['src/core/worker/corpusWorker.ts'], outfile: 'dist/corpusWorker.js' },
  // The worker thread that builds a fresh index while the corpus is read (src/core/search/indexBuild.ts).
  { ...common, entryPoints: ['src/core/search/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
  { ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js' },
  extractor('pdf'),
  extractor('docx'),
  ...(production ? [] : [{ ...common, entryPoints: ['bench/run.ts'], outfile: 'dist/bench.js' }]),
];

/** A value import of src/core/ in an adapter would silently bring the whole core back into activation. */
function checkEntryHoldsNoCore(result) {
  const core = Object.keys(result.metafile.inputs).filter((input) => input.startsWith('src/core/'));
  if (core.length > 0)
    throw new Error(`dist/extension.js bundles ${core.join(', ')}: adapters reach the core through src/vscode/loadCore.ts`);
}

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  const [entryResult] = await Promise.all(builds.map((options) => esbuild.build(options)));
  checkEntryHoldsNoCore(entryResult);
}
