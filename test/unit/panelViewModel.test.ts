import { strict as assert } from 'assert';
import * as path from 'path';
import {
  historyCards,
  historyRule,
  markedRuns,
  matchWindow,
  panelMessage,
  querySpans,
  searchCards,
  sentenceCards,
  sourceLine,
} from '../../src/core/panel/viewModel';
import { placeIn, readDraft } from '../../src/core/draft/draft';
import { isCancelled, LocalCorpus } from '../../src/core/service';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { ResolutionRegistry } from '../../src/core/citations/registry';
import { BUNDLED_CORPUS, REPO_ROOT } from './helpers';

const HISTORY_FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'phrase-history');
const registry = new ResolutionRegistry();

describe("the panel's view model", () => {
  let workspace: PrecedentWorkspace;
  before(async () => {
    workspace = await PrecedentWorkspace.load({ roots: [HISTORY_FIXTURE], cacheDir: null });
  });

  it("answers the panel's questions through the seam, as the workspace does, and not once cancelled", async () => {
    const corpus = new LocalCorpus(workspace);
    const sentence = 'The Council strongly welcomes the report of the Secretary-General on the Sahel';
    assert.deepEqual(await corpus.passagesForSentence(sentence, { limit: 5 }), workspace.passagesForSentence(sentence, { limit: 5 }));
    assert.deepEqual(await corpus.phraseHistory(sentence), workspace.phraseHistory(sentence));
    assert.deepEqual(await corpus.closestParagraphs(sentence, 3), workspace.closestParagraphs(sentence, 3));
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(corpus.passagesForSentence(sentence, { limit: 5, signal: controller.signal }), isCancelled);
    await assert.rejects(corpus.phraseHistory(sentence, { signal: controller.signal }), isCancelled);
    await assert.rejects(corpus.closestParagraphs(sentence, 3, { signal: controller.signal }), isCancelled);
  });

  it('finds the sentence at the cursor, also while the cursor rests after the space that follows it', () => {
    const sentenceAt = (text: string, offset: number, options: { markdown?: boolean } = {}) => {
      const place = placeIn(readDraft(text, '', options), offset);
      return place.prose ? place.sentence : null;
    };
    const text = '---\ntitle: Draft\n---\n\nMr. President,\n\nWe welcome the report. The Council strongly welcomes ';
    assert.equal(sentenceAt(text, text.indexOf('welcome the'))?.text, 'We welcome the report.');
    assert.equal(sentenceAt(text, text.length)?.text, 'The Council strongly welcomes');
    assert.equal(sentenceAt(text, 5), null);
    const markdown = 'Mr. President,\n\n```\ncode here\n```\n\nWe welcome it.';
    assert.equal(sentenceAt(markdown, markdown.indexOf('code'), { markdown: true }), null);
  });

  it('cards the passages beside a sentence, marking the one the ghost text comes from', () => {
    const passages = workspace.passagesForSentence('The Council strongly welcomes the report of the Secretary-General on the Sahel', {
      limit: 5,
    });
    const suggested = passages[1];
    const inside = { file: suggested.file, line: suggested.range.startLine, column: suggested.range.startColumn + 4 };
    const cards = sentenceCards(passages, inside, registry);
    assert.deepEqual(
      cards.map((c) => c.fromSuggestion),
      cards.map((_, i) => i === 1),
    );
    const after = { ...inside, line: suggested.range.endLine, column: suggested.range.endColumn + 1 };
    assert.ok(
      sentenceCards(passages, after, registry).every((c) => !c.fromSuggestion),
      'a place past the passage is not in it',
    );
    const [first] = cards;
    assert.equal(first.heading, "Statement on the Sahel (mission's text) · Ambassador D · 2017-05-04");
    assert.equal(first.also, 'Also in Statement on the Sahel (UN verbatim record)');
    assert.equal(first.passage.map((r) => r.text).join(''), first.text);
    assert.ok(first.diff?.some((r) => r.mark === 'added'));
    assert.match(first.citation, /\n— Statement on the Sahel \(mission's text\), Ambassador D, 2017-05-04$/);
    assert.match(first.label, /^Statement on the Sahel .* alike\. The Council/);
    assert.equal(first.caution, null);
  });

  it('says on a card what the passage gets wrong (a citation, a doubled word), before its wording is used', async () => {
    const bundled = await PrecedentWorkspace.load({ roots: [BUNDLED_CORPUS], cacheDir: null });
    const sentence =
      'Resolution 2231 (2016), which was adopted in December 2016, calls upon Member States to fully implement the United ' +
      'Nations Convention against Transnational Organized Crime and the Protocol to Prevent, Suppress and Punish Trafficking ' +
      'in Persons, Especially Women and Children.';
    const cards = sentenceCards(bundled.passagesForSentence(sentence, { limit: 3 }), null, registry);
    const record = cards.find((c) => c.file.endsWith('verbatim-record.md'));
    assert.equal(record?.caution, 'This passage gives 2016; resolution 2231 was adopted on 20 July 2015.');
    assert.match(record.label, /alike\. This passage gives 2016/);
    // The verbatim record's "United Nations United Nations Office", which Use this wording would write into the draft.
    const unodc = sentenceCards(
      bundled.passagesForSentence(
        'Japan attaches great importance to the assistance provided by the United Nations Office on Drugs and Crime.',
        { limit: 3 },
      ),
      null,
      registry,
    ).find((c) => c.file.endsWith('verbatim-record.md'));
    assert.equal(unodc?.caution, 'This passage repeats "United Nations".');
  });

  it('cards search results by relevance or newest first, twins once', () => {
    const matches = workspace.search('strongly welcomes the report sahel', { limit: 10 });
    const byDate = searchCards(matches, 'date', registry).map((c) => c.date);
    assert.deepEqual(byDate, [...byDate].sort().reverse());
    assert.equal(searchCards(matches, 'relevance', registry)[0].text, matches[0].text);
    assert.ok(searchCards(matches, 'relevance', registry).length < matches.length, 'the twin is shown once');
  });

  it('tells the history as steps, with the change from the version before and who said it where', () => {
    const history = workspace.phraseHistory(
      'The Council welcomes the report of the Secretary-General on the situation in the Sahel and calls for the full implementation ' +
        'of resolution 2100 (2013), in close cooperation with regional organizations.',
    );
    const cards = historyCards(history);
    assert.deepEqual(
      cards.map((c) => [c.step, c.when]),
      [
        ['First use', '2014-03-10 · 1 use'],
        ['Changed', '2015-06-22 – 2015-11-03 · 2 uses'],
        ['Changed', '2016-07-12 · 1 use'],
        ['Changed · latest use', '2017-05-04 · 1 use'],
      ],
    );
    assert.deepEqual(cards[1].changes, ['“welcomes” → “strongly welcomes”']);
    assert.deepEqual(cards[2].changes, ['“2100” → “2295”', '“2013” → “2016”']);
    assert.deepEqual(
      cards[3].uses.map((u) => u.label),
      ["Statement on the Sahel (mission's text) · Ambassador D · 2017-05-04", 'also in Statement on the Sahel (UN verbatim record)'],
    );
    assert.ok(cards[3].wording.some((r) => r.mark === 'removed' && r.text.includes('in close cooperation')));
    assert.match(
      historyRule(history),
      /^5 versions, oldest first: passages with at least 50% of words in common, or 80% of the phrase's words$/,
    );
  });

  it('labels a picker item with the words around the match, not the start of the passage', () => {
    const text =
      'Since the beginning of the year the delegations have met many times in many formats, and after long consultations ' +
      'the Council strongly welcomes the report of the Secretary-General on the Sahel, which it will study with care.';
    const label = matchWindow(text, querySpans(text, 'strongly welcomes report'), 80);
    assert.ok(label.startsWith('… ') && label.includes('strongly welcomes the report'), label);
    assert.ok(label.length <= 84, label);
    assert.equal(matchWindow('A short passage.', []), 'A short passage.');
    assert.deepEqual(markedRuns('abc def', [[4, 7]]), [
      { text: 'abc ', mark: null },
      { text: 'def', mark: 'shared' },
    ]);
  });

  it("says when a section's results lack the team server's part, and names a server passage's collection", () => {
    assert.equal(panelMessage(null, null), null);
    assert.equal(panelMessage('No passage matches.', null), 'No passage matches.');
    assert.equal(
      panelMessage(null, 'the server did not answer the search within 3 s'),
      'Server unavailable: the local corpus only. (the server did not answer the search within 3 s)',
    );
    assert.equal(
      panelMessage('No passage matches.', 'connect ECONNREFUSED'),
      'No passage matches. Server unavailable: the local corpus only. (connect ECONNREFUSED)',
    );
    const place = { title: 'Team statement', speaker: null, date: '2025-02-11' };
    assert.equal(sourceLine({ ...place, file: 'precedent-db:team/statement.md' }), 'Team statement · 2025-02-11 · server: team');
    assert.equal(sourceLine({ ...place, file: '/corpus/statement.md' }), 'Team statement · 2025-02-11');
  });
});
