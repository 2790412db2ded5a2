import { strict as assert } from 'assert';
import { ResolutionRegistry } from '../../src/core/citations/registry';
import { DEFAULT_CONFIG } from '../../src/core/checks/config';
import { isCancelled, LocalCorpus } from '../../src/core/service';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { BUNDLED_CORPUS, corpusFile } from './helpers';

describe('the asynchronous seam (LocalCorpus)', () => {
  let workspace: PrecedentWorkspace;
  let corpus: LocalCorpus;
  before(async () => {
    workspace = await PrecedentWorkspace.load({ roots: [BUNDLED_CORPUS], cacheDir: null });
    corpus = new LocalCorpus(workspace);
  });

  it('answers as the workspace does', async () => {
    assert.deepEqual(await corpus.search('resolution 2331'), workspace.search('resolution 2331'));
    assert.deepEqual(
      await corpus.complete('The Convention and the Protocol are universal', 3),
      workspace.complete('The Convention and the Protocol are universal', 3),
    );
    assert.deepEqual(
      await corpus.documentFiles(),
      workspace.documents.map((d) => d.file),
    );
    const [closest] = await corpus.closestPassages('Japan attaches great importance to the assistance provided by the UNODC', { limit: 1 });
    assert.match(closest.text, /attaches great importance/);
  });

  it('reads the facts before a fact question or a check, without the caller preparing them', async () => {
    const fresh = new LocalCorpus(await PrecedentWorkspace.load({ roots: [BUNDLED_CORPUS], cacheDir: null }));
    const [first] = await fresh.lookUpFacts('unodc pledge', 1);
    assert.equal(first.actor.display, 'Japan');
    const draft = 'Mr. President,\n\nJapan recalls resolution 2231 (2016) on trafficking in persons.\n';
    const findings = await fresh.check(draft, '/drafts/d.md', { registry: new ResolutionRegistry(), config: DEFAULT_CONFIG });
    assert.ok(findings.some((f) => f.code === 'resolution-year'));
  });

  it('audits every corpus file, each with its text and findings', async () => {
    const checked = await corpus.audit({ registry: new ResolutionRegistry(), configFor: () => Promise.resolve(DEFAULT_CONFIG) });
    assert.deepEqual(
      checked.map((c) => c.file),
      workspace.documents.map((d) => d.file),
    );
    const verbatim = checked.find((c) => c.file === corpusFile('verbatim-record'));
    assert.ok(verbatim?.findings.some((f) => f.code === 'resolution-year'));
  });

  it('rejects a cancelled question with a CancelledError, and answers the next one', async () => {
    const controller = new AbortController();
    controller.abort();
    for (const asked of [
      corpus.search('unodc', { signal: controller.signal }),
      corpus.lookUpFacts('unodc', 5, { signal: controller.signal }),
      corpus.check('Text.', '/d.md', { registry: new ResolutionRegistry(), config: DEFAULT_CONFIG, signal: controller.signal }),
      corpus.audit({ registry: new ResolutionRegistry(), configFor: () => Promise.resolve(DEFAULT_CONFIG), signal: controller.signal }),
    ]) {
      await assert.rejects(asked, (error) => isCancelled(error));
    }
    assert.ok((await corpus.search('unodc')).length > 0);
  });
});
