import { strict as assert } from 'assert';
import { editIgnored, parseConfig } from '../../src/core/checks/config';
import { mergeTwins } from '../../src/core/search/twins';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { BUNDLED_CORPUS, parseJson } from './helpers';

type StoredConfig = { ignore: unknown[] };

describe('twin documents', () => {
  it('shows the same passage of the 2017 speech once, with "also in" the other text', async () => {
    const workspace = await PrecedentWorkspace.load({ roots: [BUNDLED_CORPUS], cacheDir: null });
    const merged = mergeTwins(workspace.search('attaches great importance to the assistance provided', { limit: 5 }));
    const [first] = merged;
    assert.equal(first.twins.length, 1);
    const files = [first.match.file, first.twins[0].file].map((f) => f.split('/').pop()).sort();
    assert.deepEqual(files, ['2017-03-15-bessho-trafficking-mission-statement.md', '2017-03-15-bessho-trafficking-verbatim-record.md']);
    assert.ok(
      merged.slice(1).every((m) => m.twins.length === 0),
      'passages of other dates stay apart',
    );
  });
});

describe('editing .precedent.json', () => {
  const configFile = '/work/drafts/.precedent.json';
  const entry = { file: '/work/drafts/2024/statement.md', code: 'repeated-word', text: 'the' };

  it('adds a dismissal with a path relative to the config, keeping the rest', () => {
    const text = editIgnored('{ "checks": { "figure-precedent": "off" } }', configFile, entry, 'add');
    assert.deepEqual(JSON.parse(text), {
      checks: { 'figure-precedent': 'off' },
      ignore: [{ file: '2024/statement.md', code: 'repeated-word', text: 'the' }],
    });
    assert.deepEqual(parseConfig(text, configFile).ignore, [entry]);
  });

  it('adds to a file that does not exist yet, once, and removes again', () => {
    const once = editIgnored(editIgnored(null, configFile, entry, 'add'), configFile, entry, 'add');
    assert.equal(parseJson<StoredConfig>(once).ignore.length, 1);
    assert.deepEqual(parseJson<StoredConfig>(editIgnored(once, configFile, entry, 'remove')).ignore, []);
  });
});
