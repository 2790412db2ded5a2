import { strict as assert } from 'assert';
import { writeFileSync } from 'fs';
import { ResolutionRegistry } from '../../src/core/citations/registry';
import { DEFAULT_CONFIG } from '../../src/core/checks/config';
import { AcronymTable } from '../../src/core/facts/acronyms';
import { extractFacts, type FactContext } from '../../src/core/facts/extract';
import { describeFact, FactBase, factWhen } from '../../src/core/facts/factBase';
import { unifyName } from '../../src/core/facts/names';
import { extractQuantities } from '../../src/core/facts/quantities';
import { findTimes } from '../../src/core/facts/times';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { corpusFile, ingestFile, TempDir } from './helpers';

const BUNDLED_DOCUMENTS = [
  'migration-and-development',
  'bluebook',
  'mission-statement',
  'verbatim-record',
  'transnational-organized-crime',
];

/** A fact as the tests compare it: actor · relation · subject key · figures · time. */
function summary(fact: {
  actor: { display: string };
  relation: string;
  subject: { key: string };
  quantities: Array<{ value: number; unit: string; approximate: boolean }>;
  time: string | null;
}) {
  const figures = fact.quantities.map((q) => `${q.approximate ? '~' : ''}${q.value} ${q.unit}`).join(', ');
  return `${fact.actor.display} · ${fact.relation} · ${fact.subject.key} · ${figures} · ${fact.time ?? '-'}`;
}

describe('facts', () => {
  const documents = BUNDLED_DOCUMENTS.map((name) => ingestFile(corpusFile(name)));
  const acronyms = new AcronymTable();
  for (const document of documents) for (const paragraph of document.paragraphs) acronyms.add(paragraph.text);
  const facts = FactBase.build(documents, acronyms);

  it('reads every figure and relation the five bundled documents state about who gave, sent, held or set up what', () => {
    // Every sentence of the bundled documents with a relation verb and an actor, as extracted; figures stated without a verb
    // ("including the provision of 15.5 million US dollars", "16 UN PKO missions are in place") state no fact.
    const expected = [
      'Japan · launched · asia youth volunteers programme for africa ·  · -',
      'Japan · held · fifth japan vietnam strategic partnership dialogue ·  · 2014',
      'Japan · dispatched · un pko missions · ~10000 persons, 13 count · 1992/2015',
      'Japan · held · summit on united nations peacekeeping ·  · 2014-09',
      'Japan · contributed · japan · ~3800000000 JPY · 2014',
      'Secretary-General · established · high level panel ·  · -',
      'Japan · provided · japan · ~5500000000 USD · 2001/2015',
      'Japan · announced · provision · 2000 persons, 100000000000 JPY · 2013',
      'Japan · provided · countries · 7 count, 642000000 JPY · 2014',
      'Japan · provided · tunisia · 687000000 JPY · -',
      'Japan · pledged · aid package · ~40000000 USD · 2014-03',
      'Peacebuilding Commission (PBC) · provided · advice · 6 count · -',
      'Japan · contributed · PBF · 42500000 USD, 5 ordinal · 2014-12',
      'program · trained · program · ~480 persons · 2014',
      'Japan · launched · balkan chamber orchestra ·  · 2007',
      'UN Security Council · adopted · resolution 2178 ·  · -',
      'Japan · pledged · support · ~25500000 USD · -',
      'Japan, US and Australia · held · trilateral strategic dialogue counter terrorism consultations ·  · -',
      'Japan · contributed · crime prevention and criminal justice fund · ~520000 USD · 2014',
      'United Nations Office on Drugs and Crime (UNODC) · established · crime prevention and criminal justice fund ·  · -',
      'Japan · contributed · UNODC · ~1000000 USD · 2014',
      'Japan · contributed · unodc fund of united nations international drug control programme · ~450000 USD · 2014',
      'Japan · contributed · UNODC · ~2500000 USD · -',
      'Japan · pledged · UNODC · ~23000000 USD · -',
      'Japan · allocated · japan · ~17000000 USD · 2023-11-30',
    ];
    assert.deepEqual(facts.facts.map(summary), expected);
  });

  it('keeps the pledge once although both texts of the 2017 speech state it ("$23 million", "23 million US dollars")', () => {
    const pledge = facts.facts.find((f) => f.relation === 'pledged' && f.subject.key === 'UNODC')!;
    assert.match(pledge.file, /mission-statement/);
    assert.equal(pledge.alsoIn.length, 1);
    assert.match(pledge.alsoIn[0], /verbatim-record/);
    assert.equal(pledge.subject.display, 'United Nations Office on Drugs and Crime (UNODC)');
  });

  it('reads the amount forms drafters write, with hedges', () => {
    const forms: Array<[string, number, string, boolean]> = [
      ['$23 million', 23e6, 'USD', false],
      ['23 million US dollars', 23e6, 'USD', false],
      ['US$23 million', 23e6, 'USD', false],
      ['US$ 23 million', 23e6, 'USD', false],
      ['approximately 3.8 billion yen', 3.8e9, 'JPY', true],
      ['642 million yen', 642e6, 'JPY', false],
      ['about 10,000 personnel', 1e4, 'persons', true],
      ['some 41 per cent', 41, 'percent', true],
      ['nine missions', 9, 'count', false],
      ['one hundred peacekeepers', 100, 'persons', false],
      ['twenty-five police officers', 25, 'persons', false],
    ];
    for (const [text, value, unit, approximate] of forms) {
      const [quantity] = extractQuantities(`Japan gave ${text} to them.`);
      assert.deepEqual([quantity.value, quantity.unit, quantity.approximate, quantity.text], [value, unit, approximate, text], text);
    }
  });

  it('resolves relative times against the document date, and reads the year phrases of reports', () => {
    const value = (text: string, date: string | null) => findTimes(text, date).map((t) => t.value);
    assert.deepEqual(value('approved by the Diet last week', '2023-12-07'), ['2023-11-30']);
    assert.deepEqual(value('which should be disbursed by the end of this month', '2017-03-15'), ['2017-03-31']);
    assert.deepEqual(value('which should be disbursed by the end of this month', '2017'), [], 'a year-only date resolves nothing relative');
    assert.deepEqual(value('since 1992', '2015'), ['1992/2015']);
    assert.deepEqual(value('since March 2014', null), ['2014-03/..']);
    assert.deepEqual(value('(as of December 2014)', '2015'), ['2014-12']);
    assert.deepEqual(value('In FY2014, Japan decided', '2015'), ['2014']);
    assert.deepEqual(value('from 2001 to 2014', null), ['2001/2014']);
    assert.deepEqual(value('on 20 December 2016', null), ['2016-12-20']);
    assert.deepEqual(value('resolution 2331 (2016) and 10,000 personnel', '2017-03-15'), [], 'numbers that are not times');
    assert.deepEqual(value('the 2014-2016 biennium and 2014–16', null), ['2014/2016', '2014/2016']);
    assert.deepEqual(value('dated 2017-03-31', null), [], 'an ISO date is no range of years');
    assert.deepEqual(value('reduce emissions by 2030', '2022'), [], 'a target year is no time of the fact');
    assert.deepEqual(value('completed by 2014', '2015'), ['2014']);
  });

  it('gives the actor "we" the document\'s country and unifies names through the corpus acronyms', () => {
    const context: FactContext = { documentDate: '2019', country: 'Japan', venue: null, acronyms };
    const [fact] = extractFacts('Yesterday we contributed $2 million to the UN Office on Drugs and Crime.', context);
    assert.equal(fact.actor.display, 'Japan');
    assert.equal(fact.subject.key, 'UNODC');
    assert.equal(unifyName('United Nations Office on Drugs and Crime', acronyms).key, 'UNODC');
    assert.equal(unifyName('the UNODC', acronyms).display, 'United Nations Office on Drugs and Crime (UNODC)');
    // Seed 004 glues a footnote marker to the acronym: "Financial Action Task Force on Money Laundering (FATF)3".
    assert.equal(unifyName('FATF', acronyms).display, 'Financial Action Task Force on Money Laundering (FATF)');
  });

  it('records nothing it cannot attribute', () => {
    const context: FactContext = { documentDate: '2017', country: null, venue: null, acronyms };
    for (const sentence of [
      'We welcome the results of the summit held in Tehran on 19 July.', // a participle, not a verb with an actor
      'The newly elected Government will deal with the situation.',
      'Where will we establish our independent State?',
      'It has accepted nearly 200,000 refugees.', // "it" cannot be resolved
      'We have contributed to peace.', // "we" of an unknown country
      'Biodiversity contributes to 70 per cent of national employment.', // a share, not an amount given
    ]) {
      assert.deepEqual(extractFacts(sentence, context), [], sentence);
    }
  });

  describe('tense, background and time', () => {
    const context: FactContext = { documentDate: '2019-06-04', country: 'Norway', venue: null, acronyms };
    const read = (sentence: string) => extractFacts(sentence, context).map(summary);

    it('reads a future transfer as a pledge, and a plan, a wish or a share in what others did as no fact', () => {
      assert.deepEqual(read('Norway will contribute 4 million US dollars to the Adaptation Fund.'), [
        'Norway · pledged · adaptation fund · 4000000 USD · -',
      ]);
      assert.deepEqual(read('The minister said that Norway would provide 3 million US dollars to the Peacebuilding Fund.'), [
        'Norway · pledged · PBF · 3000000 USD · -',
      ]);
      for (const sentence of [
        'Next month Norway will host the Oslo Forum on Mediation.',
        'We must establish a Regional Centre for Fisheries Data.',
        'Norway would deploy 40 engineers if asked.',
        'When we convene the Arctic Summit, ministers will meet.',
        'We helped establish the Alliance of Small Island States, which we have chaired since 2015.',
      ]) {
        assert.deepEqual(read(sentence), [], sentence);
      }
    });

    it('keeps a participle after its noun as undated background, shown as written', () => {
      const facts = extractFacts(
        'In 2016, Norway contributed 2 million US dollars to the Ocean Data Fund established by the World Bank.',
        context,
      );
      assert.deepEqual(facts.map(summary), [
        'Norway · contributed · ocean data fund · 2000000 USD · 2016',
        'World Bank · established · ocean data fund ·  · -',
      ]);
      assert.deepEqual(
        facts.map((f) => f.background),
        [false, true],
      );
      const [, background] = facts;
      const shown = { ...background, text: '', file: '', range: { startLine: 0, startColumn: 0, endLine: 0, endColumn: 0 } };
      const fact = { ...shown, title: null, speaker: null, date: '2019', asOf: '2019', alsoIn: [] };
      assert.equal(describeFact(fact), 'Ocean Data Fund established by World Bank');
      assert.equal(factWhen(fact), 'undated');
    });

    it('dates a pledge by its own clause, never by a deadline or a later clause', () => {
      assert.deepEqual(read('Norway has pledged 6 million US dollars to the UNHCR, which must be spent by the end of this month.'), [
        'Norway · pledged · UNHCR · 6000000 USD · -',
      ]);
      assert.deepEqual(read('Norway has pledged 6 million US dollars to the UNHCR to be disbursed by 2019.'), [
        'Norway · pledged · UNHCR · 6000000 USD · -',
      ]);
      assert.deepEqual(read('In March 2018, Norway pledged 6 million US dollars to the UNHCR.'), [
        'Norway · pledged · UNHCR · 6000000 USD · 2018-03',
      ]);
    });

    it('reads the recipient of a transfer named by a noun', () => {
      assert.deepEqual(read('Norway announced an additional contribution of 9 million US dollars to the World Food Programme.'), [
        'Norway · announced · world food programme · 9000000 USD · -',
      ]);
    });

    it('keeps figures that are not amounts of the act out of it', () => {
      for (const sentence of [
        'The Assembly adopted resolution 70/1 with 193 votes in favour.', // a count of another thing
        'Norway has pledged to cut emissions by 40 per cent.', // a change, not an amount given
        'Norway contributes only 0.1 per cent of global emissions.', // a share
      ]) {
        assert.deepEqual(
          extractFacts(sentence, context).flatMap((f) => f.quantities),
          [],
          sentence,
        );
      }
      assert.deepEqual(read('Norway has received 9,000 refugees and spent 80 million US dollars on housing.'), [
        'Norway · received · norway · 9000 persons · -',
      ]);
    });

    it('reads no actor from a list, a place or a pronoun it cannot resolve', () => {
      for (const sentence of [
        'Norway, together with Chile, Ghana, Fiji and Peru, launched the Ocean Action Coalition.', // one of a list
        'The regional summit in Oslo adopted the Oslo Declaration on Plastics.',
        'His country has donated 2 million US dollars to the Ebola fund.',
        'You elected Norway to the Security Council.',
      ]) {
        assert.deepEqual(read(sentence), [], sentence);
      }
    });

    it('reads "we" adopting, holding or electing as the membership together, not the country', () => {
      assert.deepEqual(read('Last year we adopted the Global Compact on Oceans.'), []);
      const national = 'Norway · adopted · national ocean strategy ·  · -';
      assert.deepEqual(read('My Government adopted the National Ocean Strategy.'), [national]);
      assert.deepEqual(read('We launched the Ocean Data Initiative.'), ['Norway · launched · ocean data initiative ·  · -']);
    });

    it('takes the whole name a participle follows, prepositions and all', () => {
      const facts = extractFacts('We support the Framework for Response to Marine Pollution launched by the Secretary-General.', context);
      assert.deepEqual(facts.map(summary), ['Secretary-General · launched · framework for response to marine pollution ·  · -']);
    });

    it('reads the recipient a group names, names that list things, and qualifiers of one noun', () => {
      assert.deepEqual(read('Norway has provided 3 million US dollars to developing countries.'), [
        'Norway · provided · developing countries · 3000000 USD · -',
      ]);
      assert.deepEqual(read('Norway has donated 3 million US dollars to Sahrawi refugees.'), [
        'Norway · donated · sahrawi refugees · 3000000 USD · -',
      ]);
      assert.deepEqual(read('Norway established the Centre for the Study of Peace, Justice and Reconciliation.'), [
        'Norway · established · centre for study of peace justice and reconciliation ·  · -',
      ]);
      assert.deepEqual(read('Norway has provided medical, legal, and technical support worth 5 million US dollars.'), [
        'Norway · provided · medical, legal, and technical support · 5000000 USD · -',
      ]);
    });

    it('reads no transfer without its own figure, and no rate or people helped as one', () => {
      for (const sentence of [
        'In 2015, Norway provided support to the Sahel Alliance.', // a transfer needs a figure
        'Norway has invested 20,000 US dollars per school.', // a rate
        'Norway has provided a home for 6,000 refugees.', // those helped, not what was given
        'Together we established the Global Ocean Partnership.', // the partners together
      ]) {
        assert.deepEqual(read(sentence), [], sentence);
      }
    });

    it('reads a list that stands as the actor whole', () => {
      assert.deepEqual(read('Norway, Chile, Ghana and Fiji, together, launched the Ocean Action Coalition.'), [
        'Norway, Chile, Ghana and Fiji · launched · ocean action coalition ·  · -',
      ]);
    });

    it('reads "held" and "hosted" only for meetings', () => {
      assert.deepEqual(read('Norway hosted the Oslo Conference on Humanitarian Aid.'), [
        'Norway · held · oslo conference on humanitarian aid ·  · -',
      ]);
      assert.deepEqual(read('Norway hosted President Ramos of the Philippines.'), []);
    });
  });

  describe('lookup', () => {
    it('finds the UNODC pledge first for "unodc pledge", and the Peacebuilding Fund for its contribution', () => {
      assert.equal(summary(facts.lookup('unodc pledge')[0]), 'Japan · pledged · UNODC · ~23000000 USD · -');
      assert.equal(facts.lookup('peacebuilding fund contribution')[0].subject.key, 'PBF');
      assert.match(facts.lookup('pko personnel')[0].text, /10,000 personnel on a total of 13 UN PKO missions since 1992/);
      assert.deepEqual(facts.lookup('zzzz qqqq'), []);
    });

    it('lists a subject newest first', () => {
      const unodc = facts.lookup('unodc contributions', 10).filter((f) => f.subject.key === 'UNODC');
      const asOf = unodc.map((f) => f.asOf ?? '');
      assert.ok(unodc.length >= 3);
      assert.deepEqual(asOf, [...asOf].sort().reverse());
    });
  });
});

describe('figure-precedent against recorded facts', () => {
  const dir = new TempDir();
  let workspace: PrecedentWorkspace;
  before(async () => {
    writeFileSync(
      dir.file('2014-statement.md'),
      '---\ndate: 2014-06-01\n---\nJapan has contributed 40 million US dollars to the Peacebuilding Fund (PBF).\n',
    );
    writeFileSync(
      dir.file('2023-statement.md'),
      '---\ndate: 2023-06-01\n---\nJapan has contributed 50 million US dollars to the Peacebuilding Fund.\n',
    );
    workspace = await PrecedentWorkspace.load({ roots: [dir.path], cacheDir: null });
  });
  after(() => dir.remove());

  const findings = (amount: string) =>
    workspace
      .check(`---\ndate: 2024-01-10\n---\nJapan has contributed ${amount} to the Peacebuilding Fund.\n`, '/drafts/draft.md', {
        registry: new ResolutionRegistry(),
        config: DEFAULT_CONFIG,
      })
      .filter((f) => f.code === 'figure-precedent');

  it('never flags the latest figure, however written', () => {
    assert.deepEqual(findings('$50 million'), []);
  });

  it('says when the figure is an older one, and offers the latest', () => {
    const [finding] = findings('40 million US dollars');
    assert.match(
      finding.message,
      /^40 million US dollars → 50 million US dollars: this is the 2014 figure; the 2023 statement \(2023-statement\.md:4\) gives/,
    );
    assert.equal(finding.fixes[0].replacement, '50 million US dollars');
    assert.equal(finding.related.length, 2);
  });

  it('names the latest figure when the draft has neither', () => {
    const [finding] = findings('45 million US dollars');
    assert.match(
      finding.message,
      new RegExp(
        String.raw`^45 million US dollars → 50 million US dollars: the 2023 statement \(2023-statement\.md:4\) says ` +
          String.raw`Japan contributed to Peacebuilding Fund \(PBF\) "50 million US dollars"`,
      ),
    );
  });
});
