import { strict as assert } from 'assert';
import { rmSync } from 'fs';
import * as path from 'path';
import { startIndexBuild } from '../../src/core/search/indexBuild';
import { PassageIndex } from '../../src/core/search/passageIndex';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { BUNDLED_CORPUS, bundleWorker, postingsByTerm } from './helpers';

/** Everything an index holds, its terms in their order. */
function indexContents({ snapshot }: PassageIndex) {
  const { terms, passageDocument, passageLocal } = snapshot;
  return { terms, passageDocument, passageLocal, postings: postingsByTerm(snapshot) };
}

describe('a fresh index built while the corpus is read (indexBuild)', function () {
  this.timeout(60000);
  let dir: string;
  let script: string;
  let workspace: PrecedentWorkspace;

  before(async () => {
    ({ script, dir } = await bundleWorker('src/core/search/indexWorker.ts'));
    workspace = await PrecedentWorkspace.load({ roots: [BUNDLED_CORPUS], cacheDir: null });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const where of ['on a worker thread', 'on this thread'] as const) {
    it(`${where}, is the index built from all documents at once`, async () => {
      const build = startIndexBuild(where === 'on this thread' ? null : script);
      for (const document of workspace.documents) build.add(document);
      const index = await build.finish();
      const expected = PassageIndex.build(workspace.documents);
      assert.deepEqual(indexContents(index), indexContents(expected));
      assert.ok(index.passageCount > 100);
      const query = 'trafficking in persons';
      assert.deepEqual(index.candidates(index.analyze(query), 10), expected.candidates(expected.analyze(query), 10));
    });
  }

  it('on a worker thread sent many small batches, is the same index', async () => {
    const build = startIndexBuild(script, 2000);
    for (const document of workspace.documents) build.add(document);
    assert.deepEqual(indexContents(await build.finish()), indexContents(PassageIndex.build(workspace.documents)));
  });

  it('on a worker thread sent many small batches while the reading waits for room, is the same index', async () => {
    const build = startIndexBuild(script, 2000);
    for (const document of workspace.documents) {
      await build.roomForMore();
      build.add(document);
    }
    assert.deepEqual(indexContents(await build.finish()), indexContents(PassageIndex.build(workspace.documents)));
  });

  it('on a worker thread that cannot start, is built on this thread, and never keeps the reading waiting', async () => {
    const build = startIndexBuild(path.join(dir, 'missing.js'), 2000);
    for (const document of workspace.documents) {
      await build.roomForMore();
      build.add(document);
    }
    assert.deepEqual(indexContents(await build.finish()), indexContents(PassageIndex.build(workspace.documents)));
  });
});
