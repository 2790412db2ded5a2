import { strict as assert } from 'assert';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { ResolutionRegistry } from '../../src/core/citations/registry';
import { DEFAULT_CONFIG, parseConfig } from '../../src/core/checks/config';
import { findConfig } from '../../src/core/checks/configFile';
import type { Finding } from '../../src/core/checks/types';
import { extractQuantities } from '../../src/core/facts/quantities';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { BUNDLED_CORPUS, corpusFile, TempDir } from './helpers';

const DRAFT = '/drafts/statement.md';
const FRONT = '---\ndate: 2017-03-15\n---\n';

describe('checks on a draft', () => {
  let workspace: PrecedentWorkspace;
  const registry = new ResolutionRegistry();
  before(async () => {
    workspace = await PrecedentWorkspace.load({ roots: [BUNDLED_CORPUS], cacheDir: null });
  });

  const check = (text: string, config = DEFAULT_CONFIG): Finding[] => workspace.check(text, DRAFT, { registry, config });
  const codes = (text: string) => check(text).map((f) => f.code);
  const flagged = (text: string, finding: Finding) => text.slice(finding.start, finding.end);

  describe('resolution-year', () => {
    // Seed 000 itself, hard-wrapped as the UN printed it, checked as if it were a draft.
    const seed = readFileSync(corpusFile('verbatim-record'), 'utf8');

    it("flags the verbatim record's 2231 (2016), names the true date, and prefers 2331, adopted in December 2016 as it says", () => {
      const [finding] = check(seed).filter((f) => f.code === 'resolution-year');
      assert.equal(finding.severity, 'warning');
      assert.match(
        finding.message,
        new RegExp(
          '^2016 → 2015: Security Council resolution 2231 was adopted on 20 July 2015. ' +
            'Did you mean resolution 2331 \\(2016\\), adopted in December 2016 as this sentence says',
        ),
      );
      assert.equal(flagged(seed, finding), 'Resolution 2231 (2016)');
      // The year and the month stated after it both say 2331: the number is the slip. The year fix mends the date too.
      assert.deepEqual(
        finding.fixes.map((f) => [f.title, seed.slice(f.start, f.end), f.replacement, f.choice ?? false]),
        [
          ['Cite resolution 2331 (2016)', '2231', '2331', false],
          [
            'Change the year to 2015 and the date to July 2015',
            '2016), which was adopted in\nDecember 2016',
            '2015), which was adopted in\nJuly 2015',
            true,
          ],
        ],
      );
      // Neither fix writes a new error into the citation.
      for (const fix of finding.fixes) {
        const fixed = seed.slice(0, fix.start) + fix.replacement + seed.slice(fix.end);
        assert.deepEqual(
          check(fixed).filter((f) => f.code.startsWith('resolution-') && f.start < fix.end + 10 && f.end > fix.start - 10),
          [],
          fix.title,
        );
      }
    });

    it('offers only the year when the corpus does not cite a number one digit away in like words', () => {
      const text = 'We recall resolution 2231 (2016) today.';
      const [finding] = check(text);
      assert.deepEqual(
        finding.fixes.map((f) => f.replacement),
        ['2015'],
      );
    });

    it('checks the year stated in prose when there is none in parentheses', () => {
      const text = 'Security Council resolution 2231, adopted on 20 July 2016, endorsed the plan.';
      const [finding] = check(text);
      assert.equal(finding.code, 'resolution-year');
      assert.match(finding.message, /^20 July 2016 → 20 July 2015: Security Council resolution 2231 was adopted on 20 July 2015/);
    });

    it('accepts the right year, "last December" from an exact date, boundary years, and numbers beyond the registry', () => {
      assert.deepEqual(codes('Resolution 2331 (2016) calls upon States.'), []);
      assert.deepEqual(codes(`${FRONT}Resolution 2331, which was adopted last December, calls upon States.`), []);
      assert.deepEqual(codes('Resolutions 2336 (2016) and 2337 (2017) were adopted.'), []);
      assert.deepEqual(codes('Resolutions 2336 (2017) and 2337 (2016) were adopted.'), ['resolution-year', 'resolution-year']);
      assert.deepEqual(codes('Resolution 2900 (2025) is new.'), []);
      assert.deepEqual(codes('Resolution 2178 on September 24 was a landmark.'), []);
    });

    it('leaves General Assembly citations alone', () => {
      assert.deepEqual(codes('General Assembly resolution 70/1, A/RES/68/247 B and resolution 1514 (XV) are agreed language.'), []);
    });
  });

  it('resolution-body: a Security Council citation of a General Assembly resolution', () => {
    const text = 'We recall Security Council resolution 1514 (1960) on decolonization.';
    const findings = check(text);
    assert.deepEqual(
      findings.map((f) => f.code),
      ['resolution-body'],
    );
    assert.match(
      findings[0].message,
      new RegExp(
        '^Security Council resolution 1514 \\(1960\\) → General Assembly resolution 1514 \\(XV\\): ' +
          'the General Assembly adopted its resolution 1514 in 1960; Security Council resolution 1514 was adopted on 13 November 2003$',
      ),
    );
    assert.deepEqual(
      findings[0].fixes.map((f) => [f.replacement, f.choice ?? false]),
      [
        ['General Assembly resolution 1514 (XV)', false],
        ['2003', false],
      ],
    );
    assert.equal(flagged(text, findings[0]), 'Security Council resolution 1514 (1960)');
  });

  it('resolution-inconsistent: one resolution cited with two years in one draft, when the registry cannot tell', () => {
    const text = 'Resolution 2900 (2025) matters.\n\nAs resolution 2900 (2026) says, we must act.';
    const findings = check(text).filter((f) => f.code === 'resolution-inconsistent');
    assert.equal(findings.length, 1);
    assert.equal(flagged(text, findings[0]), 'resolution 2900 (2026)');
    assert.match(findings[0].message, /^2026 → 2025: resolution 2900 is cited with the year 2025 earlier in this text/);
    assert.equal(findings[0].related[0].range.startLine, 0);
  });

  it('flags the wrong one of two citations of a resolution, first or later, pointing to the right one', () => {
    for (const [text, wrong] of [
      ['Resolution 2331 (2016) matters.\n\nAs resolution 2331 (2017) says, we must act.', 'resolution 2331 (2017)'],
      ['Resolution 2331 (2017) matters.\n\nAs resolution 2331 (2016) says, we must act.', 'Resolution 2331 (2017)'],
      [
        'Resolution 2331, which was adopted in December 2015, matters.\n\nResolution 2331 (2016) says so.',
        'Resolution 2331, which was adopted in December 2015',
      ],
    ]) {
      const findings = check(text).filter((f) => f.code.startsWith('resolution-'));
      assert.deepEqual(
        findings.map((f) => [f.code, flagged(text, f)]),
        [['resolution-year', wrong]],
        text,
      );
      assert.match(findings[0].message, /as this draft cites it elsewhere/);
      assert.equal(findings[0].related.length, 1);
    }
  });

  it('resolution-precedent: a sentence that follows a corpus passage but cites another number', () => {
    const text =
      `${FRONT}Resolution 2332, which was adopted last December, calls upon the Member States to fully implement ` +
      'the United Nations Convention against Transnational Organized Crime and its Protocol on trafficking in persons.';
    const findings = check(text).filter((f) => f.code === 'resolution-precedent');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^2332 → 2331: this sentence follows .* closely, which cites resolution 2331$/);
    assert.match(findings[0].related[0].file, /mission-statement\.md$/);
    assert.equal(findings[0].fixes[0].replacement, '2331');
  });

  describe('figure-precedent', () => {
    const sentence = (amount: string) =>
      `In that regard, Japan has pledged approximately ${amount} to the UNODC, which should be disbursed by the end of this month.`;

    it('flags a different amount, as information, naming the precedent', () => {
      const findings = check(sentence('32 million US dollars')).filter((f) => f.code === 'figure-precedent');
      assert.equal(findings.length, 1);
      assert.equal(findings[0].severity, 'information');
      assert.match(
        findings[0].message,
        /Japan pledged to United Nations Office on Drugs and Crime \(UNODC\) "approximately (\$23 million|23 million US dollars)"/,
      );
      assert.match(findings[0].fixes[0].replacement, /^approximately (\$23 million|23 million US dollars)$/);
    });

    it('never flags the same amount written differently', () => {
      for (const amount of ['$23 million', '23 million US dollars', 'US$ 23 million', 'US$23 million', 'USD 23 million']) {
        assert.deepEqual(
          check(sentence(amount)).filter((f) => f.code === 'figure-precedent'),
          [],
          amount,
        );
      }
    });
  });

  describe('figure-precedent against the passage a sentence follows', () => {
    const missions = (month: string, personnel: string) =>
      `As of ${month}, 16 UN PKO missions are in place, primarily in the Middle East and Africa, with a total of over ` +
      `${personnel} military and police personnel deployed to these missions.`;
    const figures = (text: string) => check(text).filter((f) => f.code === 'figure-precedent');

    it('flags a figure changed in words that are otherwise the passage', () => {
      const text = missions('November 2014', '130,000');
      const [finding] = figures(text);
      assert.equal(flagged(text, finding), 'over 130,000 military and police personnel');
      assert.equal(finding.fixes[0].replacement, 'over 103,000 military and police personnel');
    });

    it('leaves a figure alone when another number of the passage changed too: another occasion', () => {
      assert.deepEqual(figures(missions('November 2015', '130,000')), []);
      assert.deepEqual(figures(missions('November 2014', '130,000').replace('16 UN PKO', '18 UN PKO')), []);
    });
  });

  it('repeated-word: doubled words and runs, not names or figures of speech', () => {
    const text =
      'We thank the the President. The United Nations United Nations Office acts. Mr. Abdullah Abdullah spoke. ' +
      'What is mine is mine. I know that that is so.';
    const findings = check(text).filter((f) => f.code === 'repeated-word');
    assert.deepEqual(
      findings.map((f) => flagged(text, f)),
      ['the', 'United Nations'],
    );
    const fixed = text.slice(0, findings[0].fixes[0].start) + text.slice(findings[0].fixes[0].end);
    assert.match(fixed, /thank the President/);
  });

  describe('suppression and configuration', () => {
    const wrong = 'Resolution 2231 (2016) matters.';

    it('honours disable-next-line, and disable/enable blocks, in Markdown and plain text', () => {
      assert.deepEqual(codes(`<!-- precedent-disable-next-line resolution-year -->\n${wrong}`), []);
      assert.deepEqual(codes(`<!-- precedent-disable-next-line repeated-word -->\n${wrong}`), ['resolution-year']);
      assert.deepEqual(codes(`precedent-disable\n${wrong}\nprecedent-enable\n${wrong}`), ['resolution-year']);
      assert.deepEqual(codes(`<!-- precedent-disable resolution-year -->\n${wrong}\n${wrong}`), []);
    });

    it('applies severities and dismissals from .precedent.json', () => {
      const off = parseConfig(JSON.stringify({ checks: { 'resolution-year': 'off' } }), '/drafts/.precedent.json');
      assert.deepEqual(check(wrong, off), []);
      const error = parseConfig(JSON.stringify({ checks: { 'resolution-year': 'error' } }), '/drafts/.precedent.json');
      assert.equal(check(wrong, error)[0].severity, 'error');
      const ignored = parseConfig(
        JSON.stringify({ ignore: [{ file: 'statement.md', code: 'resolution-year', text: 'Resolution 2231 (2016)' }] }),
        '/drafts/.precedent.json',
      );
      assert.deepEqual(check(`Some new text.\n\n${wrong}`, ignored), []);
    });

    it('reports what is wrong in a .precedent.json, with the file, and keeps the rest', () => {
      const config = parseConfig(
        JSON.stringify({ checks: { 'resolution-year': 'loud', 'repeated-word': 'off' }, ignore: [{ file: 1 }] }),
        '/x/.precedent.json',
      );
      assert.deepEqual(config.checks, { 'repeated-word': 'off' });
      assert.equal(config.problems.length, 2);
      assert.match(config.problems[0], /^\/x\/\.precedent\.json: checks\.resolution-year must be one of/);
      assert.match(parseConfig('{ not json', '/x/.precedent.json').problems[0], /not valid JSON/);
    });

    it('finds the nearest .precedent.json in the folder or above', async () => {
      const dir = new TempDir();
      try {
        mkdirSync(dir.file('drafts/2024'), { recursive: true });
        writeFileSync(dir.file('.precedent.json'), JSON.stringify({ checks: { 'repeated-word': 'off' } }));
        const config = await findConfig(dir.file('drafts/2024/statement.md'), dir.path);
        assert.equal(config.source, dir.file('.precedent.json'));
        assert.equal(config.checks['repeated-word'], 'off');
      } finally {
        dir.remove();
      }
    });
  });
});

describe('quantities', () => {
  it('normalises amounts, percentages and counts', () => {
    const found = extractQuantities(
      '$23 million, 23 million US dollars, US$ 23 million, 3.8 billion yen, 642 million yen, 41 per cent, 10,000 personnel',
    );
    assert.deepEqual(
      found.map((q) => [q.value, q.unit]),
      [
        [23e6, 'USD'],
        [23e6, 'USD'],
        [23e6, 'USD'],
        [3.8e9, 'JPY'],
        [642e6, 'JPY'],
        [41, 'percent'],
        [10000, 'persons'],
      ],
    );
  });

  it('keeps hedges, what is counted, rankings and other currencies', () => {
    const found = extractQuantities(
      'approximately 10,000 personnel on a total of 13 UN PKO missions; some 103,000 military and police personnel; ' +
        "the fund's fifth-largest major donor; about €1.15 million; 250 million Australian dollars; ND$11 million; one of the countries",
    );
    assert.deepEqual(
      found.map((q) => [q.value, q.unit, q.noun, q.approximate, q.text]),
      [
        [10000, 'persons', 'personnel', true, 'approximately 10,000 personnel'],
        [13, 'count', 'missions', false, '13 UN PKO missions'],
        [103000, 'persons', 'personnel', true, 'some 103,000 military and police personnel'],
        [5, 'ordinal', null, false, 'fifth-largest'],
        [1.15e6, 'EUR', null, true, 'about €1.15 million'],
        [250e6, 'AUD', null, false, '250 million Australian dollars'],
      ],
    );
  });
});
