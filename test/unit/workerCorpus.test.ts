import { strict as assert } from 'assert';
import { rmSync } from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../../src/core/checks/config';
import { ResolutionRegistry } from '../../src/core/citations/registry';
import { subjectKeyOf } from '../../src/core/facts/factBase';
import { isCancelled, LocalCorpus } from '../../src/core/service';
import { MAX_RESTARTS, WorkerCorpus } from '../../src/core/worker/workerCorpus';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { BUNDLED_CORPUS, bundleWorker, corpusFile } from './helpers';

const DRAFT = 'Mr. President,\n\nJapan recalls resolution 2231 (2016) on trafficking in persons. Japan pledged $3 million to the UNODC.\n';
const OPTIONS = { roots: [BUNDLED_CORPUS], cacheDir: null };

describe('the index on a worker thread (WorkerCorpus)', function () {
  this.timeout(60000);
  let dir: string;
  let script: string;
  let local: LocalCorpus;
  let corpus: WorkerCorpus;
  const restarts: string[] = [];

  before(async () => {
    ({ script, dir } = await bundleWorker('src/core/worker/corpusWorker.ts'));
    local = new LocalCorpus(await PrecedentWorkspace.load(OPTIONS));
    corpus = await WorkerCorpus.start(script, OPTIONS, { onRestart: (reason) => restarts.push(reason) });
  });

  after(async () => {
    await corpus.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every question as the corpus in this process does, in plain data', async () => {
    assert.equal(corpus.report.documents, local.report.documents);
    assert.equal(corpus.report.passages, local.report.passages);
    const sentence = 'Japan attaches great importance to the assistance provided by the UNODC';
    const config = { registry: new ResolutionRegistry(), config: DEFAULT_CONFIG };
    const [pledge] = await local.lookUpFacts('unodc pledge', 1);
    const questions: Array<(queries: LocalCorpus | WorkerCorpus) => Promise<unknown>> = [
      (q) => q.documentFiles(),
      (q) => q.search('resolution 2331'),
      (q) => q.search('trafficking in persons', { limit: 3 }),
      (q) => q.passagesCiting(2331, 5),
      (q) => q.closestPassages(sentence, { limit: 2 }),
      (q) => q.passagesForSentence(sentence, { limit: 2 }),
      (q) => q.phraseHistory('trafficking in persons'),
      (q) => q.closestParagraphs(sentence, 2),
      (q) => q.complete('The Convention and the Protocol are universal', 3),
      (q) => q.complete('We call upon', 3, { after: ' all States' }),
      (q) => q.acronym('UNODC'),
      (q) => q.lookUpFacts('unodc pledge', 3),
      (q) => q.factsAt(DRAFT, DRAFT.indexOf('$3 million')),
      (q) => q.draftPlace(DRAFT, '/drafts/d.md', DRAFT.indexOf('2231')),
      (q) => q.check(DRAFT, '/drafts/d.md', config),
      (q) => q.closestPassages(sentence, { limit: 1, excludeFile: corpusFile('verbatim-record'), citing: 2331 }),
      (q) => q.sentencesCiting(2331, 5),
      (q) => q.termCounts(['trafficking', 'unodc', 'nowhere-in-the-corpus']),
      (q) => q.factsFor([subjectKeyOf(pledge)], [pledge.actor.key]),
      (q) => q.acronymDefinitions(),
    ];
    for (const question of questions) {
      // deepStrictEqual compares prototypes too: a class instance or a Map would not survive the crossing unnoticed.
      assert.deepStrictEqual(await question(corpus), await question(local), question.toString());
    }
    // The evidence questions answer something to compare: a citing sentence, counted words, facts, acronyms.
    assert.ok((await corpus.sentencesCiting(2331, 5)).length > 0);
    assert.ok((await corpus.termCounts(['trafficking'])).holding[0] > 0);
    assert.ok((await corpus.acronymDefinitions()).some((d) => d.acronym === 'UNODC'));
    assert.ok((await corpus.factsFor([subjectKeyOf(pledge)], [])).includes(pledge) === false, 'plain data, not the same objects');
    assert.ok((await corpus.factsFor([subjectKeyOf(pledge)], [])).length > 0);
    const findings = await corpus.check(DRAFT, '/drafts/d.md', config);
    assert.ok(findings.some((f) => f.code === 'resolution-year'));
  });

  it('checks with the registry the caller gives, its own entries included', async () => {
    const registry = new ResolutionRegistry(
      new Map([[2231, { number: 2231, date: '2016-07-20', title: 'Own', titleKind: 'title' as const }]]),
    );
    const options = { registry, config: DEFAULT_CONFIG };
    assert.deepStrictEqual(await corpus.check(DRAFT, '/drafts/d.md', options), await local.check(DRAFT, '/drafts/d.md', options));
  });

  it('audits the corpus files as the corpus in this process does', async () => {
    const options = { registry: new ResolutionRegistry(), configFor: () => Promise.resolve(DEFAULT_CONFIG) };
    const checked = await corpus.audit(options);
    assert.deepStrictEqual(checked, await local.audit(options));
    assert.ok(checked.find((c) => c.file === corpusFile('verbatim-record'))?.findings.some((f) => f.code === 'resolution-year'));
  });

  it('rejects a cancelled question with a CancelledError, and answers the next one', async () => {
    const before = new AbortController();
    before.abort();
    await assert.rejects(corpus.search('unodc', { signal: before.signal }), (error) => isCancelled(error));
    const during = new AbortController();
    const asked = corpus.check(DRAFT, '/drafts/d.md', {
      registry: new ResolutionRegistry(),
      config: DEFAULT_CONFIG,
      signal: during.signal,
    });
    during.abort();
    await assert.rejects(asked, (error) => isCancelled(error));
    assert.ok((await corpus.search('unodc')).length > 0);
  });

  it('rejects the questions a crashed thread held, restarts it and answers later questions from the new one', async () => {
    const crashed = corpus.crashForTest();
    const pending = [corpus.search('unodc'), corpus.complete('We call upon', 3), corpus.lookUpFacts('unodc pledge', 3)];
    await crashed;
    for (const question of pending) await assert.rejects(question, /the index worker stopped \(it exited with code 1\)/);
    assert.deepEqual(restarts, ['it exited with code 1']);
    assert.deepStrictEqual(await corpus.search('resolution 2331'), await local.search('resolution 2331'));
  });

  it('gives up after a bounded number of restarts, telling why, and every question then rejects', async () => {
    const errors: string[] = [];
    const fragile = await WorkerCorpus.start(script, OPTIONS, { onError: (reason) => errors.push(reason) });
    for (let crash = 0; crash <= MAX_RESTARTS; crash++) {
      await fragile.documentFiles();
      await fragile.crashForTest();
    }
    assert.deepEqual(errors, ['it exited with code 1']);
    await assert.rejects(fragile.search('unodc'), /restarted 3 times and is not restarted again/);
    await fragile.dispose();
  });

  it('a retired index answers while it is asked, then stops; a disposed one rejects every question as cancelled', async () => {
    const replaced = await WorkerCorpus.start(script, OPTIONS);
    replaced.retire(200);
    for (let question = 0; question < 3; question++) {
      assert.deepStrictEqual(await replaced.acronym('UNODC'), await local.acronym('UNODC'));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
    await assert.rejects(replaced.acronym('UNODC'), (error) => isCancelled(error));
    const disposed = await WorkerCorpus.start(script, OPTIONS);
    const pending = assert.rejects(disposed.search('unodc'), (error) => isCancelled(error));
    await disposed.dispose();
    await pending;
    await assert.rejects(disposed.search('unodc'), (error) => isCancelled(error));
  });

  it('rejects the start, with the reason, when the worker cannot run', async () => {
    await assert.rejects(WorkerCorpus.start(path.join(dir, 'missing.js'), OPTIONS), /stopped while loading the corpus: Cannot find module/);
  });
});
