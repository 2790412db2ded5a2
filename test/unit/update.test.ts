import { strict as assert } from 'assert';
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { CACHE_VERSION } from '../../src/core/cache';
import { FactBase } from '../../src/core/facts/factBase';
import { PassageIndex } from '../../src/core/search/passageIndex';
import { searchPassages } from '../../src/core/search/search';
import { openSnapshot, openWholeSnapshot } from '../../src/core/snapshotFormat';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { BUNDLED_CORPUS, ingestString, postingsByTerm, snapshotBytes, snapshotHeader, TempDir } from './helpers';

const STATEMENTS = {
  'a.md': 'Japan pledged support to the peacebuilding fund.\n\nWe welcome the adoption of the Paris Agreement.\n',
  'b.md': 'The Council must act on the situation in the Sahel.\n\nFisheries subsidies harm small island States.\n',
  'c.md': 'Our delegation thanks the President for convening this debate.\n\nWater management needs investment.\n',
};
const ADDED = 'Reform of the Security Council is overdue.\n\nThe peacebuilding fund deserves predictable financing.\n';

/** Each term's passages, by term text (counts may differ after an update, see PassageIndex.withChanges). */
function passagesByTerm(index: PassageIndex): Map<string, number[]> {
  return new Map([...postingsByTerm(index.snapshot)].map(([term, { passages }]) => [term, passages]));
}

describe('updating the index', () => {
  it('takes documents out and adds others as a fresh build of the result would hold them', () => {
    const [a, b, c] = Object.entries(STATEMENTS).map(([name, text]) => ingestString(text, `/corpus/${name}`));
    const d = ingestString(ADDED, '/corpus/d.md');
    const patched = PassageIndex.withChanges(PassageIndex.build([a, b, c]).snapshot, [a, b, c], [true, false, true], [d]);
    const fresh = PassageIndex.build([a, c, d]);
    assert.deepEqual(Array.from(patched.snapshot.passageDocument), Array.from(fresh.snapshot.passageDocument));
    assert.deepEqual(Array.from(patched.snapshot.passageLocal), Array.from(fresh.snapshot.passageLocal));
    const patchedPostings = passagesByTerm(patched);
    for (const [term, passages] of passagesByTerm(fresh)) assert.deepEqual(patchedPostings.get(term), passages, term);
    // A term only the removed document held is still listed, with no passages: no query finds it.
    assert.deepEqual(patchedPostings.get('sahel'), []);
    assert.equal(patched.passagesWith('sahel'), 0);
    assert.deepEqual(
      patched.analyze('sahel').map((t) => t.variants),
      [[]],
    );
  });

  it('patches a snapshot opened from disk, reading only the removed document, and writes what a fresh build holds', async () => {
    const [a, b, c] = Object.entries(STATEMENTS).map(([name, text]) => ({ ...ingestString(text, `/corpus/${name}`), hash: name }));
    const d = { ...ingestString(ADDED, '/corpus/d.md'), hash: 'd.md' };
    const folder = new TempDir();
    try {
      writeFileSync(folder.file('old.bin'), await snapshotBytes([a, b, c], PassageIndex.build([a, b, c]).snapshot));
      const old = openWholeSnapshot(folder.file('old.bin'))!;
      const patched = PassageIndex.withChanges(old.index, old.documents, [true, false, true], [d]);
      const documents = [old.documents[0].at(a.file), old.documents[2].at(c.file), d];
      const fresh = PassageIndex.build([a, c, d]);
      assert.deepEqual(passagesByTerm(patched).get('peacebuilding'), passagesByTerm(fresh).get('peacebuilding'));
      assert.equal(patched.passagesWith('sahel'), 0);
      writeFileSync(folder.file('new.bin'), await snapshotBytes(documents, patched.snapshot));
      const reopened = openSnapshot(folder.file('new.bin'), new Map(documents.map((document) => [document.hash, document.file])))!;
      const reopenedPostings = passagesByTerm(PassageIndex.fromSnapshot(reopened.index));
      for (const [term, passages] of passagesByTerm(fresh)) assert.deepEqual(reopenedPostings.get(term), passages, term);
      for (const query of ['peacebuilding fund', 'Security Council reform', 'water management', 'Sahel']) {
        assert.deepEqual(
          searchPassages(PassageIndex.fromSnapshot(reopened.index), reopened.documents, query),
          searchPassages(fresh, [a, c, d], query),
          query,
        );
      }
    } finally {
      folder.remove();
    }
  });

  describe('a workspace whose files change', () => {
    let corpus: TempDir;
    let cache: TempDir;
    beforeEach(() => {
      corpus = new TempDir();
      cache = new TempDir();
      for (const [name, text] of Object.entries(STATEMENTS)) writeFileSync(corpus.file(name), text);
    });
    afterEach(() => {
      corpus.remove();
      cache.remove();
    });
    const load = () => PrecedentWorkspace.load({ roots: [corpus.path], cacheDir: cache.path });
    const top = (workspace: PrecedentWorkspace, query: string) =>
      workspace.search(query, { limit: 3 }).map((m) => [m.file, m.text, m.range.startLine]);

    it('reads only the changed and added files, forgets the removed one, and answers as a fresh build does', async () => {
      await (
        await load()
      ).saved;
      writeFileSync(corpus.file('a.md'), `${STATEMENTS['a.md']}\nSmall island States face rising seas.\n`);
      writeFileSync(corpus.file('d.md'), ADDED);
      rmSync(corpus.file('b.md'));
      const updated = await load();
      assert.equal(updated.report.ingested, 2);
      assert.equal(updated.report.fromSnapshot, false);
      assert.deepEqual(updated.documents.map((d) => d.file.split('/').pop()).sort(), ['a.md', 'c.md', 'd.md']);
      const fresh = await PrecedentWorkspace.load({ roots: [corpus.path], cacheDir: null });
      for (const query of ['small island states rising seas', 'peacebuilding fund', 'water managment', 'fisheries subsidies', 'sahel']) {
        assert.deepEqual(top(updated, query), top(fresh, query), query);
      }
      assert.deepEqual(top(updated, 'sahel'), []);
      await updated.saved;
      // The update's snapshot opens the unchanged corpus next time.
      const reopened = await load();
      assert.equal(reopened.report.fromSnapshot, true);
      assert.deepEqual(top(reopened, 'rising seas'), top(fresh, 'rising seas'));
    });

    it('indexes the corpus again when the snapshot it updates turns out damaged', async () => {
      await (
        await load()
      ).saved;
      const snapshots = path.join(cache.path, CACHE_VERSION, 'snapshots');
      for (const name of readdirSync(snapshots)) {
        const bytes = readFileSync(path.join(snapshots, name));
        const header = snapshotHeader(bytes);
        const [blocksAt, blocksLength] = header.sections.blocks;
        bytes.fill(0x55, blocksAt, blocksAt + blocksLength);
        writeFileSync(path.join(snapshots, name), bytes);
      }
      // The update reads the changed file's old version from the snapshot, to count its words out.
      writeFileSync(corpus.file('b.md'), `${STATEMENTS['b.md']}\nSmall island States face rising seas.\n`);
      const updated = await load();
      assert.equal(updated.report.fromSnapshot, false);
      assert.equal(updated.search('rising seas', { limit: 1 })[0].file, corpus.file('b.md'));
      assert.equal(updated.search('water management', { limit: 1 })[0].file, corpus.file('c.md'));
    });

    it('follows a file that moved without reading it again', async () => {
      await (
        await load()
      ).saved;
      rmSync(corpus.file('c.md'));
      writeFileSync(corpus.file('e.md'), STATEMENTS['c.md']);
      const updated = await load();
      assert.equal(updated.report.ingested, 0);
      assert.equal(updated.search('water management', { limit: 1 })[0].file, corpus.file('e.md'));
    });
  });

  it('keeps the facts and acronyms of unchanged files, reads the added ones, and forgets the removed ones', async () => {
    const corpus = new TempDir();
    const cache = new TempDir();
    const originals = Object.getOwnPropertyDescriptors(FactBase);
    try {
      cpSync(BUNDLED_CORPUS, corpus.path, { recursive: true });
      const load = () => PrecedentWorkspace.load({ roots: [corpus.path], cacheDir: cache.path });
      await (
        await load()
      ).saved;
      rmSync(corpus.file('2006-09-japan-migration-and-development.md'));
      appendFileSync(
        corpus.file('2023-12-07-ishikane-transnational-organized-crime.md'),
        '\nThe Quillmarsh Basin Authority (QBA) pledged 4 million US dollars to the Peacebuilding Fund in 2024.\n',
      );
      const fresh = await PrecedentWorkspace.load({ roots: [corpus.path], cacheDir: null });
      const freshFacts = (await fresh.prepareFacts()).facts;
      // Reading the facts from every passage again would fail the test.
      FactBase.build = () => assert.fail('facts read again from every passage');
      FactBase.buildInSlices = () => assert.fail('facts read again from every passage');
      const updated = await load();
      assert.equal(updated.report.ingested, 1);
      // Each fact as JSON with its keys in order, so that only what it says is compared.
      const sortedKeys = (_key: string, value: unknown): unknown =>
        value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort()) : value;
      const described = (facts: readonly unknown[]) => facts.map((fact) => JSON.stringify(fact, sortedKeys)).sort();
      assert.deepEqual(described((await updated.prepareFacts()).facts), described(freshFacts));
      assert.ok(updated.lookUpFacts('quillmarsh pledged', 1).length === 1);
      for (const acronym of ['QBA', 'UNODC', 'IOM']) assert.deepEqual(updated.acronym(acronym), fresh.acronym(acronym), acronym);
      await updated.saved;
    } finally {
      Object.defineProperties(FactBase, { build: originals.build, buildInSlices: originals.buildInSlices });
      corpus.remove();
      cache.remove();
    }
  });
});
