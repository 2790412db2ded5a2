import { strict as assert } from 'assert';
import { findAcronymDefinitions } from '../../src/core/facts/acronyms';
import { fitToSeam } from '../../src/core/search/seam';
import { PrecedentWorkspace } from '../../src/core/workspace';
import type { continuationJson } from '../../src/cli/format';
import { BUNDLED_CORPUS, parseJson } from './helpers';
import { main } from '../../src/cli/main';
import { Writable } from 'stream';

describe('completions, acronyms and citing passages', () => {
  let workspace: PrecedentWorkspace;
  before(async () => {
    workspace = await PrecedentWorkspace.load({ roots: [BUNDLED_CORPUS], cacheDir: null });
  });

  it('continues a sentence from the corpus, to a clause or sentence boundary', () => {
    const continuations = workspace.complete('Japan therefore attaches great importance', 4).map((c) => c.text);
    assert.equal(continuations[0], ' to the assistance provided by the UNODC and is stepping up its support to UNODC.');
    assert.ok(continuations.includes(' to peacebuilding as part of its international cooperation,'));
  });

  it('completes the word being typed', () => {
    assert.match(workspace.complete('Japan therefore attaches great impor', 1)[0].text, /^tance to the assistance/);
  });

  it('offers distinct alternatives and nothing for too little text', () => {
    const texts = workspace.complete('In that regard, Japan has pledged approximately', 5).map((c) => c.text);
    assert.deepEqual(texts, [
      ' $23 million to the UNODC,',
      ' 23 million US dollars to the UNODC which should be disbursed by the end of this month.',
    ]);
    assert.deepEqual(workspace.complete('Japan', 5), []);
    assert.deepEqual(workspace.complete('xylophone zeppelin quartet', 5), []);
  });

  describe("at every seam with the drafter's text", () => {
    const first = (typed: string, after = '') => workspace.complete(typed, 1, after)[0]?.text;

    it('after a comma: never a second comma', () => {
      const typed = 'In that regard, Japan has pledged approximately 23 million US dollars to the UNODC,';
      const texts = workspace.complete(typed, 5).map((c) => c.text);
      assert.ok(texts.length > 0);
      assert.equal(texts[0], ' which should be disbursed by the end of this month.');
      for (const text of texts) assert.doesNotMatch(text, /^\s*,/);
    });

    it('after a full stop: nothing, the sentence is finished', () => {
      assert.deepEqual(workspace.complete('and is stepping up its support to UNODC.', 5), []);
      assert.deepEqual(workspace.complete('and is stepping up its support to UNODC. ', 5), []);
    });

    it('mid-word: the rest of the word; inside a word: nothing', () => {
      assert.match(first('Japan therefore attaches great impor'), /^tance to the assistance/);
      assert.deepEqual(workspace.complete('Japan therefore attaches great impor', 5, 'tance'), []);
    });

    it('before a comma or a full stop: ends at a word, the text after supplies the punctuation', () => {
      const beforeComma = first('Japan therefore attaches great importance', ', and Japan will continue');
      assert.equal(beforeComma, ' to the assistance provided by the UNODC and is stepping up its support to UNODC');
      assert.equal(first('Japan therefore attaches great importance', '.'), beforeComma);
    });

    it("at the end of a line: the corpus's own boundary, its full stop kept", () => {
      const atEnd = ' to the assistance provided by the UNODC and is stepping up its support to UNODC.';
      assert.equal(first('Japan therefore attaches great importance'), atEnd);
      assert.equal(first('Japan therefore attaches great importance', ''), atEnd);
    });

    it('after a space: no second space; before a word: one space between', () => {
      assert.match(first('Japan therefore attaches great importance '), /^to the assistance/);
      assert.match(first('Japan therefore attaches great importance ', 'and more'), /^to the assistance .* to UNODC $/);
      assert.match(first('Japan therefore attaches great importance', ' and more'), /^ to the assistance .* to UNODC$/);
    });

    it('accepting suggestions one after another never doubles punctuation or spaces', () => {
      let text = 'In that regard, Japan has pledged approximately';
      for (let accepted = 0; accepted < 3; accepted++) {
        const next = first(text);
        if (next === undefined) break;
        text += next;
      }
      assert.ok(text.length > 'In that regard, Japan has pledged approximately'.length);
      assert.doesNotMatch(text, /[,.;:]\s*[,.;:]|\s{2}|\s[,.;:]/);
    });

    it('fitToSeam joins without doubling and ends where the text after can follow', () => {
      assert.equal(fitToSeam(', which should be disbursed.', 'to the UNODC,', ''), ' which should be disbursed.');
      assert.equal(fitToSeam(' which should', 'to the UNODC, ', ''), 'which should');
      assert.equal(fitToSeam('. The next sentence.', 'to the UNODC,', ''), null);
      assert.equal(fitToSeam(' for peace and security,', 'to work', ','), ' for peace and security');
      assert.equal(fitToSeam(' for peace and security.', 'to work', ' and'), ' for peace and security');
      assert.equal(fitToSeam(' for peace and security.', 'to work', ' And'), ' for peace and security.');
      assert.equal(fitToSeam(' for peace', 'to work ', 'and'), 'for peace ');
      assert.equal(fitToSeam(' for peace', 'to work', 'and'), null);
      assert.equal(fitToSeam(' more', 'promote that agenda.', ''), null);
      assert.equal(fitToSeam(' more', 'promote that agenda.”', ''), null);
    });
  });

  it('learns acronyms with the expansion whose initials spell them', () => {
    const text =
      'assistance provided by the United Nations United Nations Office on Drugs and Crime (UNODC) ' +
      'and the Financial Action Task Force on Money Laundering (FATF)3 and the UN Office on Drugs and Crime (UNODC).';
    const found = findAcronymDefinitions(text);
    assert.deepEqual(
      found.map(({ acronym, expansion }) => ({ acronym, expansion })),
      [
        { acronym: 'UNODC', expansion: 'United Nations Office on Drugs and Crime' },
        { acronym: 'FATF', expansion: 'Financial Action Task Force on Money Laundering' },
        { acronym: 'UNODC', expansion: 'UN Office on Drugs and Crime' },
      ],
    );
    // Each definition's place: from the expansion's first word to the closing parenthesis.
    assert.deepEqual(
      found.map((d) => text.slice(d.start, d.end)),
      [
        'United Nations Office on Drugs and Crime (UNODC)',
        'Financial Action Task Force on Money Laundering (FATF)',
        'UN Office on Drugs and Crime (UNODC)',
      ],
    );
    assert.deepEqual(
      findAcronymDefinitions('Peacebuilding Fund (PBF) and (General) words.').map((d) => d.expansion),
      ['Peacebuilding Fund'],
    );
    assert.deepEqual(findAcronymDefinitions('We met them (briefly) and (UN) staff.'), []);
    // A minor word may give its letter: the "of" of JCPOA, the "of" of UNCLOS's "Law of the Sea".
    assert.deepEqual(
      findAcronymDefinitions(
        'We support the Joint Comprehensive Plan of Action (JCPOA) and the United Nations Convention on the Law of the Sea (UNCLOS).',
      ).map((d) => d.expansion),
      ['Joint Comprehensive Plan of Action', 'United Nations Convention on the Law of the Sea'],
    );
  });

  it('tells what an acronym stands for in the corpus and how often it is used', () => {
    const unodc = workspace.acronym('UNODC');
    assert.equal(unodc.expansion, 'United Nations Office on Drugs and Crime');
    assert.ok(unodc.uses >= 5);
    assert.deepEqual(workspace.acronym('XYZW'), { expansion: null, uses: 0 });
  });

  it('finds the passages that cite a resolution, not other numbers', () => {
    const citing = workspace.passagesCiting(2331, 3);
    assert.equal(citing.length, 1);
    assert.match(citing[0].text, /^Resolution 2331, which was adopted last December/);
    assert.equal(workspace.passagesCiting(2178, 3).length, 1);
  });

  it('precedent complete --json prints continuations, best first', async () => {
    let out = '';
    const sink = new Writable({ write: (chunk, _e, done) => ((out += chunk), done()) });
    const code = await main(
      ['complete', '--json', '--no-cache', '--corpus', BUNDLED_CORPUS, 'The Convention and the Protocol are universal'],
      sink,
      sink,
    );
    assert.equal(code, 0);
    const [first] = parseJson<Array<ReturnType<typeof continuationJson>>>(out);
    assert.deepEqual(Object.keys(first), ['text', 'file', 'line', 'title', 'date']);
    assert.equal(first.text, ' legal frameworks to combat trafficking in persons,');
  });

  it('precedent complete --after fits the continuation to the text after the cursor', async () => {
    let out = '';
    const sink = new Writable({ write: (chunk, _e, done) => ((out += chunk), done()) });
    const args = [
      'complete',
      '--json',
      '--no-cache',
      '--corpus',
      BUNDLED_CORPUS,
      '--after',
      ', and more',
      'Japan therefore attaches great importance',
    ];
    assert.equal(await main(args, sink, sink), 0);
    const [first] = parseJson<Array<ReturnType<typeof continuationJson>>>(out);
    assert.equal(first.text, ' to the assistance provided by the UNODC and is stepping up its support to UNODC');
  });
});
