/**
 * `npm run bench -- --only postgres`: the corpus on a PostgreSQL server beside the local index, in one run.
 * On the 299 speeches: how often the server gives the local index's first result, and recall@1/@5 of both, over the
 * benchmark's phrase and keyword queries. On ×10: publish time, and query p50/p95 through the server as a drafter
 * role (one that owns nothing and reads under the policies), with 1 and with 20 concurrent clients, beside the local
 * index's. The server is a throwaway one (test/db/server.ts); without PostgreSQL the section is skipped, with a notice.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DatabaseCorpus } from '../src/core/db/databaseCorpus';
import { publishCorpus } from '../src/core/db/publish';
import { parseDocumentReference } from '../src/core/db/reference';
import type { SearchMatch } from '../src/core/types';
import { PrecedentWorkspace } from '../src/core/workspace';
import { createTeamRoles, startServer, type TestServer } from '../test/db/server';
import { type Corpus, prepareCorpus } from './corpora';
import { percentile, RESULT_LIMIT } from './measure';
import { generateQueries, type QueryKind } from './queries';
import { readSentences, writeSentences } from './sentences';

const CONCURRENT_CLIENTS = 20;
/** How many times the concurrent clients ask the whole list between them. */
const CONCURRENT_ROUNDS = 2;

interface Timing {
  p50: number;
  p95: number;
}

interface KindFigures {
  queries: number;
  sameFirst: number;
  local: { recallAt1: number; recallAt5: number } & Timing;
  server: { recallAt1: number; recallAt5: number } & Timing;
}

export interface PostgresFigures {
  fidelity: { corpus: string; passages: number; kinds: Partial<Record<QueryKind, KindFigures>> } | null;
  scale: {
    corpus: string;
    documents: number;
    passages: number;
    publishMs: number;
    republishMs: number;
    localBuildMs: number;
    local: Timing;
    server1: Timing;
    server20: Timing & { queriesPerSecond: number };
  } | null;
  skipped: string | null;
}

/** Measures, printing each part's figures as soon as they are in (`print`), and returns them all. */
export async function benchPostgres(
  ungdPresent: boolean,
  log: (line: string) => void,
  print: (text: string) => void,
): Promise<PostgresFigures> {
  let server: TestServer;
  try {
    server = await startServer();
  } catch (error) {
    const reason = `PostgreSQL could not be started (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
    log(`${reason}: the PostgreSQL section is skipped`);
    const figures = { fidelity: null, scale: null, skipped: reason };
    print(formatPostgresFigures(figures));
    return figures;
  }
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'precedent-bench-pg-'));
  try {
    await createTeamRoles(server);
    const base = ungdPresent ? 'ungd' : 'bundled';
    const fidelity = await measureFidelity(server, await prepareCorpus(base, ungdPresent, log), path.join(work, 'one'), log);
    print(formatPostgresFigures({ fidelity, scale: null, skipped: null }));
    const scale = await measureScale(server, await prepareCorpus('x10', ungdPresent, log), path.join(work, 'x10'), log);
    print(formatPostgresFigures({ fidelity: null, scale, skipped: null }));
    return { fidelity, scale, skipped: null };
  } finally {
    server.stop();
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** Queries with their right answers, named as the server names passages: collection, path, range. */
async function queriesOf(workspace: PrecedentWorkspace, dir: string) {
  await writeSentences(dir, workspace.documents);
  const table = await readSentences(dir);
  const byFile = new Map(workspace.documents.map((d) => [d.file, d]));
  return generateQueries(table).map((query) => ({
    query,
    answers: query.answers.map((id) => {
      const file = table.files[table.fileOf[id]];
      return { file, range: byFile.get(file)!.passages[table.passageOf[id]].range };
    }),
  }));
}

function placeOf(match: SearchMatch, root: string): string {
  const named = parseDocumentReference(match.file);
  const file = named ? named.path : path.relative(root, match.file).split(path.sep).join('/');
  const { startLine, startColumn, endLine, endColumn } = match.range;
  return `${file}:${startLine}:${startColumn}-${endLine}:${endColumn}`;
}

async function measureFidelity(server: TestServer, corpus: Corpus, dir: string, log: (line: string) => void) {
  log(`[postgres] ${corpus.name}: local index, publish, queries as the drafter role`);
  const workspace = await PrecedentWorkspace.load({ roots: [corpus.dir], cacheDir: null });
  const jobs = await queriesOf(workspace, dir);
  await publishCorpus({ url: server.url('writer'), collection: corpus.name, roots: [corpus.dir], cacheDir: null });
  const drafter = await DatabaseCorpus.open(server.url('drafter'), { connections: 1 });
  try {
    // Warm both (the drafter's lexicon is read on first use), as a session would be.
    for (const { query } of jobs.slice(0, 5)) {
      workspace.search(query.text, { limit: RESULT_LIMIT });
      await drafter.search(query.text, { limit: RESULT_LIMIT });
    }
    const outcomes = [];
    for (const { query, answers } of jobs) {
      const right = new Set(answers.map((a) => placeOf({ file: a.file, range: a.range } as SearchMatch, corpus.dir)));
      let started = performance.now();
      const mine = workspace.search(query.text, { limit: RESULT_LIMIT });
      const localMs = performance.now() - started;
      started = performance.now();
      const theirs = await drafter.search(query.text, { limit: RESULT_LIMIT });
      const serverMs = performance.now() - started;
      const rank = (matches: SearchMatch[]) => matches.findIndex((m) => right.has(placeOf(m, corpus.dir))) + 1 || null;
      outcomes.push({
        kind: query.kind,
        same: sameFirst(mine, theirs, corpus.dir),
        localRank: rank(mine),
        serverRank: rank(theirs),
        localMs,
        serverMs,
      });
    }
    const kinds: Partial<Record<QueryKind, KindFigures>> = {};
    for (const kind of ['phrase', 'keyword'] as const) {
      const of = outcomes.filter((o) => o.kind === kind);
      if (of.length === 0) continue;
      const share = (test: (o: (typeof of)[number]) => boolean) => of.filter(test).length / of.length;
      kinds[kind] = {
        queries: of.length,
        sameFirst: share((o) => o.same),
        local: {
          recallAt1: share((o) => o.localRank === 1),
          recallAt5: share((o) => o.localRank !== null),
          ...timing(of.map((o) => o.localMs)),
        },
        server: {
          recallAt1: share((o) => o.serverRank === 1),
          recallAt5: share((o) => o.serverRank !== null),
          ...timing(of.map((o) => o.serverMs)),
        },
      };
    }
    return { corpus: corpus.label, passages: workspace.report.passages, kinds };
  } finally {
    await drafter.close();
  }
}

async function measureScale(server: TestServer, corpus: Corpus, dir: string, log: (line: string) => void) {
  log(`[postgres] ${corpus.name}: local build`);
  let started = performance.now();
  const workspace = await PrecedentWorkspace.load({ roots: [corpus.dir], cacheDir: path.join(dir, 'cache') });
  await workspace.saved;
  const localBuildMs = performance.now() - started;
  const jobs = await queriesOf(workspace, path.join(dir, 'sentences'));
  log(`[postgres] ${corpus.name}: publish ${workspace.report.documents} documents`);
  started = performance.now();
  await publishCorpus({ url: server.url('writer'), collection: corpus.name, roots: [corpus.dir], cacheDir: path.join(dir, 'cache') });
  const publishMs = performance.now() - started;
  started = performance.now();
  await publishCorpus({ url: server.url('writer'), collection: corpus.name, roots: [corpus.dir], cacheDir: path.join(dir, 'cache') });
  const republishMs = performance.now() - started;
  const texts = jobs.map((job) => job.query.text);
  const localTimes = texts.map((text) => {
    const at = performance.now();
    workspace.search(text, { limit: RESULT_LIMIT });
    return performance.now() - at;
  });
  log(`[postgres] ${corpus.name}: ${texts.length} queries as the drafter role, 1 client, then ${CONCURRENT_CLIENTS}`);
  const drafter = await DatabaseCorpus.open(server.url('drafter'), { connections: CONCURRENT_CLIENTS });
  try {
    for (const text of texts.slice(0, 5)) await drafter.search(text, { limit: RESULT_LIMIT });
    const oneClient: number[] = [];
    for (const text of texts) {
      const at = performance.now();
      await drafter.search(text, { limit: RESULT_LIMIT });
      oneClient.push(performance.now() - at);
    }
    const concurrent: number[] = [];
    let next = 0;
    started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENT_CLIENTS }, async () => {
        // The clients share the list twice over: each query is asked twice, by different clients, at once with others.
        for (let asked = 0; asked < CONCURRENT_ROUNDS * Math.ceil(texts.length / CONCURRENT_CLIENTS); asked++) {
          const text = texts[next++ % texts.length];
          const at = performance.now();
          await drafter.search(text, { limit: RESULT_LIMIT });
          concurrent.push(performance.now() - at);
        }
      }),
    );
    const elapsed = performance.now() - started;
    return {
      corpus: corpus.label,
      documents: workspace.report.documents,
      passages: workspace.report.passages,
      publishMs,
      republishMs,
      localBuildMs,
      local: timing(localTimes),
      server1: timing(oneClient),
      server20: { ...timing(concurrent), queriesPerSecond: (concurrent.length / elapsed) * 1000 },
    };
  } finally {
    await drafter.close();
  }
}

/** Whether both give the same first result (or both none). */
function sameFirst(mine: SearchMatch[], theirs: SearchMatch[], root: string): boolean {
  if (mine.length === 0 || theirs.length === 0) return mine.length === theirs.length;
  return placeOf(mine[0], root) === placeOf(theirs[0], root);
}

function timing(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function formatPostgresFigures(figures: PostgresFigures): string {
  if (figures.skipped) return `PostgreSQL: skipped — ${figures.skipped}\n`;
  const ms = (t: Timing) => `p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms`;
  const lines = ['PostgreSQL (as a drafter role, under the policies) beside the local index'];
  if (figures.fidelity) {
    lines.push(`  ${figures.fidelity.corpus}, ${figures.fidelity.passages} passages:`);
    for (const [kind, k] of Object.entries(figures.fidelity.kinds)) {
      lines.push(
        `    ${kind} (${k.queries}): same first result ${(k.sameFirst * 100).toFixed(1)} %; ` +
          `recall@1 ${k.local.recallAt1.toFixed(3)} local / ${k.server.recallAt1.toFixed(3)} server; ` +
          `recall@5 ${k.local.recallAt5.toFixed(3)} / ${k.server.recallAt5.toFixed(3)}; local ${ms(k.local)}; server ${ms(k.server)}`,
      );
    }
  }
  if (figures.scale) {
    const s = figures.scale;
    lines.push(`  ${s.corpus}: ${s.documents} documents, ${s.passages} passages`);
    lines.push(`    publish ${seconds(s.publishMs)} (again, unchanged: ${seconds(s.republishMs)}); local build ${seconds(s.localBuildMs)}`);
    lines.push(`    queries: local ${ms(s.local)}; server, 1 client ${ms(s.server1)}`);
    const throughput = `${s.server20.queriesPerSecond.toFixed(0)} queries/s`;
    lines.push(`    server, ${CONCURRENT_CLIENTS} concurrent clients: ${ms(s.server20)}, ${throughput}`);
  }
  return `${lines.join('\n')}\n`;
}
