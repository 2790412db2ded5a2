/**
 * The corpus on a PostgreSQL server answers as the local index does, and shows each role only what it may read.
 * A real server is started for these tests (see server.ts); they connect as a writer that publishes and as drafters
 * that own nothing and cannot bypass row-level security.
 */
import { strict as assert } from 'assert';
import * as path from 'path';
import { Client } from 'pg';
import { readFileSync, writeFileSync } from 'fs';
import { DEFAULT_CONFIG } from '../../src/core/checks/config';
import type { Finding } from '../../src/core/checks/types';
import { ResolutionRegistry } from '../../src/core/citations/registry';
import { DatabaseUnavailableError } from '../../src/core/db/connection';
import { DatabaseCorpus } from '../../src/core/db/databaseCorpus';
import { publishCorpus, PublishError } from '../../src/core/db/publish';
import { parseDocumentReference } from '../../src/core/db/reference';
import { LocalCorpus } from '../../src/core/service';
import { PrecedentWorkspace } from '../../src/core/workspace';
import type { SearchMatch } from '../../src/core/types';
import { BUNDLED_CORPUS, REPO_ROOT, runCli, runCliWithInput, TempDir } from '../unit/helpers';
import { asSuperuser, createTeamRoles, startServer, type TestServer } from './server';

/** Searches as a drafter types them: phrases, keywords out of order, typos, identifiers, a word being typed. */
const SEARCHES = [
  'attaches great importance to the assistance',
  'unodc pledged milion japan',
  'resolution 2331',
  'adopted in December 2016 trafficking',
  'trafficking in persons especially women and children',
  'terrorism prevention capacity law enforcement',
  'Protocol to Prevent, Suppress and Punish',
  'forced labour slavery',
  'sexual violense in conflict',
  'humanitarian assis',
  // OCR accidents in the corpus: "oftrafficking", "J apan's", "effo rts".
  'root causes of trafficking in persons',
  "reaffirm japan's commitment to combatting trafficking",
  'grassroots nation-building efforts',
  // A number no passage holds: the closest passages without it, each naming it.
  'resolution 9876 trafficking in persons',
];
/** What is typed before the cursor, and the rest of its line after it. */
const COMPLETIONS: Array<[string, string]> = [
  ['The Convention and the Protocol are universal', ''],
  ['Japan therefore attaches great importance', ''],
  ['Japan therefore attaches great importance', ', and Japan will continue'],
  ['Japan therefore attaches great importance ', 'and more'],
  ['In that regard, Japan has pledged approximately 23 million US dollars to the UNODC,', ''],
];
const FACT_QUERIES = ['unodc pledge', 'japan contribution'];
const DRAFTS = [
  path.join(REPO_ROOT, 'examples', 'draft-statement.md'),
  path.join(REPO_ROOT, 'test/integration/fixtures/workspace/drafts/trafficking-draft.md'),
];

/** A restricted statement: its phrase, acronym and figure must stay invisible to a drafter without the grant. */
const RESTRICTED = `---
title: Restricted note on the Zephyr Oversight Panel
date: 2024-05-02
---

Japan welcomes the establishment of the Zephyr Oversight Panel (ZOP) under confidential arrangements.

Japan has pledged 77 million US dollars to the ZOP for its first year of quiet operations.
`;
const RESTRICTED_PHRASE = 'confidential arrangements zephyr oversight';
/** A passage OCR broke so badly that none of its words is whole: only the trigram index finds it. */
const BROKEN = 'Japan welcomesthe quadrennialreview ofthe Xylo theque.\n';
const BROKEN_QUERY = 'welcomes the quadrennial review of the xylotheque';
const RESTRICTED_DRAFT = 'Mr. President,\n\nJapan has pledged 5 million US dollars to the ZOP this year.\n';

/** A pledge the local folders record at 3 million in 2023, a restricted collection at 5 million in 2025. */
const LOCAL_PLEDGE = '---\ndate: 2023-04-03\n---\n\nJapan has pledged 3 million US dollars to the Tessaline Fund for its first year.\n';
const SERVER_PLEDGE = '---\ndate: 2025-06-02\n---\n\nJapan has pledged 5 million US dollars to the Tessaline Fund for its second year.\n';
const PLEDGE_DRAFT = 'Mr. President,\n\nJapan has pledged 5 million US dollars to the Tessaline Fund this year.\n';

/** Where a result comes from, the same for a local path and a server reference: the file's name. */
function fileName(file: string): string {
  return path.basename(parseDocumentReference(file)?.path ?? file);
}

function sameFindings(findings: Finding[]) {
  return findings.map((f) => ({
    code: f.code,
    start: f.start,
    end: f.end,
    severity: f.severity,
    fixes: f.fixes.map((x) => x.replacement),
  }));
}

describe('a corpus on PostgreSQL', function () {
  this.timeout(120_000);
  let server: TestServer;
  let restricted: TempDir;
  let broken: TempDir;
  let local: LocalCorpus;
  let drafter: DatabaseCorpus;
  let cleared: DatabaseCorpus;

  before(async () => {
    server = await startServer();
    await createTeamRoles(server);
    restricted = new TempDir();
    writeFileSync(restricted.file('restricted-note.md'), RESTRICTED);
    broken = new TempDir();
    writeFileSync(broken.file('broken-scan.txt'), BROKEN);
    await publishCorpus({ url: server.url('writer'), collection: 'main', roots: [BUNDLED_CORPUS], cacheDir: null });
    await publishCorpus({
      url: server.url('writer'),
      collection: 'restricted',
      readers: 'restricted_reader',
      roots: [restricted.path],
      cacheDir: null,
    });
    await publishCorpus({
      url: server.url('writer'),
      collection: 'scans',
      readers: 'restricted_reader',
      roots: [broken.path],
      cacheDir: null,
    });
    local = new LocalCorpus(await PrecedentWorkspace.load({ roots: [BUNDLED_CORPUS], cacheDir: null }));
    drafter = await DatabaseCorpus.open(server.url('drafter'));
    cleared = await DatabaseCorpus.open(server.url('cleared'));
  });

  after(async () => {
    await drafter?.close();
    await cleared?.close();
    restricted?.remove();
    broken?.remove();
    server?.stop();
  });

  describe('answers as the local index does', () => {
    for (const query of SEARCHES) {
      it(`search "${query}"`, async () => {
        const [mine] = await local.search(query, { limit: 5 });
        const [theirs] = await drafter.search(query, { limit: 5 });
        assert.ok(mine, 'the local index finds it');
        const compared = ({ file, range, text, context, matches, unmatched }: SearchMatch) => ({
          file: fileName(file),
          range,
          text,
          context,
          matches,
          unmatched,
        });
        assert.deepEqual(compared(theirs), compared(mine));
        assert.match(theirs.file, /^precedent-db:main\//);
      });
    }
    it('complete: nothing inside a word or after a finished sentence, without asking the server', async () => {
      assert.deepEqual(await drafter.complete('Japan therefore attaches great impor', 3, { after: 'tance' }), []);
      assert.deepEqual(await drafter.complete('and is stepping up its support to UNODC.', 3), []);
    });
    it('search: a number no passage holds is named on every result', async () => {
      const results = await drafter.search('resolution 9876 trafficking in persons', { limit: 5 });
      assert.ok(results.length > 0 && results.every((match) => match.unmatched?.join() === '9876'));
      assert.equal((await drafter.search('resolution 2331', { limit: 1 }))[0].unmatched, undefined);
    });
    for (const [typed, after] of COMPLETIONS) {
      it(`complete "${typed}"${after ? ` before "${after}"` : ''}`, async () => {
        const mine = await local.complete(typed, 3, { after });
        const theirs = await drafter.complete(typed, 3, { after });
        assert.ok(mine.length > 0);
        assert.deepEqual(
          theirs.map((c) => c.text),
          mine.map((c) => c.text),
        );
      });
    }
    it("the panel: passages for a sentence, a phrase's history and the closest paragraphs", async () => {
      const sentence = 'Japan attaches great importance to the assistance provided by the UNODC to Member States';
      const shown = (p: { file: string; text: string; similarity: number }) => [fileName(p.file), p.text, p.similarity];
      const mine = await local.passagesForSentence(sentence, { limit: 3 });
      assert.ok(mine.length > 0, 'the local index finds a close passage');
      assert.deepEqual((await drafter.passagesForSentence(sentence, { limit: 3 })).map(shown), mine.map(shown));
      const versions = (h: { entries: Array<{ text: string; uses: unknown[] }> }) => h.entries.map((e) => [e.text, e.uses.length]);
      const history = await local.phraseHistory(sentence);
      assert.ok(history.entries.length > 0);
      assert.deepEqual(versions(await drafter.phraseHistory(sentence)), versions(history));
      const paragraphs = await local.closestParagraphs(sentence, 3);
      assert.deepEqual((await drafter.closestParagraphs(sentence, 3)).map(shown), paragraphs.map(shown));
    });
    for (const query of FACT_QUERIES) {
      it(`facts "${query}"`, async () => {
        const describe = (f: { actor: { display: string }; relation: string; text: string; file: string }) => [
          f.actor.display,
          f.relation,
          f.text,
          fileName(f.file),
        ];
        const mine = await local.lookUpFacts(query, 5);
        assert.ok(mine.length > 0);
        assert.deepEqual((await drafter.lookUpFacts(query, 5)).map(describe), mine.map(describe));
      });
    }
    for (const draft of DRAFTS) {
      it(`check ${path.basename(draft)}`, async () => {
        const text = readFileSync(draft, 'utf8');
        const options = { registry: new ResolutionRegistry(), config: DEFAULT_CONFIG };
        const mine = await local.check(text, draft, options);
        assert.ok(mine.length > 0);
        assert.deepEqual(sameFindings(await drafter.check(text, draft, options)), sameFindings(mine));
      });
    }
    it('audit', async () => {
      const options = { registry: new ResolutionRegistry(), configFor: () => Promise.resolve(DEFAULT_CONFIG) };
      const byName = (checked: Array<{ file: string; findings: Finding[] }>) =>
        Object.fromEntries(checked.map((c) => [fileName(c.file), sameFindings(c.findings)]));
      const mine = byName(await local.audit(options));
      assert.ok(Object.values(mine).some((findings) => findings.length > 0));
      assert.deepEqual(byName(await drafter.audit(options)), mine);
    });

    it('finds through the trigram index a passage whose words OCR broke apart', async () => {
      const [found] = await cleared.search(BROKEN_QUERY, { limit: 3 });
      assert.equal(found?.file, 'precedent-db:scans/broken-scan.txt');
    });

    it('names a passage by collection and path, and gives its text back', async () => {
      const [first] = await drafter.search('attaches great importance to the assistance', { limit: 1 });
      const text = await drafter.documentText(first.file);
      assert.ok(text?.includes('attaches great importance'));
      assert.ok((await drafter.documentFiles()).every((file) => file.startsWith('precedent-db:main/')));
    });
  });

  describe('shows each role only the collections granted to it', () => {
    it('a drafter without the grant finds nothing of the restricted collection', async () => {
      assert.ok((await cleared.search(RESTRICTED_PHRASE, { limit: 3 })).some((m) => m.file.startsWith('precedent-db:restricted/')));
      assert.ok((await drafter.search(RESTRICTED_PHRASE, { limit: 10 })).every((m) => !m.file.startsWith('precedent-db:restricted/')));
      assert.ok((await cleared.complete('Japan welcomes the establishment of the Zephyr', 3)).length > 0);
      assert.deepEqual(await drafter.complete('Japan welcomes the establishment of the Zephyr', 3), []);
      assert.ok((await cleared.lookUpFacts('zop pledge', 5)).some((f) => f.file.startsWith('precedent-db:restricted/')));
      assert.ok((await drafter.lookUpFacts('zop pledge', 5)).every((f) => !f.file.startsWith('precedent-db:restricted/')));
      assert.equal((await drafter.acronym('ZOP')).expansion, null);
      assert.equal((await cleared.acronym('ZOP')).expansion, 'Zephyr Oversight Panel');
      assert.equal(await drafter.documentText('precedent-db:restricted/restricted-note.md'), null);
    });

    it('a drafter without the grant gets no finding from the restricted collection', async () => {
      const options = { registry: new ResolutionRegistry(), config: DEFAULT_CONFIG };
      const codes = async (corpus: DatabaseCorpus) => (await corpus.check(RESTRICTED_DRAFT, '/drafts/zop.md', options)).map((f) => f.code);
      assert.ok((await codes(cleared)).includes('figure-precedent'));
      assert.ok((await codes(cleared)).includes('abbreviation-undefined'));
      assert.ok(!(await codes(drafter)).includes('figure-precedent'));
      assert.ok(!(await codes(drafter)).includes('abbreviation-undefined'));
    });

    it('reading the tables directly, the policies hold; writing is refused; publish needs a writer', async () => {
      const client = new Client({ connectionString: server.url('drafter') });
      await client.connect();
      try {
        const role = await client.query<{ super: boolean; bypass: boolean }>(
          'SELECT rolsuper AS super, rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user',
        );
        assert.deepEqual(role.rows[0], { super: false, bypass: false });
        const seen = await client.query<{ n: string }>(`SELECT count(*) AS n FROM precedent.passages WHERE text LIKE '%Zephyr%'`);
        assert.equal(seen.rows[0].n, '0');
        const all = await client.query<{ n: string }>('SELECT count(*) AS n FROM precedent.passages');
        assert.equal(Number(all.rows[0].n), drafter.report.passages);
        await assert.rejects(client.query(`DELETE FROM precedent.passages`), /permission denied/);
      } finally {
        await client.end();
      }
      await assert.rejects(
        publishCorpus({ url: server.url('drafter'), collection: 'main', roots: [BUNDLED_CORPUS], cacheDir: null }),
        (error) => error instanceof PublishError && /publish needs a role that may write/.test(error.message),
      );
    });
  });

  describe('from the command line', () => {
    it('search --db answers in the JSON contract, with precedent-db: references', async () => {
      const { code, out } = await runCli('search', '--db', server.url('drafter'), '--json', 'resolution 2331');
      assert.equal(code, 0);
      const results = JSON.parse(out) as Array<{ file: string; line: number }>;
      assert.ok(results.length > 0 && results.every((r) => r.file.startsWith('precedent-db:main/') && r.line >= 1));
    });

    it('serve --db answers each request line from the server, as search --db does', async () => {
      const request = { id: 1, command: 'search', query: 'resolution 2331', limit: 3 };
      const served = await runCliWithInput([JSON.stringify(request)], 'serve', '--db', server.url('drafter'));
      assert.equal(served.code, 0);
      const oneShot = await runCli('search', '--db', server.url('drafter'), '--json', '--limit', '3', 'resolution 2331');
      const answer = JSON.parse(served.out) as { id: number; result: Array<{ file: string }> };
      assert.equal(answer.id, 1);
      assert.ok(answer.result.length > 0 && answer.result.every((r) => r.file.startsWith('precedent-db:main/')));
      assert.deepEqual(answer.result, JSON.parse(oneShot.out));
    });

    it('text prints a published document, and nothing of a collection the role may not read', async () => {
      const shown = await runCli(
        'text',
        '--db',
        server.url('drafter'),
        'precedent-db:main/2017-03-15-bessho-trafficking-mission-statement.md',
      );
      assert.equal(shown.code, 0);
      assert.match(shown.out, /attaches great importance/);
      const hidden = await runCli('text', '--db', server.url('drafter'), 'precedent-db:restricted/restricted-note.md');
      assert.equal(hidden.code, 2);
      assert.equal(hidden.out, '');
    });

    it('--db with --corpus: both sources answer', async () => {
      const extra = new TempDir();
      try {
        writeFileSync(extra.file('local.md'), 'Japan welcomes the quarterly Xylophone Dialogue on maritime order.\n');
        const { out } = await runCli(
          'search',
          '--db',
          server.url('drafter'),
          '--corpus',
          extra.path,
          '--no-cache',
          '--json',
          'xylophone dialogue maritime',
        );
        const files = (JSON.parse(out) as Array<{ file: string }>).map((r) => r.file);
        assert.equal(files[0], extra.file('local.md'));
        const both = await runCli(
          'search',
          '--db',
          server.url('drafter'),
          '--corpus',
          extra.path,
          '--no-cache',
          '--json',
          'attaches great importance',
        );
        assert.ok((JSON.parse(both.out) as Array<{ file: string }>).some((r) => r.file.startsWith('precedent-db:')));
      } finally {
        extra.remove();
      }
    });

    it('--db with --corpus: check weighs the evidence of both, as the editor does', async () => {
      const [pledges, folder, drafts] = [new TempDir(), new TempDir(), new TempDir()];
      try {
        writeFileSync(pledges.file('tessaline-2025.md'), SERVER_PLEDGE);
        writeFileSync(folder.file('tessaline-2023.md'), LOCAL_PLEDGE);
        writeFileSync(drafts.file('draft.md'), PLEDGE_DRAFT);
        // Readable by the cleared role only: what the drafter's tests above see does not change.
        await publishCorpus({
          url: server.url('writer'),
          collection: 'pledges',
          readers: 'restricted_reader',
          roots: [pledges.path],
          cacheDir: null,
        });
        const codes = (out: string) =>
          (JSON.parse(out) as { files: Array<{ diagnostics: Array<{ code: string }> }> }).files.flatMap((f) =>
            f.diagnostics.map((d) => d.code),
          );
        const localOnly = await runCli('check', '--corpus', folder.path, '--no-cache', '--json', drafts.file('draft.md'));
        assert.ok(codes(localOnly.out).includes('figure-precedent'), 'the local folders alone have only the 2023 figure');
        const both = await runCli(
          'check',
          '--db',
          server.url('cleared'),
          '--corpus',
          folder.path,
          '--no-cache',
          '--json',
          drafts.file('draft.md'),
        );
        assert.equal(both.code, 0);
        assert.equal(both.err, '');
        assert.ok(!codes(both.out).includes('figure-precedent'), "the server's 2025 figure is the draft's");
        const drafterBoth = await runCli(
          'check',
          '--db',
          server.url('drafter'),
          '--corpus',
          folder.path,
          '--no-cache',
          '--json',
          drafts.file('draft.md'),
        );
        assert.ok(codes(drafterBoth.out).includes('figure-precedent'), 'a role that may not read the collection gets no evidence from it');
      } finally {
        for (const dir of [pledges, folder, drafts]) dir.remove();
      }
    });

    it('refuses a password in the URL, and names a server that is down', async () => {
      const withPassword = await runCli('search', '--db', `postgresql://drafter:secret@127.0.0.1:${server.port}/postgres`, 'unodc');
      assert.equal(withPassword.code, 2);
      assert.match(withPassword.err, /PGPASSWORD or ~\/\.pgpass/);
      const down = new TestPort();
      const result = await runCli('search', '--db', `postgresql://drafter@127.0.0.1:${await down.port()}/postgres`, 'unodc');
      assert.equal(result.code, 2);
      assert.match(result.err, /cannot use the PostgreSQL server at 127\.0\.0\.1:\d+/);
      const withFolders = await runCli(
        'search',
        '--db',
        `postgresql://drafter@127.0.0.1:${await down.port()}/postgres`,
        '--corpus',
        BUNDLED_CORPUS,
        '--no-cache',
        'unodc',
      );
      assert.deepEqual([withFolders.code, withFolders.out], [2, '']);
      assert.match(withFolders.err, /^precedent: cannot use the PostgreSQL server at 127\.0\.0\.1:\d+/);
      await assert.rejects(DatabaseCorpus.open(`postgresql://drafter@127.0.0.1:${await down.port()}/postgres`), DatabaseUnavailableError);
    });

    it("connects a role that needs a password with the one given (the editor's secret, PGPASSWORD), and says so without it", async () => {
      await asSuperuser(server, `CREATE ROLE keeper LOGIN PASSWORD 'quill 2025/@:' NOBYPASSRLS IN ROLE precedent_reader`);
      server.requirePassword('keeper');
      await assert.rejects(DatabaseCorpus.open(server.url('keeper')), /asks for this role's password, and none was given/);
      await assert.rejects(
        DatabaseCorpus.open(server.url('keeper'), { password: 'wrong' }),
        /password authentication failed for user "keeper"/,
      );
      const keeper = await DatabaseCorpus.open(server.url('keeper'), { password: 'quill 2025/@:' });
      try {
        assert.ok((await keeper.search('unodc pledge', { limit: 3 })).length > 0);
      } finally {
        await keeper.close();
      }
      process.env.PGPASSWORD = 'quill 2025/@:';
      try {
        const fromEnvironment = await runCli('search', '--db', server.url('keeper'), '--json', 'unodc pledge');
        assert.equal(fromEnvironment.code, 0, fromEnvironment.err);
      } finally {
        delete process.env.PGPASSWORD;
      }
    });
  });
});

/** A port nothing listens on: taken from the system, then released. */
class TestPort {
  private chosen: number | null = null;
  async port(): Promise<number> {
    if (this.chosen === null) {
      const { createServer } = await import('net');
      this.chosen = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const address = probe.address();
          probe.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
        });
      });
    }
    return this.chosen;
  }
}
