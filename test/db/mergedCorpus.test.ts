/**
 * The editor's view of a team corpus: local folders and a server's collections answer together (MergedCorpus), each
 * result naming where it comes from; the collections chosen narrow what the role may read; a server that does not
 * answer in time, or goes away, leaves the local answers standing, says why, and is reconnected when it returns.
 * Against a real PostgreSQL server (server.ts), stopped and started again by the tests.
 */
import { strict as assert } from 'assert';
import { writeFileSync } from 'fs';
import { DEFAULT_CONFIG } from '../../src/core/checks/config';
import { ResolutionRegistry } from '../../src/core/citations/registry';
import { serverUrlFromSetting } from '../../src/core/db/connection';
import { DatabaseCorpus } from '../../src/core/db/databaseCorpus';
import { publishCorpus } from '../../src/core/db/publish';
import { serverCollectionOf } from '../../src/core/db/reference';
import { ServerLink, type ServerState } from '../../src/core/db/serverLink';
import { MergedCorpus } from '../../src/core/mergedCorpus';
import { LocalCorpus } from '../../src/core/service';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { TempDir } from '../unit/helpers';
import { createTeamRoles, startServer, type TestServer } from './server';

const TEAM = `---
title: Team statement on the Quillfeather Compact
date: 2025-02-11
---

Japan reaffirms its support for the Quillfeather Compact on maritime cooperation among coastal States.
`;
const RESTRICTED = `---
title: Restricted note on the Zephyr Oversight Panel
date: 2024-05-02
---

Japan welcomes the establishment of the Zephyr Oversight Panel under confidential arrangements.
`;
const LOCAL = `---
title: Local draft notes on the Quillfeather Compact
date: 2025-03-01
---

The Quillfeather Compact (QFC) on maritime cooperation deserves the support of every delegation in this room.
`;

/** A figure the local folders record in 2023 and the server in 2025: which one a draft's figure is checked against. */
const LOCAL_PLEDGE = `---
title: Statement on the Tessaline Fund
date: 2023-04-03
---

Japan has pledged 3 million US dollars to the Tessaline Fund for its first year.
`;
const TEAM_PLEDGE = `---
title: Team statement on the Tessaline Fund
date: 2025-06-02
---

Japan has pledged 5 million US dollars to the Tessaline Fund for its second year.
`;
const pledgeDraft = (figure: string) =>
  `Mr. President,\n\nJapan has pledged ${figure} million US dollars to the Tessaline Fund this year.\n`;
const CHECK_OPTIONS = { registry: new ResolutionRegistry(), config: DEFAULT_CONFIG };

/** Resolves once the link's state is of `kind` (it is polled: the link reconnects on its own timer). */
async function until(link: ServerLink, kind: ServerState['kind'], withinMs = 15_000): Promise<void> {
  const started = Date.now();
  while (link.state.kind !== kind) {
    if (Date.now() - started > withinMs) throw new Error(`the link stayed ${link.state.kind} (expected ${kind})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('local folders and a server corpus together', function () {
  this.timeout(60_000);
  let server: TestServer;
  let folders: TempDir[] = [];
  let local: LocalCorpus;
  const links: ServerLink[] = [];

  const linkAs = (role: string, options: { collections?: string[]; timeoutMs?: number; states?: ServerState[] } = {}) => {
    const link = new ServerLink({
      open: async () => {
        const corpus = await DatabaseCorpus.open(server.url(role), { collections: options.collections, timeoutMs: 2000 });
        await corpus.prepare();
        return corpus;
      },
      onState: (state) => options.states?.push(state),
      timeoutMs: options.timeoutMs,
      retryPausesMs: [100, 200, 400],
    });
    links.push(link);
    return link;
  };

  before(async () => {
    server = await startServer();
    await createTeamRoles(server);
    const [team, restricted, localFolder] = (folders = [new TempDir(), new TempDir(), new TempDir()]);
    writeFileSync(team.file('quillfeather.md'), TEAM);
    writeFileSync(team.file('tessaline.md'), TEAM_PLEDGE);
    writeFileSync(restricted.file('zephyr.md'), RESTRICTED);
    writeFileSync(localFolder.file('notes.md'), LOCAL);
    writeFileSync(localFolder.file('tessaline-2023.md'), LOCAL_PLEDGE);
    await publishCorpus({ url: server.url('writer'), collection: 'team', roots: [team.path], cacheDir: null });
    await publishCorpus({
      url: server.url('writer'),
      collection: 'restricted',
      readers: 'restricted_reader',
      roots: [restricted.path],
      cacheDir: null,
    });
    local = new LocalCorpus(await PrecedentWorkspace.load({ roots: [localFolder.path], cacheDir: null }));
  });

  afterEach(() => {
    for (const link of links.splice(0)) link.dispose();
  });

  after(() => {
    server?.stop();
    for (const folder of folders) folder.remove();
  });

  it('answers a search from both, each passage naming its source', async () => {
    const link = linkAs('drafter');
    await link.start();
    assert.equal(link.state.kind, 'connected');
    const merged = new MergedCorpus(local, link);
    const found = await merged.search('Quillfeather Compact maritime cooperation', { limit: 5 });
    const sources = found.map((match) => serverCollectionOf(match.file) ?? 'local');
    assert.deepEqual([...new Set(sources)].sort(), ['local', 'team']);
    assert.equal(merged.shortfall, null);
    assert.deepEqual(await merged.documentText(found.find((m) => serverCollectionOf(m.file))!.file), TEAM);
  });

  it('shows a drafter no restricted collection, and narrows a cleared role to the collections chosen', async () => {
    const drafter = new MergedCorpus(local, linkAs('drafter'));
    await drafter.server.start();
    const drafterFound = await drafter.search('Zephyr Oversight Panel confidential arrangements', { limit: 5 });
    assert.deepEqual(
      drafterFound.filter((m) => serverCollectionOf(m.file)),
      [],
    );
    await assert.rejects(drafter.documentText('precedent-db:restricted/zephyr.md'), /not on the server, or this role may not read it/);

    const cleared = new MergedCorpus(local, linkAs('cleared'));
    await cleared.server.start();
    assert.deepEqual(
      (await cleared.search('Zephyr Oversight Panel confidential arrangements', { limit: 5 })).map((m) => serverCollectionOf(m.file)),
      ['restricted'],
    );
    const narrowed = linkAs('cleared', { collections: ['team'] });
    await narrowed.start();
    assert.deepEqual(narrowed.state.kind === 'connected' && narrowed.state.collections, ['team']);
    const onlyTeam = new MergedCorpus(local, narrowed);
    assert.deepEqual(
      (await onlyTeam.search('Zephyr Oversight Panel confidential arrangements', { limit: 5 })).filter((m) => serverCollectionOf(m.file)),
      [],
    );
  });

  it("checks once over both sources' evidence: the server's newer figure clears a finding the local folders alone raise", async () => {
    const link = linkAs('drafter');
    await link.start();
    const merged = new MergedCorpus(local, link);
    const figures = async (corpus: LocalCorpus | MergedCorpus, draft: string) =>
      (await corpus.check(draft, '/drafts/tessaline.md', CHECK_OPTIONS)).filter((f) => f.code === 'figure-precedent');
    // The local folders alone know only the 2023 figure: the draft's 5 million differs from it.
    const [localOnly] = await figures(local, pledgeDraft('5'));
    assert.match(localOnly?.message ?? '', /the 2023 statement \(tessaline-2023\.md:\d+\) says .*"3 million US dollars"/);
    // Merged, the latest is the server's 2025 figure, which the draft states: no finding (a union of checks kept it).
    assert.deepEqual(await figures(merged, pledgeDraft('5')), []);
    assert.equal(merged.shortfall, null);
  });

  it('raises what only the evidence of both shows: a figure that is an older one, the newer on the server', async () => {
    const link = linkAs('drafter');
    await link.start();
    const merged = new MergedCorpus(local, link);
    const draft = pledgeDraft('3');
    const codes = async (corpus: LocalCorpus | MergedCorpus) =>
      (await corpus.check(draft, '/drafts/tessaline.md', CHECK_OPTIONS)).map((f) => f.code);
    assert.ok(!(await codes(local)).includes('figure-precedent'), 'the local folders alone record the draft figure as the latest');
    const [older] = (await merged.check(draft, '/drafts/tessaline.md', CHECK_OPTIONS)).filter((f) => f.code === 'figure-precedent');
    assert.match(older?.message ?? '', /this is the 2023 figure; the 2025 statement \(tessaline\.md:\d+\) gives the latest/);
    assert.deepEqual(
      older.related.map((r) => serverCollectionOf(r.file) ?? 'local'),
      ['team', 'local'],
    );
    assert.deepEqual(older.fixes[0]?.replacement, '5 million US dollars');
  });

  it("shows on a figure's hover the facts of both, newest first, read as the check reads them", async () => {
    const link = linkAs('drafter');
    await link.start();
    const merged = new MergedCorpus(local, link);
    const draft = pledgeDraft('3');
    const found = await merged.factsAt(draft, draft.indexOf('3 million'));
    assert.equal(found?.about, 'Japan pledged · Tessaline Fund');
    assert.deepEqual(
      found.facts.map((fact) => [fact.date, serverCollectionOf(fact.file) ?? 'local']),
      [
        ['2025-06-02', 'team'],
        ['2023-04-03', 'local'],
      ],
    );
  });

  it('checks with the local evidence alone, and says so, when the server goes away in the middle of a check', async () => {
    const link = linkAs('drafter');
    await link.start();
    const merged = new MergedCorpus(local, link);
    server.halt();
    try {
      // Still connected as far as the link knows: the check asks the server, which fails; the local check stands.
      assert.notEqual(link.connection, null);
      const findings = await merged.check(pledgeDraft('5'), '/drafts/tessaline.md', CHECK_OPTIONS);
      assert.deepEqual(findings, await local.check(pledgeDraft('5'), '/drafts/tessaline.md', CHECK_OPTIONS));
      assert.ok(findings.some((f) => f.code === 'figure-precedent'));
      assert.equal(link.state.kind, 'unavailable');
      assert.match(merged.shortfall ?? '', /PostgreSQL server at 127\.0\.0\.1:\d+/);
    } finally {
      server.resume();
    }
    await until(link, 'connected');
    assert.deepEqual(
      (await merged.check(pledgeDraft('5'), '/drafts/tessaline.md', CHECK_OPTIONS)).filter((f) => f.code === 'figure-precedent'),
      [],
    );
  });

  it('leaves a question the server does not answer in time to the local folders, and calls it slow until one is', async () => {
    const states: ServerState[] = [];
    const link = linkAs('drafter', { timeoutMs: 200, states });
    await link.start();
    const merged = new MergedCorpus(local, link);
    const slow = await link.ask('the slow question', async (corpus, signal) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await corpus.ping({ signal });
      return 'late';
    });
    assert.deepEqual(slow, { answered: false, reason: 'the server did not answer the slow question within 0.2 s' });
    assert.equal(merged.shortfall, 'the server did not answer the slow question within 0.2 s');
    // It still answers a ping in time: it stays connected, the next question is asked, answered in time, and that ends it.
    const found = await merged.search('Quillfeather Compact maritime cooperation');
    assert.deepEqual(found.map((m) => serverCollectionOf(m.file) ?? 'local').sort(), ['local', 'team']);
    assert.equal(merged.shortfall, null);
    assert.deepEqual(
      states.map((s) => (s.kind === 'connected' && s.slow ? 'slow' : s.kind)),
      ['connected', 'slow', 'connected'],
    );
  });

  it('keeps the local answers when the server goes away, names the server, and reconnects when it returns', async () => {
    const states: ServerState[] = [];
    const link = linkAs('drafter', { states });
    await link.start();
    const merged = new MergedCorpus(local, link);
    const query = 'Quillfeather Compact maritime cooperation';
    assert.equal((await merged.search(query)).filter((m) => serverCollectionOf(m.file)).length, 1);
    server.halt();
    try {
      const withoutServer = await merged.search(query);
      assert.deepEqual(
        withoutServer.map((m) => serverCollectionOf(m.file) ?? 'local'),
        ['local'],
      );
      assert.equal(link.state.kind, 'unavailable');
      // Unanswered at once while it is away: the server is not even asked, so nothing waits for it.
      let asked = false;
      const next = await link.ask('the next question', (corpus) => {
        asked = true;
        return corpus.documentFiles();
      });
      assert.deepEqual([next.answered, asked], [false, false]);
      assert.match(merged.shortfall ?? '', /PostgreSQL server at 127\.0\.0\.1:\d+ \(database postgres, role drafter\)/);
      // The checks still run, on the local folders: an acronym the local notes define is still spelt out.
      const findings = await merged.check('Japan supports the QFC.\n', 'draft.md', {
        registry: new ResolutionRegistry(),
        config: DEFAULT_CONFIG,
      });
      assert.deepEqual(
        findings.map((f) => f.fixes[0]?.replacement),
        ['Quillfeather Compact (QFC)'],
      );
    } finally {
      server.resume();
    }
    await until(link, 'connected');
    assert.equal((await merged.search(query)).filter((m) => serverCollectionOf(m.file)).length, 1);
    assert.ok(states.some((s) => s.kind === 'unavailable' && s.retryInMs === 100));
  });

  it('reports a server that cannot be reached at all, and never answers from it', async () => {
    const states: ServerState[] = [];
    const link = new ServerLink({
      open: () => DatabaseCorpus.open('postgresql://drafter@127.0.0.1:1/postgres', { timeoutMs: 1000 }),
      onState: (state) => states.push(state),
      retryPausesMs: [60_000],
    });
    links.push(link);
    await link.start();
    assert.equal(link.state.kind, 'unavailable');
    assert.match(link.shortfall ?? '', /cannot use the PostgreSQL server at 127\.0\.0\.1:1 .*ECONNREFUSED/);
    assert.ok(link.state.kind === 'unavailable' && /^connect ECONNREFUSED/.test(link.state.why), 'why, without the server');
    const merged = new MergedCorpus(local, link);
    assert.deepEqual(
      (await merged.search('Quillfeather Compact')).map((m) => serverCollectionOf(m.file) ?? 'local'),
      ['local'],
    );
    assert.deepEqual(
      states.map((s) => s.kind),
      ['unavailable'],
    );
  });

  it('takes the password out of a server setting, and says it did', () => {
    assert.deepEqual(serverUrlFromSetting('postgresql://drafter:secret@db.example.org/precedent', 'precedent.server.url'), {
      url: 'postgresql://drafter@db.example.org/precedent',
      strippedPassword: true,
    });
    assert.deepEqual(serverUrlFromSetting('postgresql://drafter@db.example.org/precedent', 'precedent.server.url'), {
      url: 'postgresql://drafter@db.example.org/precedent',
      strippedPassword: false,
    });
    assert.throws(() => serverUrlFromSetting('mysql://db', 'precedent.server.url'), /precedent\.server\.url takes a postgresql:\/\/ URL/);
  });
});
