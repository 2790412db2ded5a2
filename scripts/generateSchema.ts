/**
 * `npm run generate:schema`: writes the `.precedent.json` schema and package.json's `precedent.checks.*` settings
 * from the checks' table (src/core/checks/configSchema.ts). Run it after adding a check or changing a default.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import * as prettier from 'prettier';
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
  console.log(`wrote ${CONFIG_SCHEMA_PATH} and the precedent.checks.* settings in package.json`);
}

void main();
