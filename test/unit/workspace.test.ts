import { strict as assert } from 'assert';
import { copyFileSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'fs';
import * as path from 'path';
import { CACHE_VERSION } from '../../src/core/cache';
import { CorpusFolderError } from '../../src/core/corpus/discover';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { corpusFile, TempDir } from './helpers';

const SPEECH = 'Japan has contributed a total of 42.5 million US dollars to the Peacebuilding Fund. We thank the Council.';

describe('loading a corpus with bad input', () => {
  let dir: TempDir;
  beforeEach(() => (dir = new TempDir()));
  afterEach(() => dir.remove());

  const load = (options: { maxFileBytes?: number; cacheDir?: string | null } = {}) =>
    PrecedentWorkspace.load({ roots: [dir.path], cacheDir: options.cacheDir ?? null, maxFileBytes: options.maxFileBytes });
  const reasonFor = (skipped: Array<{ file: string; reason: string }>, name: string) =>
    skipped.find((s) => path.basename(s.file) === name)?.reason;

  it('skips binary, empty, oversized and unreadable files with a reason and indexes the rest', async () => {
    writeFileSync(dir.file('good.txt'), SPEECH);
    writeFileSync(dir.file('image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]));
    writeFileSync(dir.file('empty.md'), '');
    writeFileSync(dir.file('huge.txt'), 'word '.repeat(400));
    writeFileSync(dir.file('blank.txt'), ' \n\u00a0\n\n');
    symlinkSync(dir.file('missing-target.txt'), dir.file('dangling.txt'));
    const { report } = await load({ maxFileBytes: 1000 });
    assert.equal(report.documents, 1);
    assert.equal(report.passages, 2);
    assert.match(reasonFor(report.skipped, 'image.txt') ?? '', /binary/);
    assert.match(reasonFor(report.skipped, 'empty.md') ?? '', /empty file/);
    assert.match(reasonFor(report.skipped, 'huge.txt') ?? '', /too large \(2\.0 KB; the limit is 1000 bytes\)/);
    assert.match(reasonFor(report.skipped, 'blank.txt') ?? '', /no text/);
    assert.match(reasonFor(report.skipped, 'dangling.txt') ?? '', /does not exist/);
  });

  it('reads a file with malformed front matter as text and says why', async () => {
    writeFileSync(dir.file('broken.md'), `---\ntitle: [unclosed\n---\n${SPEECH}`);
    const workspace = await load();
    assert.equal(workspace.report.documents, 1);
    assert.match(workspace.report.warnings[0].reason, /^malformed front matter at line 3, column 1: Flow sequence/);
    assert.equal(workspace.search('peacebuilding fund')[0].text, SPEECH.split('. ')[0] + '.');
  });

  it('survives a symbolic link loop and a folder reached twice', async () => {
    mkdirSync(dir.file('a'));
    writeFileSync(dir.file('a/speech.txt'), SPEECH);
    symlinkSync(dir.path, dir.file('a/loop'));
    const { report } = await PrecedentWorkspace.load({ roots: [dir.path, dir.file('a')], cacheDir: null });
    assert.equal(report.documents, 1);
  });

  it('indexes a file reached twice with the same content once', async () => {
    writeFileSync(dir.file('one.txt'), SPEECH);
    writeFileSync(dir.file('two.txt'), SPEECH);
    const { report } = await load();
    assert.equal(report.documents, 1);
    assert.match(reasonFor(report.skipped, 'two.txt') ?? '', /same content as .*one\.txt; indexed once/);
  });

  it('gives an empty corpus, not an error, for a folder without documents', async () => {
    writeFileSync(dir.file('notes.pdf.bak'), 'not a corpus file');
    const workspace = await load();
    assert.equal(workspace.report.documents, 0);
    assert.deepEqual(workspace.search('peace'), []);
  });

  it('refuses a corpus folder that does not exist, naming it', async () => {
    await assert.rejects(
      PrecedentWorkspace.load({ roots: [dir.file('nowhere')], cacheDir: null }),
      (error: Error) => error instanceof CorpusFolderError && error.message.includes('nowhere') && /does not exist/.test(error.message),
    );
  });

  it('never writes to the corpus', async () => {
    writeFileSync(dir.file('good.txt'), SPEECH);
    const cache = new TempDir();
    try {
      await (
        await load({ cacheDir: cache.path })
      ).saved;
      const { readdirSync } = await import('fs');
      assert.deepEqual(readdirSync(dir.path), ['good.txt']);
    } finally {
      cache.remove();
    }
  });
});

describe('the index cache', () => {
  let corpus: TempDir;
  let cache: TempDir;
  beforeEach(() => {
    corpus = new TempDir();
    cache = new TempDir();
    copyFileSync(corpusFile('mission-statement'), corpus.file('mission.md'));
    copyFileSync(corpusFile('ishikane'), corpus.file('ishikane.md'));
  });
  afterEach(() => {
    corpus.remove();
    cache.remove();
  });

  const load = async () => {
    const workspace = await PrecedentWorkspace.load({ roots: [corpus.path], cacheDir: cache.path });
    await workspace.saved;
    return workspace;
  };

  it('opens an unchanged corpus from its snapshot without reading any file', async () => {
    const cold = await load();
    assert.equal(cold.report.fromSnapshot, false);
    assert.equal(cold.report.ingested, 2);
    const warm = await load();
    assert.equal(warm.report.fromSnapshot, true);
    assert.equal(warm.report.ingested, 0);
    assert.deepEqual(warm.search('resolution 2331'), cold.search('resolution 2331'));
    const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
    assert.deepEqual(plain(warm.documents), plain(cold.documents));
  });

  it('re-reads only the file that changed, and finds its new text', async () => {
    await load();
    const file = corpus.file('ishikane.md');
    writeFileSync(file, '---\ntitle: Updated\n---\nJapan pledged 99 million US dollars to the Peacebuilding Fund.');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const updated = await load();
    assert.equal(updated.report.fromSnapshot, false);
    assert.equal(updated.report.ingested, 1);
    assert.equal(updated.search('99 million')[0].title, 'Updated');
    assert.ok(updated.search('resolution 2331').length > 0, 'the unchanged file is still indexed');
  });

  it('forgets a file that was removed, and picks up one that was added', async () => {
    await load();
    const { rmSync } = await import('fs');
    rmSync(corpus.file('ishikane.md'));
    writeFileSync(corpus.file('new.txt'), SPEECH);
    const updated = await load();
    assert.equal(updated.report.documents, 2);
    assert.deepEqual(updated.search('ISHIKANE'), []);
    assert.equal(updated.search('42.5 million').length, 1);
  });

  it("removes an older version's cache once it has written its own, and leaves a newer version's and other folders", async () => {
    const { existsSync } = await import('fs');
    for (const name of ['v1', 'v99', 'notes']) mkdirSync(path.join(cache.path, name, 'snapshots'), { recursive: true });
    await load();
    assert.deepEqual(
      ['v1', 'v99', 'notes', CACHE_VERSION].map((name) => existsSync(path.join(cache.path, name))),
      [false, true, true, true],
    );
  });

  it('recovers from a corrupt cache', async () => {
    await load();
    const { readdirSync } = await import('fs');
    const snapshots = path.join(cache.path, CACHE_VERSION, 'snapshots');
    for (const name of readdirSync(snapshots)) writeFileSync(path.join(snapshots, name), 'garbage');
    writeFileSync(path.join(cache.path, CACHE_VERSION, 'manifest.json'), '{not json');
    const again = await load();
    assert.equal(again.report.documents, 2);
    assert.ok(again.search('resolution 2331').length > 0);
  });
});
