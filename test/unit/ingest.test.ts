import { strict as assert } from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { decodeBytes } from '../../src/core/corpus/decode';
import { BUNDLED_CORPUS, corpusFile, ingestFile, ingestString, passageTexts, sliceRange } from './helpers';

const VERBATIM = 'trafficking-verbatim-record';
const MISSION = 'trafficking-mission-statement';
const ISHIKANE = 'ishikane';
const MIGRATION = 'migration-and-development';
const BLUEBOOK = 'bluebook';

/** Letters and digits only: what must survive reflowing, whatever happens to spaces, breaks and hyphens. */
function letters(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

describe('ingestion of the bundled corpus', () => {
  for (const name of readdirSync(BUNDLED_CORPUS)) {
    it(`${name}: every passage's range holds exactly its text in the file`, () => {
      const file = path.join(BUNDLED_CORPUS, name);
      const text = decodeBytes(readFileSync(file)).text;
      const document = ingestFile(file);
      assert.ok(document.passages.length > 5);
      for (const [i, passage] of document.passages.entries()) {
        const original = sliceRange(text, passage.range);
        assert.equal(letters(original), letters(passageTexts(document)[i]), `passage ${i} at ${JSON.stringify(passage.range)}`);
      }
    });
  }

  it('reads the front matter of the bundled files', () => {
    const document = ingestFile(corpusFile(MISSION));
    assert.equal(document.meta.date, '2017-03-15');
    assert.equal(document.meta.kind, 'mission statement');
    assert.match(document.meta.speaker ?? '', /Koro Bessho/);
    const bluebook = ingestFile(corpusFile(BLUEBOOK));
    assert.equal(bluebook.meta.date, '2015');
    assert.equal(bluebook.meta.period, '2014');
  });

  it('reflows the verbatim record wrapped at 50 columns into its five paragraphs', () => {
    const document = ingestFile(corpusFile(VERBATIM));
    assert.equal(document.paragraphs.length, 5);
    assert.ok(document.paragraphs[2].text.startsWith('Resolution 2231 (2016), which was adopted in December 2016, calls upon'));
    const human = passageTexts(document).find((t) => t.includes('human security'));
    assert.match(human ?? '', /which is a human-centred approach/);
  });

  it('leaves OCR joins and splits as written', () => {
    const texts = passageTexts(ingestFile(corpusFile(VERBATIM))).join(' ');
    assert.match(texts, /root causes oftrafficking in persons/);
    assert.match(texts, /I reaffirm J apan's commitment/);
    assert.match(passageTexts(ingestFile(corpusFile(MIGRATION))).join(' '), /nation-building effo rts\./);
  });

  it('joins a PDF extract across stray blank lines mid-sentence', () => {
    const document = ingestFile(corpusFile(MIGRATION));
    const texts = passageTexts(document);
    assert.ok(texts.some((t) => t.includes('vulnerable members of society.')));
    assert.ok(texts.some((t) => t.includes('help UN agencies carry out activities')));
    assert.ok(texts.some((t) => t.endsWith('between the two continents.')));
    assert.equal(document.paragraphs.length, 6);
  });

  it('removes the web page footer of the mission statement', () => {
    const document = ingestFile(corpusFile(MISSION));
    const all = document.paragraphs.map((p) => p.text).join('\n');
    assert.doesNotMatch(all, /Facebook|Sitemap|Copyright|Plaza|Phone|japan\.mission@/);
    assert.equal(document.paragraphs[document.paragraphs.length - 1].text, 'I thank you, Mr. President.');
  });

  it('collapses indentation of non-breaking spaces and keeps one-line paragraphs apart', () => {
    const document = ingestFile(corpusFile(MISSION));
    const resolution = passageTexts(document).find((t) => t.startsWith('Resolution 2331'));
    assert.equal(
      resolution,
      'Resolution 2331, which was adopted last December, calls upon the Member States to fully implement ' +
        'the United Nations Convention against Transnational Organized Crime and its Protocol on trafficking in persons.',
    );
    assert.ok(document.paragraphs.some((p) => p.text === 'Mr. President,'));
  });

  it('splits sentences without breaking at titles and initials', () => {
    const ishikane = passageTexts(ingestFile(corpusFile(ISHIKANE)));
    assert.ok(ishikane.some((t) => t.startsWith('Statement by H.E. Ambassador ISHIKANE Kimihiro, Permanent Representative')));
    const mission = passageTexts(ingestFile(corpusFile(MISSION)));
    assert.ok(mission.includes('Statement by H. E. Ambassador Koro Bessho'));
  });
});

describe('ingestion of messy text', () => {
  it('removes UN page furniture in the middle of a paragraph, and the running header lines', () => {
    const text = [
      'The Assembly must act now to protect',
      'the most vulnerable people of the world',
      '15-29431 41/51',
      'and it must do so together with all of',
      'A/70/PV.16 29/09/2015',
      'the Member States of this Organization.',
      '16-29667 3/58 very worrying. The attacks on aid convoys must stop.',
    ].join('\n');
    const document = ingestString(text);
    const all = document.paragraphs.map((p) => p.text).join(' ');
    assert.doesNotMatch(all, /15-29431|41\/51|A\/70\/PV\.16|29\/09\/2015|16-29667|3\/58/);
    assert.match(all, /the most vulnerable people of the world and it must do so together with all of the Member States/);
  });

  it('keeps "(see A/70/PV.17)" in running text', () => {
    const document = ingestString('Yesterday the President delivered a statement (see A/70/PV.17) that was full of errors.');
    assert.match(passageTexts(document)[0], /\(see A\/70\/PV\.17\)/);
  });

  it('joins a word hyphenated at a line end unless the document writes it with a hyphen', () => {
    const wrapped = [
      'We call on all States to strengthen the protec-',
      'tion of civilians in armed conflict, and we call on',
      'them to adopt a people-centred and human-',
      'centred approach to the peacebuilding architecture.',
      'That is what a human-centred approach means for us all.',
    ].join('\n');
    const text = passageTexts(ingestString(wrapped)).join(' ');
    assert.match(text, /the protection of civilians/);
    assert.match(text, /people-centred and human-centred approach/);
  });

  it('ignores a stray byte-order mark after the front matter and counts positions in the file', () => {
    const text = '---\ntitle: T\n---\n\ufeffAs we speak today, the world is shaken. We condemn it.';
    const document = ingestString(text);
    assert.equal(passageTexts(document)[0], 'As we speak today, the world is shaken.');
    assert.deepEqual(document.passages[0].range, { startLine: 3, startColumn: 1, endLine: 3, endColumn: 40 });
  });

  it('counts positions on CRLF lines as VS Code does', () => {
    const text = 'Mr. President,\r\n\r\nJapan thanks you. We agree.\r\n';
    const document = ingestString(text);
    assert.deepEqual(passageTexts(document), ['Mr. President,', 'Japan thanks you.', 'We agree.']);
    assert.deepEqual(document.passages[2].range, { startLine: 2, startColumn: 18, endLine: 2, endColumn: 27 });
  });

  it('does not end sentences at abbreviations, initials or enumerations', () => {
    const text =
      'Mr. Guterres met H.E. Ms. Sato at U.N. Headquarters, e.g. in Room No. 3. It went well. ' +
      '(1) The first point is clear. 2. The second is too.';
    assert.deepEqual(passageTexts(ingestString(text)), [
      'Mr. Guterres met H.E. Ms. Sato at U.N. Headquarters, e.g. in Room No. 3.',
      'It went well.',
      '(1) The first point is clear.',
      '2. The second is too.',
    ]);
  });

  it('expands ligatures for the reader and keeps the original range', () => {
    const document = ingestString('We af\ufb01rm our commitment.');
    assert.equal(passageTexts(document)[0], 'We affirm our commitment.');
    assert.deepEqual(document.passages[0].range, { startLine: 0, startColumn: 0, endLine: 0, endColumn: 24 });
  });
});

describe('metadata without front matter', () => {
  it('infers title, date, speaker and venue from a mission web page', () => {
    const text = [
      'Statement by H.E. Ambassador ISHIKANE Kimihiro, Permanent Representative of Japan to the United Nations, ' +
        'at the Security Council Ministerial Open Debate on “Transnational organized crime”',
      '',
      '2023/12/7',
      '',
      'Mr. President,',
      '',
      'I thank you for convening this meeting on an important topic that concerns us all.',
    ].join('\n');
    const { meta } = ingestString(text);
    assert.match(meta.title ?? '', /^Statement by H\.E\. Ambassador ISHIKANE Kimihiro/);
    assert.equal(meta.speaker, 'ISHIKANE Kimihiro');
    assert.equal(meta.date, '2023-12-07');
    assert.equal(meta.venue, 'Security Council Ministerial Open Debate');
    assert.equal(meta.country, 'Japan', 'from "Permanent Representative of Japan"');
  });

  it('takes the country a statement is by, never a person', () => {
    const country = (title: string) => ingestString(`---\ntitle: "${title}"\n---\nWe met.`).meta.country;
    assert.equal(country('Statement by Japan on migration'), 'Japan');
    assert.equal(country('Statement by the United Kingdom at the Council'), 'United Kingdom');
    assert.equal(country('Statement by Kenji Suzuki at the Council'), null);
  });

  it('infers the speaker of a verbatim record, but no date from the body', () => {
    const body = readFileSync(corpusFile(VERBATIM), 'utf8').split('---\n').slice(2).join('---\n');
    const { meta } = ingestString(body);
    assert.equal(meta.speaker, 'Mr. Bessho (Japan)');
    assert.equal(meta.kind, 'verbatim record');
    assert.equal(meta.date, null);
  });

  it('takes a Markdown heading as the title and a date line', () => {
    const { meta } = ingestString('# Remarks on peacebuilding\n\n15 March 2017\n\nThank you, Madam Chair.');
    assert.equal(meta.title, 'Remarks on peacebuilding');
    assert.equal(meta.date, '2017-03-15');
  });
});
