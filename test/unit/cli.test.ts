import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import type { checkJson } from '../../src/cli/checkCommand';
import type { factJson, searchResultJson } from '../../src/cli/format';
import type { IndexReport } from '../../src/core/workspace';
import { BUNDLED_CORPUS, parseJson, REPO_ROOT, runCli, runCliWithInput, sliceRange, TempDir } from './helpers';

type SearchJson = Array<ReturnType<typeof searchResultJson>>;
type FactsJson = Array<ReturnType<typeof factJson>>;
type CheckJson = ReturnType<typeof checkJson>;

describe('precedent CLI', () => {
  let cache: TempDir;
  beforeEach(() => (cache = new TempDir()));
  afterEach(() => cache.remove());

  it('index --json reports documents, passages, skipped files and time', async () => {
    const { code, out } = await runCli('index', '--corpus', BUNDLED_CORPUS, '--json', '--cache-dir', cache.path);
    assert.equal(code, 0);
    const report = parseJson<IndexReport>(out);
    assert.equal(report.documents, 5);
    assert.ok(report.passages > 250);
    assert.deepEqual(report.skipped, []);
    assert.equal(typeof report.ms, 'number');
  });

  it('search --json follows the contract: 1-based lines, UTF-16 columns, end exclusive', async () => {
    const { code, out } = await runCli(
      'search',
      '--corpus',
      BUNDLED_CORPUS,
      '--json',
      '--limit',
      '3',
      '--no-cache',
      'pledged',
      'approximately',
      '23',
      'million',
    );
    assert.equal(code, 0);
    const results = parseJson<SearchJson>(out);
    assert.equal(results.length, 2);
    for (const result of results) {
      assert.deepEqual(Object.keys(result), [
        'file',
        'line',
        'column',
        'endLine',
        'endColumn',
        'text',
        'context',
        'matches',
        'score',
        'title',
        'date',
        'speaker',
        'page',
      ]);
      assert.ok(path.isAbsolute(result.file));
      const range = {
        startLine: result.line - 1,
        startColumn: result.column - 1,
        endLine: result.endLine - 1,
        endColumn: result.endColumn - 1,
      };
      const original = sliceRange(readFileSync(result.file, 'utf8'), range);
      assert.equal(original.replace(/\s+/g, ' '), result.text);
      assert.equal(result.date, '2017-03-15');
    }
  });

  it('exits 0 with an empty array when nothing is found; a number nothing holds is named in each closest one', async () => {
    const { code, out } = await runCli('search', '--corpus', BUNDLED_CORPUS, '--json', '--no-cache', '9999');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), []);
    const closest = await runCli('search', '--corpus', BUNDLED_CORPUS, '--json', '--no-cache', 'resolution 9999');
    const results = parseJson<Array<{ unmatched?: string[] }>>(closest.out);
    assert.ok(results.length > 0 && results.every((result) => result.unmatched?.join() === '9999'));
  });

  it("facts --json: the UNODC pledge first, in the contract's flat shape; exit 0 when nothing is found, 2 without a query", async () => {
    const { code, out } = await runCli('facts', '--corpus', BUNDLED_CORPUS, '--json', '--no-cache', 'unodc', 'pledge');
    assert.equal(code, 0);
    const [first] = parseJson<FactsJson>(out);
    assert.deepEqual(Object.keys(first), [
      'subject',
      'actor',
      'relation',
      'object',
      'quantities',
      'time',
      'text',
      'file',
      'line',
      'title',
      'date',
    ]);
    assert.deepEqual(
      [first.subject, first.actor, first.relation, first.quantities, first.time, first.line, first.date],
      [
        'United Nations Office on Drugs and Crime (UNODC)',
        'Japan',
        'pledged',
        [{ value: 23000000, unit: 'USD', text: 'approximately 23 million US dollars', approximate: true }],
        null,
        42,
        '2017-03-15',
      ],
    );
    assert.deepEqual(JSON.parse((await runCli('facts', '--corpus', BUNDLED_CORPUS, '--json', '--no-cache', 'zzzz')).out), []);
    assert.equal((await runCli('facts', '--no-cache')).code, 2);
  });

  it('exits 2 on bad usage and on a corpus folder it cannot read', async () => {
    assert.equal((await runCli()).code, 2);
    assert.equal((await runCli('frobnicate')).code, 2);
    assert.equal((await runCli('search', '--no-cache')).code, 2);
    assert.equal((await runCli('search', '--limit', 'many', 'peace')).code, 2);
    const missing = await runCli('search', '--corpus', cache.file('nowhere'), 'peace');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read the corpus folder .*nowhere: does not exist/);
  });

  it('says so when the corpus is empty', async () => {
    const { code, err } = await runCli('index', '--corpus', cache.path, '--no-cache');
    assert.equal(code, 0);
    assert.match(err, /no documents to index/);
  });

  it('prints skipped files with their reasons', async () => {
    writeFileSync(cache.file('junk.txt'), Buffer.from([0, 1, 2, 3, 0, 0]));
    const { out } = await runCli('index', '--corpus', cache.path, '--no-cache');
    assert.match(out, /1 skipped:\n {2}.*junk\.txt: binary content/);
  });
});

describe('precedent check and audit', () => {
  const example = path.join(REPO_ROOT, 'examples', 'draft-statement.md');

  it("check --json reports the example draft's findings in the contract's shape, and exits 1", async () => {
    const { code, out } = await runCli('check', '--json', '--no-cache', '--corpus', BUNDLED_CORPUS, example);
    assert.equal(code, 1);
    const { files } = parseJson<CheckJson>(out);
    assert.equal(files.length, 1);
    assert.equal(files[0].file, example);
    const diagnostics = files[0].diagnostics;
    assert.deepEqual(
      diagnostics.map((d: { code: string }) => d.code),
      ['resolution-year', 'figure-precedent', 'resolution-body', 'repeated-word'],
    );
    const [year] = diagnostics;
    assert.deepEqual(Object.keys(year), ['line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message', 'fixes', 'related']);
    const lines = readFileSync(example, 'utf8').split('\n');
    assert.equal(lines[year.line - 1].slice(year.column - 1, year.endColumn - 1), 'Resolution 2231 (2016)');
    assert.deepEqual(
      year.fixes.map((f: { replacement: string; preferred: boolean }) => [f.replacement, f.preferred]),
      [
        ['2331', true],
        ['2015), which was adopted in July 2015', false],
      ],
    );
    const figure = diagnostics[1];
    assert.equal(figure.severity, 'information');
    assert.match(figure.related[0].file, /corpus\/2017-03-15-bessho-trafficking-mission-statement\.md$/);
  });

  it('prints compiler-style lines without --json', async () => {
    const { out } = await runCli('check', '--no-cache', '--corpus', BUNDLED_CORPUS, example);
    assert.match(
      out,
      /draft-statement\.md:13:1: warning resolution-year 2016 → 2015: Security Council resolution 2231 was adopted on 20 July 2015/,
    );
  });

  it('exits 0 for a clean draft and 2 without a file', async () => {
    const dir = new TempDir();
    try {
      writeFileSync(dir.file('clean.md'), 'Security Council resolution 2331 (2016) calls upon Member States to act.\n');
      assert.equal((await runCli('check', '--no-cache', '--corpus', BUNDLED_CORPUS, dir.file('clean.md'))).code, 0);
      assert.equal((await runCli('check', '--no-cache')).code, 2);
      const missing = await runCli('check', '--no-cache', '--registry', dir.file('none.csv'), dir.file('clean.md'));
      assert.equal(missing.code, 2);
      assert.match(missing.err, /cannot read the registry .*none\.csv: does not exist/);
    } finally {
      dir.remove();
    }
  });

  it('exits 2 when a file it was given could not be checked, after checking the others', async () => {
    const dir = new TempDir();
    try {
      writeFileSync(dir.file('binary.md'), Buffer.from([0, 1, 2, 3, 0, 0]));
      const { code, out, err } = await runCli(
        'check',
        '--no-cache',
        '--corpus',
        BUNDLED_CORPUS,
        dir.file('missing.md'),
        dir.file('binary.md'),
        example,
      );
      assert.equal(code, 2);
      assert.match(err, /missing\.md: does not exist; not checked/);
      assert.match(err, /binary\.md: binary content .*; not checked/);
      assert.match(out, /draft-statement\.md:13:1: warning resolution-year/);
      assert.match(out, /\n2 file\(s\) could not be checked: .*missing\.md, .*binary\.md\n4 finding\(s\) in 1 file\(s\)\.\n$/);
      // Nothing checked: no count of findings, only what could not be checked.
      const alone = await runCli('check', '--no-cache', '--corpus', BUNDLED_CORPUS, dir.file('missing.md'));
      assert.match(alone.out, /^1 file\(s\) could not be checked: .*missing\.md\n$/);
      const json = await runCli('check', '--json', '--no-cache', '--corpus', BUNDLED_CORPUS, dir.file('missing.md'));
      assert.equal(json.code, 2);
      assert.deepEqual(JSON.parse(json.out), { files: [] });
    } finally {
      dir.remove();
    }
  });

  it('reads the .precedent.json up to the repository root, not above it', async () => {
    const dir = new TempDir();
    try {
      mkdirSync(dir.file('repo/.git'), { recursive: true });
      mkdirSync(dir.file('repo/drafts'));
      writeFileSync(dir.file('.precedent.json'), JSON.stringify({ checks: { 'resolution-year': 'off' } }));
      writeFileSync(dir.file('repo/drafts/draft.md'), 'We recall resolution 2231 (2016) today.\n');
      const draft = dir.file('repo/drafts/draft.md');
      const above = await runCli('check', '--no-cache', '--corpus', BUNDLED_CORPUS, draft);
      assert.match(above.out, /warning resolution-year/);
      writeFileSync(dir.file('repo/.precedent.json'), JSON.stringify({ checks: { 'resolution-year': 'off' } }));
      const inside = await runCli('check', '--no-cache', '--corpus', BUNDLED_CORPUS, draft);
      assert.equal(inside.code, 0);
      assert.doesNotMatch(inside.out, /resolution-year/);
    } finally {
      dir.remove();
    }
  });

  it("uses a registry file's dates over the shipped ones", async () => {
    const dir = new TempDir();
    try {
      writeFileSync(dir.file('registry.csv'), 'number,date,title\n2231,2015-07-21,Non-proliferation\n');
      writeFileSync(dir.file('draft.md'), 'We recall resolution 2231 (2016) today.\n');
      const { out } = await runCli(
        'check',
        '--no-cache',
        '--corpus',
        BUNDLED_CORPUS,
        '--registry',
        dir.file('registry.csv'),
        dir.file('draft.md'),
      );
      // The file's date wins over the shipped one (20 July 2015).
      assert.match(out, /2016 → 2015: Security Council resolution 2231 was adopted on 21 July 2015 \(your registry file\)/);
    } finally {
      dir.remove();
    }
  });

  it("audit reports the verbatim record's 2231 (2016) and its disagreement with the mission's text, which says 2331", async () => {
    const { code, out } = await runCli('audit', '--json', '--no-cache', '--corpus', BUNDLED_CORPUS);
    assert.equal(code, 1);
    const findings = parseJson<CheckJson>(out).files.flatMap((f) =>
      f.diagnostics.map((d) => ({ file: path.basename(f.file), code: d.code, message: d.message })),
    );
    const verbatim = '2017-03-15-bessho-trafficking-verbatim-record.md';
    assert.ok(findings.some((f: { file: string; code: string }) => f.file === verbatim && f.code === 'resolution-year'));
    assert.ok(
      findings.some(
        (f: { file: string; code: string; message: string }) =>
          f.file === verbatim &&
          f.code === 'resolution-precedent' &&
          /^2231 → 2331: this sentence follows .* which cites resolution 2331$/.test(f.message),
      ),
    );
  });
});

describe('the built CLI', () => {
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  before(function () {
    this.timeout(60000);
    if (!existsSync(cli)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT });
  });

  it('searches the bundled corpus without --corpus', () => {
    const cache = new TempDir();
    try {
      const run = spawnSync(process.execPath, [cli, 'search', '--json', '--cache-dir', cache.path, 'resolution 2331'], {
        encoding: 'utf8',
      });
      assert.equal(run.status, 0, run.stderr);
      const [result] = parseJson<SearchJson>(run.stdout);
      assert.equal(path.dirname(result.file), BUNDLED_CORPUS);
      assert.match(result.text, /^Resolution 2331, which was adopted last December/);
    } finally {
      cache.remove();
    }
  });
});

describe('precedent serve', () => {
  it('answers one JSON request a line, in order, with the JSON of the one-shot commands; a bad request gets an error line', async () => {
    const requests = [
      { id: 1, command: 'search', query: 'unodc pledged milion japan', limit: 2 },
      'not json',
      { id: 'b', command: 'complete', prefix: 'combat the root causes of' },
      { id: 3, command: 'search' },
      { id: 4, command: 'check', files: [path.join(REPO_ROOT, 'test', 'fixtures', 'nowhere.md')] },
      { id: 5, command: 'index' },
      { id: 6, command: 'translate', query: 'x' },
    ];
    const input = requests.map((r) => (typeof r === 'string' ? r : JSON.stringify(r)));
    const { code, out } = await runCliWithInput(input, 'serve', '--corpus', BUNDLED_CORPUS, '--no-cache');
    assert.equal(code, 0);
    const answers = out
      .trim()
      .split('\n')
      .map((line) => parseJson<{ id: unknown; result?: unknown; error?: string }>(line));
    assert.deepEqual(
      answers.map((a) => a.id),
      [1, null, 'b', 3, 4, 5, 6],
    );
    const oneShot = await runCli(
      'search',
      '--corpus',
      BUNDLED_CORPUS,
      '--json',
      '--no-cache',
      '--limit',
      '2',
      'unodc pledged milion japan',
    );
    assert.deepEqual(answers[0].result, JSON.parse(oneShot.out));
    assert.match(answers[1].error ?? '', /not a JSON object/);
    assert.ok(Array.isArray(answers[2].result) && answers[2].result.length > 0);
    assert.match(answers[3].error ?? '', /search needs "query"/);
    assert.deepEqual((answers[4].result as { files: unknown[] }).files, []);
    assert.equal((answers[5].result as IndexReport).documents, 5);
    assert.match(answers[6].error ?? '', /unknown command "translate"/);
  });
});
