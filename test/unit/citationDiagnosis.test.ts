import { strict as assert } from 'assert';
import { readFileSync, writeFileSync } from 'fs';
import { nearNumbers } from '../../src/core/citations/diagnose';
import { ResolutionRegistry } from '../../src/core/citations/registry';
import { DEFAULT_CONFIG } from '../../src/core/checks/config';
import type { Finding } from '../../src/core/checks/types';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { BUNDLED_CORPUS, corpusFile, TempDir } from './helpers';

/** Speeches that cite resolutions on their subjects, as delegations do, and some that cite none. */
const SPEECHES: Record<string, string> = {
  'jcpoa-a':
    'We welcome Security Council resolution 2231 (2015) endorsing the Joint Comprehensive Plan of Action on the Iranian nuclear programme.',
  'jcpoa-b':
    'The Joint Comprehensive Plan of Action, endorsed by resolution 2231 (2015), must be fully implemented by Iran and all parties.',
  'jcpoa-c':
    'We remain committed to the nuclear agreement with Iran and to resolution 2231 (2015) on the Joint Comprehensive Plan of Action.',
  'traffic-a':
    'Security Council resolution 2331 (2016) on trafficking in persons in conflict situations was a milestone. We must end slavery.',
  'traffic-b':
    'We call for the implementation of resolution 2331 (2016), which condemns trafficking in persons, sexual slavery and forced labour.',
  'traffic-c':
    'Trafficking in persons finances terrorism, as resolution 2331 (2016) recognized, and victims of trafficking need protection.',
  'wps-a': 'Resolution 1325 (2000) on women and peace and security remains our compass. Women must be at the table.',
  'wps-b': 'Twenty years after resolution 1325 (2000) on women and peace and security, women remain excluded from peace processes.',
  'wps-c': 'Our national action plan implements resolution 1325 (2000) on women and peace and security and the resolutions that followed.',
  'other-a': 'Climate change threatens small island developing States. We must act on the Paris Agreement. The oceans are rising.',
  'other-b': 'Sustainable development requires financing. The 2030 Agenda is our common plan. Poverty must end.',
  'other-c': 'Reform of the Security Council is overdue. The Council must reflect the world of today, not of 1945.',
};

describe('citations: the right diagnosis, the right fix, the reason', () => {
  const dir = new TempDir();
  let workspace: PrecedentWorkspace;
  let bundled: PrecedentWorkspace;
  const registry = new ResolutionRegistry();
  before(async () => {
    for (const [name, text] of Object.entries(SPEECHES)) writeFileSync(dir.file(`${name}.md`), `---\ntitle: ${name}\n---\n${text}\n`);
    workspace = await PrecedentWorkspace.load({ roots: [dir.path], cacheDir: null });
    bundled = await PrecedentWorkspace.load({ roots: [BUNDLED_CORPUS], cacheDir: null });
  });
  after(() => dir.remove());

  const check = (text: string, on = workspace): Finding[] =>
    on.check(text, '/drafts/statement.md', { registry, config: DEFAULT_CONFIG }).filter((f) => /^(resolution|citation)-/.test(f.code));
  const fixes = (finding: Finding) => finding.fixes.map((f) => [f.replacement, f.choice ?? false]);

  describe('resolution-body and resolution-year: which body, which year', () => {
    it('offers the General Assembly reading first, and preferred, only when its resolution N is of the year written', () => {
      const [finding] = check('Security Council resolution 2758 (1971) has been misused.');
      assert.equal(finding.code, 'resolution-body');
      assert.match(finding.message, /^Security Council resolution 2758 \(1971\) → General Assembly resolution 2758 \(XXVI\): /);
      assert.deepEqual(fixes(finding), [
        ['General Assembly resolution 2758 (XXVI)', false],
        ['2024', false],
      ]);
    });

    it('offers the Security Council year fix, not the Assembly reading, when the Assembly resolution is of another year', () => {
      // General Assembly resolution 435 is of 1950; the Council's, of 29 September 1978.
      const [finding] = check('Security Council resolution 435 (1970) on Namibia must be implemented.');
      assert.equal(finding.code, 'resolution-year');
      assert.equal(finding.message, '1970 → 1978: Security Council resolution 435 was adopted on 29 September 1978');
      assert.deepEqual(fixes(finding), [['1978', false]]);
    });

    it('offers both readings, neither preferred, when the table of sessions has a gap at N', () => {
      // 1352 lies between sessions XIII (1958–1959) and XIV (1959).
      const [finding] = check('Security Council resolution 1352 (1959) is cited.');
      assert.equal(finding.code, 'resolution-body');
      assert.deepEqual(fixes(finding), [
        ['General Assembly resolution 1352 (XIII)', true],
        ['General Assembly resolution 1352 (XIV)', true],
        ['2001', true],
      ]);
      assert.match(finding.message, /cannot tell which/);
    });

    it('offers both readings, neither preferred, when the sentence is about the Council resolution too', () => {
      // Security Council resolution 1325 is of 2000; General Assembly resolution 1325 of session XIII, 1958.
      const [finding] = check('Security Council resolution 1325 (1958) on women and peace and security must be implemented.');
      assert.equal(finding.code, 'resolution-body');
      assert.deepEqual(fixes(finding), [
        ['General Assembly resolution 1325 (XIII)', true],
        ['2000', true],
      ]);
      assert.match(finding.message, /this sentence's subject fits it too/);
    });

    it('reads the General Assembly reading from a stated date too', () => {
      const [finding] = check('Security Council resolution 1514, adopted on 14 December 1960, called for an end to colonialism.');
      assert.equal(finding.code, 'resolution-body');
      assert.equal(finding.fixes[0].replacement, 'General Assembly resolution 1514 (XV)');
    });
  });

  describe('did you mean', () => {
    it('finds swapped digits by the sentence subject, says why, and prefers neither fix', () => {
      const [finding] = check('Resolution 1352 (2000) on women and peace and security must be implemented.');
      assert.equal(finding.code, 'resolution-year');
      assert.equal(
        finding.message,
        '2000 → 2001: Security Council resolution 1352 was adopted on 1 June 2001. Did you mean resolution 1325 (2000), ' +
          'the resolution on women and peace and security, which this sentence is about?',
      );
      assert.deepEqual(fixes(finding), [
        ['2001', true],
        ['1325', true],
      ]);
    });

    it('offers no other number when nothing in the sentence points to one', () => {
      assert.deepEqual(fixes(check('Resolution 1352 (2000) must be implemented.')[0]), [['2001', false]]);
    });

    it('knows one digit changed, two digits swapped and the near neighbours', () => {
      const near = nearNumbers(1352);
      for (const n of [1325, 1252, 1353, 1350, 1351, 1354, 1354, 3152, 1532]) assert.ok(near.includes(n), String(n));
      assert.ok(!near.includes(1352) && !near.includes(352));
    });
  });

  describe('citation-subject', () => {
    const trafficking =
      'Resolution 2231 (2015) calls upon Member States to fully implement the Protocol to Prevent, Suppress and Punish ' +
      'Trafficking in Persons.';

    it('names the resolution the sentence is about when number and year agree but the subject does not', () => {
      const [finding] = check(trafficking);
      assert.equal(finding.code, 'citation-subject');
      assert.equal(finding.severity, 'information');
      assert.match(
        finding.message,
        /^2231 \(2015\) → 2331 \(2016\)\?: this sentence is about what the corpus cites resolution 2331 \(2016\) for/,
      );
      assert.match(finding.message, /resolution 2231 is the resolution on the Joint Comprehensive Plan of Action$/);
      assert.deepEqual(
        finding.fixes.map((f) => [trafficking.slice(f.start, f.end), f.replacement, f.choice]),
        [['2231 (2015)', '2331 (2016)', true]],
      );
    });

    it('is silent when the sentence is about the resolution it cites, cites both, or the corpus barely knows the other', () => {
      assert.deepEqual(check('Resolution 2231 (2015) endorsed the Joint Comprehensive Plan of Action.'), []);
      assert.deepEqual(check('Resolutions 2231 (2015) and 2331 (2016) on trafficking in persons matter.'), []);
      assert.deepEqual(check('Resolution 2331 (2016) condemns trafficking in persons.'), []);
      // The bundled corpus cites 2331 once: too little to tell what it is about.
      assert.deepEqual(
        check(trafficking, bundled).filter((f) => f.code === 'citation-subject'),
        [],
      );
    });
  });

  describe('a wrong precedent is no authority', () => {
    // The bundled verbatim record cites "Resolution 2231 (2016)": wrong, since 2231 is of 2015.
    const seed = readFileSync(corpusFile('verbatim-record'), 'utf8');

    it("never offers a corpus passage's wrong number, and says which corpus text makes the error a draft repeats", () => {
      const right = seed.replace('Resolution 2231 (2016)', 'Resolution 2331 (2016)');
      assert.ok(!check(right, bundled).some((f) => f.fixes.some((x) => x.replacement === '2231')));
      const [repeated] = check(seed, bundled).filter((f) => f.code === 'resolution-year');
      assert.match(repeated.message, /verbatim-record\.md:\d+ makes the same error/);
      assert.ok(repeated.related.some((r) => /verbatim-record\.md$/.test(r.file)));
    });
  });
});
