import { strict as assert } from 'assert';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { PrecedentWorkspace } from '../../src/core/workspace';
import type { SearchMatch } from '../../src/core/types';
import { BUNDLED_CORPUS, TempDir } from './helpers';

describe('search over the bundled corpus', () => {
  let workspace: PrecedentWorkspace;
  before(async () => {
    workspace = await PrecedentWorkspace.load({ roots: [BUNDLED_CORPUS], cacheDir: null });
  });

  const top = (query: string, limit = 5): SearchMatch[] => workspace.search(query, { limit });
  const fileOf = (match: SearchMatch) => match.file.split('/').pop();

  it('finds a phrase in both versions of the 2017 speech first', () => {
    const results = top('attaches great importance to the assistance');
    assert.deepEqual(results.slice(0, 2).map(fileOf).sort(), [
      '2017-03-15-bessho-trafficking-mission-statement.md',
      '2017-03-15-bessho-trafficking-verbatim-record.md',
    ]);
    assert.ok(results[0].score > results[2].score);
  });

  it('finds keywords in any order, with typos', () => {
    const [first, second] = top('unodc pledged milion japan');
    for (const match of [first, second])
      assert.match(match.text, /Japan has pledged approximately (\$23 million|23 million US dollars) to the UNODC/);
  });

  it('tolerates a typo in a phrase', () => {
    assert.match(top('combat the root causes of trafficing')[0].text, /combat the root causes of ?trafficking in persons/);
  });

  it('matches resolution numbers exactly, never one digit away', () => {
    const r2331 = top('resolution 2331');
    assert.equal(r2331.length, 1);
    assert.equal(fileOf(r2331[0]), '2017-03-15-bessho-trafficking-mission-statement.md');
    const r2231 = top('resolution 2231');
    assert.equal(r2231.length, 1);
    assert.equal(fileOf(r2231[0]), '2017-03-15-bessho-trafficking-verbatim-record.md');
    // A number nothing holds is left out of the search, and every result says so; none is taken for it.
    const r2332 = top('resolution 2332');
    assert.ok(r2332.length > 0 && r2332.every((m) => m.unmatched?.join() === '2332' && !m.text.includes('2332')));
  });

  it('finds a passage through OCR joins and splits in the corpus', () => {
    assert.match(top('root causes of trafficking in persons')[0].text, /oftrafficking|of trafficking/);
    const japan = top("reaffirm japan's commitment to combatting trafficking");
    assert.ok(
      japan.some((m) => m.text.includes("J apan's")),
      'finds "J apan\'s" in the verbatim record',
    );
    const efforts = top('grassroots nation-building efforts');
    assert.match(efforts[0].text, /nation-building effo rts/);
  });

  it('ignores case, curly quotes and dashes', () => {
    assert.match(top('JAPAN’S FOREIGN POLICY TO PROMOTE NATIONAL')[0].text, /Japan’s Foreign Policy/);
    assert.ok(top('Japan–US Alliance').some((m) => m.text.includes('Japan–US Alliance')));
  });

  it('returns each result with its source, position, context and highlights', () => {
    const [match] = top('pledged approximately 23 million US dollars');
    assert.equal(fileOf(match), '2017-03-15-bessho-trafficking-mission-statement.md');
    assert.equal(match.date, '2017-03-15');
    assert.match(match.title ?? '', /^Statement by H\.E\. Ambassador Koro Bessho/);
    assert.ok(match.context.includes(match.text));
    assert.ok(match.score > 0 && match.score <= 1);
    const highlighted = match.matches.map(([start, end]) => match.text.slice(start, end).toLowerCase());
    assert.ok(highlighted.includes('pledged'), `highlights: ${highlighted.join('|')}`);
    assert.ok(highlighted.includes('dollars'));
  });

  it('returns nothing for a query with no words, or words the corpus lacks', () => {
    assert.deepEqual(top('  ...  '), []);
    assert.deepEqual(top('xylophone zeppelin'), []);
  });

  it('completes the word being typed', () => {
    assert.ok(top('peacebuilding fund contrib').some((m) => /contributed|contribution/i.test(m.text) && /Peacebuilding Fund/.test(m.text)));
  });
});

describe('search over copies of one passage', () => {
  const corpus = new TempDir();
  after(() => corpus.remove());

  it('lists different passages first, then the further copies of each', async () => {
    const repeated = 'We reaffirm our commitment to the protection of civilians in armed conflict.';
    for (const year of [2019, 2020, 2021]) writeFileSync(corpus.file(`${year}.md`), `---\ndate: ${year}-10-01\n---\n\n${repeated}\n`);
    writeFileSync(
      corpus.file('2022.md'),
      '---\ndate: 2022-10-01\n---\n\nWe reaffirm our strong commitment to the protection of civilians.\n',
    );
    const workspace = await PrecedentWorkspace.load({ roots: [corpus.path], cacheDir: null });
    const found = workspace.search('reaffirm our commitment to the protection of civilians', { limit: 4 });
    assert.deepEqual(
      found.map((match) => [path.basename(match.file), match.text === repeated]),
      [
        ['2019.md', true],
        ['2022.md', false],
        ['2020.md', true],
        ['2021.md', true],
      ],
    );
  });
});
