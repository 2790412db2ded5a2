import { strict as assert } from 'assert';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'fs';
import * as path from 'path';
import { CACHE_VERSION, IndexCache } from '../../src/core/cache';
import { AcronymTable } from '../../src/core/facts/acronyms';
import { PassageIndex } from '../../src/core/search/passageIndex';
import { searchPassages } from '../../src/core/search/search';
import { openSnapshot, openWholeSnapshot, SnapshotDamagedError } from '../../src/core/snapshotFormat';
import { BUNDLED_CORPUS, ingestFile, passageTexts, postingsByTerm, snapshotBytes, snapshotHeader, TempDir } from './helpers';

describe('the snapshot format', () => {
  const documents = readdirSync(BUNDLED_CORPUS)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ ...ingestFile(path.join(BUNDLED_CORPUS, name)), hash: name }));
  const index = PassageIndex.build(documents);
  const fileOfHash = new Map(documents.map((d) => [d.hash, d.file]));
  let bytes: Buffer;
  let folder: TempDir;
  let file: string;
  before(async () => {
    bytes = await snapshotBytes(documents, index.snapshot);
  });
  beforeEach(() => {
    folder = new TempDir();
    file = folder.file('snapshot.bin');
    writeFileSync(file, bytes);
  });
  afterEach(() => folder.remove());

  it('reads back, part by part, every document, paragraph and passage as ingested, and the index', () => {
    const opened = openSnapshot(file, fileOfHash);
    assert.ok(opened);
    assert.deepEqual(JSON.parse(JSON.stringify(opened.documents)), JSON.parse(JSON.stringify(documents)));
    opened.documents.forEach((document, i) => assert.deepEqual(passageTexts(document), passageTexts(documents[i])));
    assert.deepEqual(opened.index.passageDocument, index.snapshot.passageDocument);
    assert.deepEqual(opened.index.passageLocal, index.snapshot.passageLocal);
    // Each term with its count and passages, whatever its number; the snapshot numbers terms in sorted order.
    assert.deepEqual(postingsByTerm(opened.index), postingsByTerm(index.snapshot));
    assert.deepEqual(opened.index.terms, [...index.snapshot.terms].sort());
    assert.equal(opened.readings(), null);
  });

  it('answers searches exactly as the index it was written from', () => {
    const opened = openSnapshot(file, fileOfHash)!;
    const reopened = PassageIndex.fromSnapshot(opened.index);
    for (const query of ['resolution 2331', 'sustainable development goals', 'climate chnage', 'peacebuilding fund', 'UNODC']) {
      assert.deepEqual(searchPassages(reopened, opened.documents, query), searchPassages(index, documents, query), query);
    }
  });

  it('stores the text compressed, not as written', () => {
    const paragraph = documents[0].paragraphs.find((p) => p.text.length > 200)!.text;
    assert.equal(bytes.includes(Buffer.from(paragraph, 'utf8')), false);
  });

  it('writes a snapshot opened from disk again byte for byte, copying what it does not need to decode', async () => {
    const whole = openWholeSnapshot(file)!;
    const moved = whole.documents.map((document, i) => document.at(documents[i].file));
    assert.deepEqual(await snapshotBytes(moved, whole.index), bytes);
  });

  it('opens only for the contents it was made of, unless asked for all of it', () => {
    const fewer = new Map([...fileOfHash].slice(1));
    assert.equal(openSnapshot(file, fewer), null);
    const whole = openWholeSnapshot(file)!;
    assert.deepEqual(
      whole.documents.map((d) => d.file),
      documents.map((d) => d.hash),
    );
    assert.equal(whole.documents[0].at('/moved.md').file, '/moved.md');
    assert.deepEqual(passageTexts(whole.documents[0].at('/moved.md')), passageTexts(documents[0]));
  });

  it('does not open a snapshot cut short, of another format, or missing', () => {
    writeFileSync(file, bytes.subarray(0, bytes.length - 1));
    assert.equal(openSnapshot(file, fileOfHash), null);
    writeFileSync(file, bytes.subarray(0, 100));
    assert.equal(openWholeSnapshot(file), null);
    writeFileSync(file, 'garbage');
    assert.equal(openSnapshot(file, fileOfHash), null);
    assert.equal(openSnapshot(folder.file('missing.bin'), fileOfHash), null);
  });

  it('says which part of a damaged snapshot is wrong when it reads it, and removes it so that it is rebuilt', () => {
    const damaged = Buffer.from(bytes);
    // The last byte of the postings: the last term's list no longer decodes.
    const header = snapshotHeader(damaged);
    const [postingsAt, postingsLength] = header.sections.postings;
    damaged[postingsAt + postingsLength - 1] = 0xff;
    const [blocksAt] = header.sections.blocks;
    damaged[blocksAt + 40] ^= 0x55;
    writeFileSync(file, damaged);
    const opened = openSnapshot(file, fileOfHash)!;
    assert.throws(() => opened.index.postingList(index.snapshot.terms.length - 1), SnapshotDamagedError);
    assert.equal(existsSync(file), false);
    writeFileSync(file, damaged);
    const again = openSnapshot(file, fileOfHash)!;
    assert.throws(() => again.documents[0].paragraphs, /index cache .*snapshot\.bin is damaged \(document 0 does not inflate/);
    assert.equal(existsSync(file), false);
  });

  it('keeps the header small: the vocabulary and the documents are not in it', () => {
    const headerLength = snapshotHeader(readFileSync(file)).bytes;
    assert.ok(headerLength < bytes.length / 20, `${headerLength} of ${bytes.length}`);
  });
});

describe("the cache's snapshots", () => {
  it('keeps the latest snapshot of each set of corpus folders, and removes older ones once they are a while old', async () => {
    const cacheDir = new TempDir();
    try {
      const documents = [
        ingestFile(
          path.join(
            BUNDLED_CORPUS,
            readdirSync(BUNDLED_CORPUS).find((name) => name.endsWith('.md'))!,
          ),
        ),
      ];
      const index = PassageIndex.build(documents).snapshot;
      const readings = { facts: [], acronyms: new AcronymTable().toStored() };
      const cache = new IndexCache(cacheDir.path);
      const snapshots = path.join(cacheDir.path, CACHE_VERSION, 'snapshots');
      const ageAll = () => {
        const hourAgo = new Date(Date.now() - 3600_000);
        for (const name of readdirSync(snapshots)) utimesSync(path.join(snapshots, name), hourAgo, hourAgo);
      };
      await cache.writeSnapshot('first', documents, index, readings, ['/archive']);
      await cache.writeSnapshot('bundled', documents, index, readings, ['/bundled']);
      ageAll();
      await cache.writeSnapshot('second', documents, index, readings, ['/archive']);
      assert.deepEqual(readdirSync(snapshots).sort(), ['bundled.bin', 'second.bin']);
      // One written in the last minutes stays, though no folder names it as its latest.
      await cache.writeSnapshot('third', documents, index, readings, ['/archive']);
      assert.deepEqual(readdirSync(snapshots).sort(), ['bundled.bin', 'second.bin', 'third.bin']);
    } finally {
      cacheDir.remove();
    }
  });
});
