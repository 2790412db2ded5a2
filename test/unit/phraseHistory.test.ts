import { strict as assert } from 'assert';
import * as path from 'path';
import { wordChanges, wordDiff, sameWording } from '../../src/core/text/wordDiff';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { BUNDLED_CORPUS, corpusFile, REPO_ROOT } from './helpers';

/** One phrase in dated variants: a verb strengthened, repeated, a number updated, a clause dropped, a twin. */
const HISTORY_FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'phrase-history');
const SAHEL_2014 =
  'The Council welcomes the report of the Secretary-General on the situation in the Sahel and calls for the full implementation ' +
  'of resolution 2100 (2013), in close cooperation with regional organizations.';

describe('the word difference', () => {
  it('keeps the common words and marks what was removed and added, words and marks alike', () => {
    const parts = wordDiff('recalling resolution 2331 (2016), and in particular its paragraph 4.', 'Recalling resolution 2388 (2017).');
    assert.deepEqual(parts, [
      { kind: 'same', text: 'Recalling resolution' },
      { kind: 'removed', text: ' 2331' },
      { kind: 'added', text: ' 2388' },
      { kind: 'same', text: ' (' },
      { kind: 'removed', text: '2016' },
      { kind: 'added', text: '2017' },
      { kind: 'same', text: ')' },
      { kind: 'removed', text: ', and in particular its paragraph 4' },
      { kind: 'same', text: '.' },
    ]);
    assert.deepEqual(wordChanges(parts), [
      { from: '2331', to: '2388' },
      { from: '2016', to: '2017' },
      { from: ', and in particular its paragraph 4.', to: '.' },
    ]);
  });

  it('names an insertion with the word beside it', () => {
    const parts = wordDiff('The Council welcomes the report.', 'The Council strongly welcomes the report.');
    assert.deepEqual(wordChanges(parts), [{ from: 'welcomes', to: 'strongly welcomes' }]);
    assert.equal(parts.map((p) => (p.kind === 'removed' ? '' : p.text)).join(''), 'The Council strongly welcomes the report.');
  });

  it('reads texts that differ only in case, quotes and spacing as the same wording', () => {
    assert.ok(sameWording('the Member States’ view', "The  member States' view"));
    assert.ok(!sameWording('the Member States', 'the Member State'));
    assert.deepEqual(wordDiff('', 'A text.'), [{ kind: 'added', text: 'A text.' }]);
  });
});

describe('the history of a phrase', () => {
  let workspace: PrecedentWorkspace;
  before(async () => {
    workspace = await PrecedentWorkspace.load({ roots: [HISTORY_FIXTURE], cacheDir: null });
  });

  it('lists the versions oldest first, collapses identical ones and merges twins, with each change', () => {
    const history = workspace.phraseHistory(SAHEL_2014);
    assert.equal(history.versions, 5);
    const entries = history.entries.map((e) => ({
      dates: [e.firstDate, e.lastDate],
      uses: e.uses.length,
      twins: e.uses.flatMap((u) => u.twins.map((t) => path.basename(t.file))),
      changes: e.changes,
    }));
    assert.deepEqual(entries, [
      { dates: ['2014-03-10', '2014-03-10'], uses: 1, twins: [], changes: [] },
      { dates: ['2015-06-22', '2015-11-03'], uses: 2, twins: [], changes: [{ from: 'welcomes', to: 'strongly welcomes' }] },
      {
        dates: ['2016-07-12', '2016-07-12'],
        uses: 1,
        twins: [],
        changes: [
          { from: '2100', to: '2295' },
          { from: '2013', to: '2016' },
        ],
      },
      {
        dates: ['2017-05-04', '2017-05-04'],
        uses: 1,
        twins: ['2017-05-04-sahel-verbatim-record.md'],
        changes: [{ from: ', in close cooperation with regional organizations.', to: '.' }],
      },
    ]);
    assert.equal(history.entries[0].diff, null);
    assert.equal(history.entries[1].uses[1].passage.title, 'Remarks at the consultations on West Africa');
  });

  it('finds the sentences that hold a shorter phrase, and nothing for an unrelated one', () => {
    const history = workspace.phraseHistory('in close cooperation with regional organizations');
    assert.deepEqual(
      history.entries.map((e) => e.firstDate),
      ['2014-03-10', '2015-06-22', '2016-07-12'],
    );
    assert.equal(workspace.phraseHistory('Investment in railways for the northern provinces').entries.length, 0);
  });

  it('keeps to the stated limit, the closest versions first', () => {
    const history = workspace.phraseHistory(SAHEL_2014, { limit: 2 });
    assert.equal(history.versions, 2);
    assert.deepEqual(
      history.entries.map((e) => e.firstDate),
      ['2014-03-10', '2015-06-22'],
    );
  });
});

describe('the passages beside a draft sentence', () => {
  let workspace: PrecedentWorkspace;
  before(async () => {
    workspace = await PrecedentWorkspace.load({ roots: [HISTORY_FIXTURE], cacheDir: null });
  });

  it('gives the closest passages whole, with the shared words marked and the difference from the sentence', () => {
    const sentence =
      'The Council strongly welcomes the report of the Secretary-General on the Sahel and calls for implementation of resolution 2401.';
    const [first, ...rest] = workspace.passagesForSentence(sentence, { limit: 5 });
    assert.equal(path.basename(first.file), '2017-05-04-sahel-mission-statement.md');
    assert.deepEqual(
      first.twins.map((t) => path.basename(t.file)),
      ['2017-05-04-sahel-verbatim-record.md'],
    );
    assert.equal(first.speaker, 'Ambassador D');
    const marked = first.shared.map(([start, end]) => first.text.slice(start, end));
    assert.equal(marked[0], 'The Council strongly welcomes the report of the Secretary-General on the');
    assert.ok(!marked.some((m) => m.includes('situation')), marked.join(' | '));
    const added = first.diff.filter((p) => p.kind === 'added').map((p) => p.text.trim());
    const removed = first.diff.filter((p) => p.kind === 'removed').map((p) => p.text.trim());
    assert.ok(added.includes('situation in the') && added.includes('2295 (2016)'), added.join(' | '));
    assert.ok(removed.includes('2401'), removed.join(' | '));
    assert.ok(rest.length >= 3 && rest.every((p) => p.similarity <= first.similarity));
  });

  it('returns nothing when no passage is close', () => {
    assert.deepEqual(workspace.passagesForSentence('Investment in railways for the northern provinces is overdue.', { limit: 5 }), []);
  });

  it("puts the verbatim record's UNODC sentence first for a draft that follows it", async () => {
    const bundled = await PrecedentWorkspace.load({ roots: [BUNDLED_CORPUS], cacheDir: null });
    const [first] = bundled.passagesForSentence(
      'Japan attaches great importance to the assistance provided by the United Nations Office on Drugs and Crime ' +
        'and is stepping up its support to that Office.',
      { limit: 5 },
    );
    assert.equal(first.file, corpusFile('verbatim-record'));
    assert.match(first.text, /^Japan therefore attaches great importance/);
  });
});

describe('the closest paragraphs for a comparison', () => {
  it('offers distinct paragraphs without the speaker tag, twins once', async () => {
    const workspace = await PrecedentWorkspace.load({ roots: [HISTORY_FIXTURE], cacheDir: null });
    const found = workspace.closestParagraphs(
      'The Council strongly welcomes the report of the Secretary-General on the situation in the Sahel, and calls for the full ' +
        'implementation of resolution 2295 (2016).',
      3,
    );
    assert.equal(found.length, 3);
    const [first] = found;
    assert.ok(first.text.startsWith('The Council strongly welcomes'), first.text);
    assert.equal(first.alsoIn.length, 1);
    assert.ok(found.every((p) => !/^Mr\. Doe/.test(p.text)));
  });
});
