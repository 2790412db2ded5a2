import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { Writable } from 'stream';
import { main } from '../../src/cli/main';
import { BUNDLED_CORPUS, REPO_ROOT, sliceRange, TempDir } from './helpers';

class Capture extends Writable {
  text = '';
  _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function runCli(...args: string[]) {
  const out = new Capture();
  const err = new Capture();
  const code = await main(args, out, err);
  return { code, out: out.text, err: err.text };
}

describe('precedent CLI', () => {
  let cache: TempDir;
  beforeEach(() => (cache = new TempDir()));
  afterEach(() => cache.remove());

  it('index --json reports documents, passages, skipped files and time', async () => {
    const { code, out } = await runCli('index', '--corpus', BUNDLED_CORPUS, '--json', '--cache-dir', cache.path);
    assert.equal(code, 0);
    const report = JSON.parse(out);
    assert.equal(report.documents, 5);
    assert.ok(report.passages > 250);
    assert.deepEqual(report.skipped, []);
    assert.equal(typeof report.ms, 'number');
  });

  it('search --json follows the contract: 1-based lines, UTF-16 columns, end exclusive', async () => {
    const { code, out } = await runCli('search', '--corpus', BUNDLED_CORPUS, '--json', '--limit', '3', '--no-cache', 'pledged', 'approximately', '23', 'million');
    assert.equal(code, 0);
    const results = JSON.parse(out);
    assert.equal(results.length, 2);
    for (const result of results) {
      assert.deepEqual(Object.keys(result), ['file', 'line', 'column', 'endLine', 'endColumn', 'text', 'context', 'matches', 'score', 'title', 'date', 'speaker']);
      assert.ok(path.isAbsolute(result.file));
      const range = { startLine: result.line - 1, startColumn: result.column - 1, endLine: result.endLine - 1, endColumn: result.endColumn - 1 };
      const original = sliceRange(readFileSync(result.file, 'utf8'), range);
      assert.equal(original.replace(/\s+/g, ' '), result.text);
      assert.equal(result.date, '2017-03-15');
    }
  });

  it('exits 0 with an empty array when nothing is found', async () => {
    const { code, out } = await runCli('search', '--corpus', BUNDLED_CORPUS, '--json', '--no-cache', 'resolution 9999');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), []);
  });

  it('exits 2 on bad usage and on a corpus folder it cannot read', async () => {
    assert.equal((await runCli()).code, 2);
    assert.equal((await runCli('frobnicate')).code, 2);
    assert.equal((await runCli('search', '--no-cache')).code, 2);
    assert.equal((await runCli('search', '--limit', 'many', 'peace')).code, 2);
    const missing = await runCli('search', '--corpus', cache.file('nowhere'), 'peace');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read the corpus folder .*nowhere: does not exist/);
  });

  it('says so when the corpus is empty', async () => {
    const { code, err } = await runCli('index', '--corpus', cache.path, '--no-cache');
    assert.equal(code, 0);
    assert.match(err, /no documents to index/);
  });

  it('prints skipped files with their reasons', async () => {
    writeFileSync(cache.file('junk.txt'), Buffer.from([0, 1, 2, 3, 0, 0]));
    const { out } = await runCli('index', '--corpus', cache.path, '--no-cache');
    assert.match(out, /1 skipped:\n {2}.*junk\.txt: binary content/);
  });
});

describe('the built CLI', () => {
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  before(function () {
    this.timeout(60000);
    if (!existsSync(cli)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT });
  });

  it('searches the bundled corpus without --corpus', () => {
    const cache = new TempDir();
    try {
      const run = spawnSync(process.execPath, [cli, 'search', '--json', '--cache-dir', cache.path, 'resolution 2331'], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const [result] = JSON.parse(run.stdout);
      assert.equal(path.dirname(result.file), BUNDLED_CORPUS);
      assert.match(result.text, /^Resolution 2331, which was adopted last December/);
    } finally {
      cache.remove();
    }
  });
});
