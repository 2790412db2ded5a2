import { strict as assert } from 'assert';
import { cpSync } from 'fs';
import { FactBase } from '../../src/core/facts/factBase';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { BUNDLED_CORPUS, TempDir } from './helpers';

describe('what a snapshot holds for the first check', () => {
  let corpus: TempDir;
  let cache: TempDir;
  before(() => {
    corpus = new TempDir();
    cache = new TempDir();
    cpSync(BUNDLED_CORPUS, corpus.path, { recursive: true });
  });
  after(() => {
    corpus.remove();
    cache.remove();
  });
  const load = () => PrecedentWorkspace.load({ roots: [corpus.path], cacheDir: cache.path });

  it('opens with the facts and acronyms of the build that wrote it, reading no passage for them', async () => {
    const built = await load();
    await built.saved;
    const facts = (await built.prepareFacts()).facts;
    assert.ok(facts.length > 10);
    const originals = Object.getOwnPropertyDescriptors(FactBase);
    // Reading facts from the passages again would fail the test.
    FactBase.build = () => assert.fail('facts read again from every passage');
    FactBase.buildInSlices = () => assert.fail('facts read again from every passage');
    try {
      const opened = await load();
      assert.equal(opened.report.fromSnapshot, true);
      assert.deepEqual((await opened.prepareFacts()).facts, facts);
      assert.deepEqual(opened.lookUpFacts('unodc pledge', 3), built.lookUpFacts('unodc pledge', 3));
      assert.deepEqual(opened.acronym('UNODC'), built.acronym('UNODC'));
      assert.match(opened.acronym('UNODC').expansion ?? '', /Office on Drugs and Crime/);
    } finally {
      Object.defineProperties(FactBase, { build: originals.build, buildInSlices: originals.buildInSlices });
    }
  });
});
