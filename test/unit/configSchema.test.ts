import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { CONFIG_SCHEMA_PATH, configSchema, withGeneratedCheckSettings, type PackageJson } from '../../src/core/checks/configSchema';
import { CHECKS } from '../../src/core/checks/runChecks';
import { REPO_ROOT } from './helpers';

const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8'));

interface Manifest extends PackageJson {
  contributes: PackageJson['contributes'] & {
    jsonValidation: unknown;
    configuration: { properties: Record<string, { default?: string }> };
  };
}
const STALE = 'out of step with the checks: run `npm run generate:schema`';

describe('the .precedent.json schema and the precedent.checks.* settings', () => {
  const manifest = readJson('package.json') as Manifest;

  it('the committed schema is the one the checks make', () => {
    assert.deepStrictEqual(readJson(CONFIG_SCHEMA_PATH), configSchema(), `${CONFIG_SCHEMA_PATH} is ${STALE}`);
  });

  it("package.json's precedent.checks.* settings are the ones the checks make, in their order", () => {
    const expected = withGeneratedCheckSettings(manifest);
    const checkKeys = (properties: Record<string, unknown>) => Object.keys(properties).filter((key) => key.startsWith('precedent.checks.'));
    assert.deepStrictEqual(
      checkKeys(manifest.contributes.configuration.properties),
      CHECKS.map((check) => `precedent.checks.${check.code}`),
      `package.json is ${STALE}`,
    );
    assert.deepStrictEqual(manifest, expected, `package.json is ${STALE}`);
  });

  it('gives every code its default severity, and lists the same codes for "checks" and "ignore"', () => {
    const schema = configSchema();
    const checks = schema.properties.checks.properties as Record<string, { default: string; enum: string[] }>;
    for (const check of CHECKS) {
      assert.equal(checks[check.code].default, check.defaultSeverity, check.code);
      assert.deepEqual(checks[check.code].enum, ['error', 'warning', 'information', 'hint', 'off']);
      assert.equal(manifest.contributes.configuration.properties[`precedent.checks.${check.code}`].default, check.defaultSeverity);
    }
    assert.deepEqual(schema.properties.ignore.items.properties.code.enum, Object.keys(checks));
    assert.equal(schema.properties.checks.additionalProperties, false);
  });

  it('is validated for .precedent.json files and packaged with the extension', function () {
    this.timeout(30_000);
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.precedent.json', url: `./${CONFIG_SCHEMA_PATH}` }]);
    const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const packaged = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n');
    assert.ok(packaged.includes(CONFIG_SCHEMA_PATH), packaged.join(', '));
  });
});
