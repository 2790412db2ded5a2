/**
 * `npm run generate:schema`: writes the `.precedent.json` schema, package.json's `precedent.checks.*` settings and
 * the checks' pages (docs/checks/) from the checks' table (src/core/checks/configSchema.ts, checkPages.ts). Run it
 * after adding a check, changing a default, a summary or an explanation.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import * as prettier from 'prettier';
import { CHECK_PAGES_DIR, checkPages } from '../src/core/checkPages';
import { PrecedentWorkspace } from '../src/core/workspace';
import { CONFIG_SCHEMA_PATH, configSchema, withGeneratedCheckSettings, type PackageJson } from '../src/core/checks/configSchema';

const root = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const schemaFile = path.join(root, CONFIG_SCHEMA_PATH);
  const options = await prettier.resolveConfig(schemaFile);
  mkdirSync(path.dirname(schemaFile), { recursive: true });
  writeFileSync(schemaFile, await prettier.format(JSON.stringify(configSchema()), { ...options, parser: 'json' }));
  const manifestFile = path.join(root, 'package.json');
  const manifest = withGeneratedCheckSettings(JSON.parse(readFileSync(manifestFile, 'utf8')) as PackageJson);
  // npm's own layout for package.json, as `npm install` writes it.
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  // The pages quote what the checks say about their examples, against the bundled corpus.
  const workspace = await PrecedentWorkspace.load({ roots: [path.join(root, 'corpus')], cacheDir: null });
  await workspace.prepareFacts();
  const pagesDir = path.join(root, CHECK_PAGES_DIR);
  rmSync(pagesDir, { recursive: true, force: true });
  mkdirSync(pagesDir, { recursive: true });
  const pages = checkPages(workspace);
  for (const [file, text] of pages) writeFileSync(path.join(root, file), text);
  console.log(
    `wrote ${CONFIG_SCHEMA_PATH}, the precedent.checks.* settings in package.json, ` +
      `${readdirSync(pagesDir).length} pages in ${CHECK_PAGES_DIR}`,
  );
}

void main();
