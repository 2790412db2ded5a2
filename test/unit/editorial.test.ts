import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { ResolutionRegistry } from '../../src/core/citations/registry';
import { type CheckConfig, DEFAULT_CONFIG, parseConfig } from '../../src/core/checks/config';
import { CHECKS } from '../../src/core/checks/runChecks';
import { type Finding, preferredFix } from '../../src/core/checks/types';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { BUNDLED_CORPUS, corpusFile, parseJson, REPO_ROOT } from './helpers';

type Setting = { default?: unknown; enum?: string[] };

const UN_STYLE: CheckConfig = { ...DEFAULT_CONFIG, style: 'un' };

describe('editorial checks', () => {
  let workspace: PrecedentWorkspace;
  before(async () => {
    workspace = await PrecedentWorkspace.load({ roots: [BUNDLED_CORPUS], cacheDir: null });
  });

  /** The findings of one code, as [flagged text, first fix] pairs. */
  const flagged = (code: string, text: string, config = DEFAULT_CONFIG) =>
    workspace
      .check(text, '/drafts/draft.md', { registry: new ResolutionRegistry(), config })
      .filter((f: Finding) => f.code === code)
      .map((f) => [text.slice(f.start, f.end), f.fixes[0]?.replacement ?? null]);

  describe('abbreviation-undefined', () => {
    it('spells out at first use what the corpus or the UN list defines', () => {
      assert.deepEqual(flagged('abbreviation-undefined', 'Japan supports the UNODC. The UNODC works hard. The NPT matters.'), [
        ['UNODC', 'United Nations Office on Drugs and Crime (UNODC)'],
        ['NPT', 'Treaty on the Non-Proliferation of Nuclear Weapons (NPT)'],
      ]);
    });

    it('counts every way a draft spells one out: other official names, lower case, no parentheses', () => {
      const text =
        'The Cooperation Council for the Arab States of the Gulf (GCC) met; the GCC agreed. ' +
        'We support small island developing States (SIDS); SIDS matter. ' +
        'The Organization for Security and Co-operation in Europe works, and the OSCE helps. ' +
        'The Treaty on the Non-Proliferation of Nuclear Weapons (NPT) holds; the NPT too.';
      assert.deepEqual(flagged('abbreviation-undefined', text), []);
    });

    it('spares defined, widely known, unknown abbreviations, front matter, headings and Roman numerals', () => {
      const text =
        '---\ntitle: UNODC briefing\n---\nSTATEMENT BY JAPAN ON UNODC AND CRIME\n\n' +
        'The United Nations Office on Drugs and Crime (UNODC) and the UN, UNICEF and the XQZT work. ' +
        'Resolution 1514 (XV) and the UNODC.';
      assert.deepEqual(flagged('abbreviation-undefined', text), []);
    });
  });

  it('abbreviation-before-definition: a use above the place it is spelt out', () => {
    const text = 'The UNODC helps. Later, the United Nations Office on Drugs and Crime (UNODC) helps again.';
    assert.deepEqual(flagged('abbreviation-before-definition', text), [['UNODC', 'United Nations Office on Drugs and Crime (UNODC)']]);
    assert.deepEqual(
      flagged('abbreviation-before-definition', 'The United Nations Office on Drugs and Crime (UNODC) helps. The UNODC helps.'),
      [],
    );
  });

  it('abbreviation-before-definition: a name that lists things, with commas and "and", is a definition', () => {
    const text = 'Our WPS agenda matters. We champion the Women, Peace and Security (WPS) agenda.';
    assert.deepEqual(flagged('abbreviation-before-definition', text), [['WPS', 'Women, Peace and Security (WPS)']]);
    const listed = 'Our CBRN experts help. They face Chemical, Biological, Radiological and Nuclear (CBRN) threats.';
    assert.deepEqual(flagged('abbreviation-before-definition', listed), [
      ['CBRN', 'Chemical, Biological, Radiological and Nuclear (CBRN)'],
    ]);
    // A comma before the name is no part of it: "In Asia, the Peacebuilding Fund (PBF)" spells out PBF alone.
    const before = 'The PBF grew. In Asia, Peacebuilding Fund (PBF) projects grew.';
    assert.deepEqual(flagged('abbreviation-before-definition', before), [['PBF', 'Peacebuilding Fund (PBF)']]);
    assert.deepEqual(
      flagged('abbreviation-before-definition', 'We champion the Women, Peace and Security (WPS) agenda. The WPS agenda matters.'),
      [],
    );
  });

  it('abbreviation-before-definition: a heading in capitals run into the text is no use', () => {
    const heading = 'Trade grew. THE LDCs AND OUR FUTURE Growth slowed in the least developed countries (LDCs) this year.';
    assert.deepEqual(flagged('abbreviation-before-definition', heading), []);
    const list = 'We thank UNDP, LDCs and donors. Growth slowed in the least developed countries (LDCs) this year.';
    assert.deepEqual(flagged('abbreviation-before-definition', list), [['LDCs', 'least developed countries (LDCs)']]);
  });

  it('abbreviation-redefined: spelt out twice, or two ways', () => {
    const twice = 'The Peacebuilding Fund (PBF) grew. Later the Peacebuilding Fund (PBF) grew more.';
    assert.deepEqual(flagged('abbreviation-redefined', twice), [['Peacebuilding Fund (PBF)', 'PBF']]);
    const twoWays = 'The Palestine Liberation Organization (PLO) spoke. The Palestinian Liberation Organization (PLO) spoke.';
    assert.deepEqual(flagged('abbreviation-redefined', twoWays), [['Palestinian Liberation Organization (PLO)', null]]);
    assert.deepEqual(flagged('abbreviation-redefined', 'The Peacebuilding Fund (PBF) grew. The PBF grew more.'), []);
  });

  it('offers judgement calls as choices, never as the fix to apply unasked', () => {
    const findings = workspace.check(
      '---\nstatus: final\n---\nThe Council [encourages/calls upon] States. We thank the the President.',
      '/drafts/draft.md',
      {
        registry: new ResolutionRegistry(),
        config: DEFAULT_CONFIG,
      },
    );
    const preferred = (code: string) => preferredFix(findings.find((f) => f.code === code)!);
    assert.equal(preferred('bracket-left'), null);
    assert.equal(preferred('repeated-word')?.replacement, '');
  });

  describe('repeated-word', () => {
    const repeated = (text: string) => flagged('repeated-word', text).map(([words]) => words);

    it('flags slips in any case, single words and runs', () => {
      assert.deepEqual(repeated('The the harvest failed twice.'), ['the']);
      assert.deepEqual(repeated('The talks ended in In April without a text.'), ['In']);
      assert.deepEqual(repeated('We count on the support of the of the donors.'), ['of the']);
      assert.deepEqual(repeated('Ships wait at at the port.'), ['at']);
    });

    it('spares reduplications and idioms by their shape', () => {
      for (const text of [
        'Tariffs climbed higher and higher and higher that year.',
        'The envoy asked again and again and received no answer.',
        'Arms are becoming less and less precise and more and more deadly.',
        'Volunteers went door to door to count the displaced.',
        'Farmers and herders must work hand in hand in the valley.',
        'Complaints piled up day after day after the flood.',
        'We must call a thief a thief before the court.',
        'We must call a thief a thief, a lie a lie and fraud fraud, without fear.',
      ]) {
        assert.deepEqual(repeated(text), [], text);
      }
    });

    it('spares names, words in another case written so on purpose, and hyphenated compounds', () => {
      for (const text of [
        'We welcome Mr. Abdullah Abdullah to the talks.',
        'The world needs a stronger and united United Nations.',
        'We thank the regional office of the Office of the Special Envoy.',
        'The swearing-in in March closed the transition.',
        'We shall focus on on-site inspections.',
      ]) {
        assert.deepEqual(repeated(text), [], text);
      }
    });
  });

  it('salutation-mixed: "Mr. President" and "Madam President" in one statement', () => {
    const mixed = 'Mr. President, I thank you. We agree. I thank you, Madam President.';
    assert.deepEqual(flagged('salutation-mixed', mixed), [['Madam President', 'Mr. President']]);
    assert.deepEqual(flagged('salutation-mixed', 'Madam Chair, thank you. Mr. President, welcome. Thank you, Madam Chair.'), []);
    assert.deepEqual(flagged('salutation-mixed', '**Mr President,** we thank you. Thank you, **Madam President**.'), [
      ['Madam President', 'Mr President'],
    ]);
  });

  it('salutation-mixed: only addresses count, not a salutation a sentence talks about', () => {
    const mention = 'Mr. President, I thank you. One day delegates will greet Madam President in this Hall. Thank you, Mr. President.';
    assert.deepEqual(flagged('salutation-mixed', mention), []);
  });

  describe('spelling-variant', () => {
    it('flags the minority spelling and offers the majority', () => {
      const text = 'The programme works. Another programme works. One program failed. The organisation and the Organization.';
      assert.deepEqual(flagged('spelling-variant', text), [
        ['program', 'programme'],
        // One each: the form met first wins, in the case of the word it replaces.
        ['Organization', 'Organisation'],
      ]);
    });

    it('leaves the spelling of names alone', () => {
      const text =
        'The programme helps. Another programme too. The Africa Adaptation Acceleration Program helps, ' +
        'as does the World Health Organization; our organisation agrees.';
      assert.deepEqual(flagged('spelling-variant', text), []);
      assert.deepEqual(flagged('un-spelling', 'The Global Center for Combating Extremist Ideology is a center.', UN_STYLE), [
        ['center', 'centre'],
      ]);
    });

    it('leaves the variants to un-spelling under the UN style sheet, and spares -ise words that never take -ize', () => {
      assert.deepEqual(flagged('spelling-variant', 'The organisation and the organization.', UN_STYLE), []);
      assert.deepEqual(flagged('un-spelling', 'The organisation and the organization.', UN_STYLE), [['organisation', 'organization']]);
      assert.deepEqual(flagged('spelling-variant', 'We advise on fundraising and exercise; we advise again.'), []);
      assert.deepEqual(flagged('un-spelling', 'We liaise, practise and fulfilled; the centred and licensed checks.', UN_STYLE), []);
      assert.deepEqual(flagged('un-spelling', 'The program centered on fulfillment.', UN_STYLE), [
        ['program', 'programme'],
        ['centered', 'centred'],
        ['fulfillment', 'fulfilment'],
      ]);
    });
  });

  it('bracket-left: alternatives and "bis" left in a final text, never in a draft, never Markdown links', () => {
    const body = 'The Council [encourages/calls upon] States. See [the report](https://un.org) and note[^1]. Paragraph 5 bis stays.';
    assert.deepEqual(flagged('bracket-left', `---\nstatus: final\n---\n${body}`), [
      ['[encourages/calls upon]', 'encourages'],
      ['5 bis', null],
    ]);
    assert.deepEqual(flagged('bracket-left', `---\nstatus: draft\n---\n${body}`), []);
    const editorial = 'He said "we [...] agree [sic]" and [the Council] acts.\n\n- [ ] done\n- [x] sent\n\n[ref]: https://un.org';
    assert.deepEqual(flagged('bracket-left', `---\nstatus: final\n---\n${editorial}`), [['[the Council]', null]]);
  });

  describe('UN style sheet (opt-in)', () => {
    const un = (code: string, text: string) => flagged(code, text, UN_STYLE);

    it('runs only when chosen', () => {
      assert.deepEqual(flagged('un-resolution-case', 'We recall UNSC Resolution 2331 (2016).'), []);
    });

    it('un-resolution-case and un-body-in-full: "Security Council resolution 2331 (2016)", never "UNSC Resolution 2331"', () => {
      assert.deepEqual(un('un-resolution-case', 'We recall UNSC Resolution 2331 (2016). Resolution 2331 (2016) is clear.'), [
        ['Resolution', 'resolution'],
      ]);
      assert.deepEqual(un('un-body-in-full', 'We recall UNSC Resolution 2331 (2016) and GA resolution 70/1 before the UNGA.'), [
        ['UNSC', 'Security Council'],
        ['GA', 'General Assembly'],
        ['UNGA', 'General Assembly'],
      ]);
    });

    it('un-date-format: "20 December 2016"', () => {
      assert.deepEqual(un('un-date-format', 'Adopted on December 20, 2016, and on the 5th of March; on 20 December 2016.'), [
        ['December 20, 2016', '20 December 2016'],
        ['5th of March', '5 March'],
      ]);
    });

    it('un-member-states and un-secretary-general', () => {
      assert.deepEqual(un('un-member-states', 'All member states and Member States, and EU member States.'), [
        ['member states', 'Member States'],
      ]);
      assert.deepEqual(
        un('un-member-states', 'We call on all UN member states, United Nations member states and the member states of this Organization.'),
        [
          ['member states', 'Member States'],
          ['member states', 'Member States'],
          ['member states', 'Member States'],
        ],
      );
      for (const text of [
        'AU member states agreed.', // another body's members
        'European Union member states agreed.',
        'The member states of the Southern African Development Community met.',
        'Somalia and its federal member states agreed.',
        'POLITICAL TENSIONS AMONG MEMBER STATES PERSIST.', // capitals have no case to correct
      ]) {
        assert.deepEqual(un('un-member-states', text), [], text);
      }
      assert.deepEqual(un('un-secretary-general', 'The Secretary General and the Secretary-General.'), [
        ['Secretary General', 'Secretary-General'],
      ]);
    });

    it('un-spelling: Oxford -ize, but "programme", "centre", "analyse"', () => {
      assert.deepEqual(un('un-spelling', 'The organisation will analyze the program at the center; we recognize it.'), [
        ['organisation', 'organization'],
        ['analyze', 'analyse'],
        ['program', 'programme'],
        ['center', 'centre'],
      ]);
    });

    it('un-numbers: one to nine in words, 10 and above in figures, labels and amounts left alone', () => {
      assert.deepEqual(un('un-numbers', 'We sent 5 missions and twelve experts under Goal 5 targets, 3 per cent, 2 million people.'), [
        ['5', 'five'],
        ['twelve', '12'],
      ]);
      assert.deepEqual(un('un-numbers', 'Twelve countries spoke.'), [], 'a number opening a sentence is spelt out');
      for (const text of [
        'The sea rose 3 metres and the air 2 degrees.', // measures
        'Children as young as 5 years old, and those under 4 years of age.', // ages
        'Eight hundred and fifty years ago, the city rose.', // one number spelt out whole
        'Within the next 4–5 years, we will finish.', // a range
        'We have 24 private channels, 7 news agencies and 11 radio stations.', // a series with larger figures
      ]) {
        assert.deepEqual(un('un-numbers', text), [], text);
      }
      assert.deepEqual(un('un-numbers', 'In 2020 we opened 4 clinics.'), [['4', 'four']], 'a year is no larger figure of a series');
      assert.deepEqual(un('un-numbers', 'SDG 5 is central; at 9 this morning; five missions; twenty-five experts.'), [
        ['twenty-five', '25'],
      ]);
    });

    it('un-per-cent and un-abbreviation-stops', () => {
      assert.deepEqual(un('un-per-cent', 'Growth was 5% and 6 percent.'), [
        ['%', ' per cent'],
        ['percent', 'per cent'],
      ]);
      assert.deepEqual(un('un-abbreviation-stops', 'The U.N. and H.E. the Ambassador in Washington, D.C. met.'), [['U.N.', 'UN']]);
      // A person's initials before the name, and a name's own letters, keep their stops; a known abbreviation does not.
      assert.deepEqual(un('un-abbreviation-stops', 'We recall P.C. Chang and Captain H.W.D. Perera, and the U.N. Charter.'), [
        ['U.N.', 'UN'],
      ]);
      assert.deepEqual(
        un('un-abbreviation-stops', 'It was agreed in the U.S. The talks go on.'),
        [['U.S.', 'US.']],
        'the stop that ends the sentence stays',
      );
    });

    it('raises nothing on the bundled verbatim record, which the UN edited itself, but its own real errors', () => {
      const seed = readFileSync(corpusFile('verbatim-record'), 'utf8');
      const codes = workspace
        .check(seed, '/drafts/verbatim-record.md', { registry: new ResolutionRegistry(), config: UN_STYLE })
        .map((f) => f.code);
      assert.deepEqual(codes, ['resolution-year', 'repeated-word']);
    });
  });

  it('reads "style" from .precedent.json and reports a wrong one', () => {
    assert.equal(parseConfig('{ "style": "un" }', '/x/.precedent.json').style, 'un');
    const wrong = parseConfig('{ "style": "chicago" }', '/x/.precedent.json');
    assert.equal(wrong.style, null);
    assert.match(wrong.problems[0], /"style" must be one of un/);
  });
});

describe('package.json', () => {
  it('offers a severity setting for every check code, with its default', () => {
    const manifest = parseJson<{ contributes: { configuration: { properties: Record<string, Setting> } } }>(
      readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'),
    );
    const properties = manifest.contributes.configuration.properties;
    for (const check of CHECKS) {
      const setting = properties[`precedent.checks.${check.code}`];
      assert.ok(setting, `precedent.checks.${check.code} is missing`);
      assert.equal(setting.default, check.defaultSeverity, check.code);
    }
    assert.deepEqual(properties['precedent.style']?.enum, ['none', 'un']);
  });
});
