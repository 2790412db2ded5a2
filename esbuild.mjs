// Bundles the extension (vscode left external, as the editor provides it), the CLI and the benchmark.
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
};

const builds = [
  { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/vscode/cacheWorker.ts'], outfile: 'dist/cacheWorker.js' },
  { ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js' },
  ...(production ? [] : [{ ...common, entryPoints: ['bench/run.ts'], outfile: 'dist/bench.js' }]),
];

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
