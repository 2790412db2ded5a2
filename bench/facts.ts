/**
 * Facts on one corpus: how long reading every fact takes (on first use), and fact lookup — p50/p95 over queries a
 * drafter would type ("unodc pledged", "peacebuilding fund contributed"), how often the fact a query was made from
 * comes back in the first five, and plain Fuse.js over every sentence on the same queries, for the ratio.
 */
import type { Fact } from '../src/core/facts/factBase';
import type { PrecedentWorkspace } from '../src/core/workspace';
import { maxStallWhile, percentile } from './measure';
import { buildPeer } from './peers';
import { randomInt, seededRandom } from './random';

const LOOKUPS = 100;
/** Plain Fuse.js takes seconds per query here: a few queries give its speed. */
const PLAIN_FUSE_LOOKUPS = 10;
const SEED = 5;
const FILLER = new Set(['the', 'of', 'on', 'and', 'for', 'to', 'in', 'united', 'nations']);

export interface FactFigures {
  facts: number;
  extractMs: number;
  /** Longest event-loop stall while the facts are read in slices, as the extension reads them. */
  slicedMaxStallMs: number;
  lookups: number;
  p50: number;
  p95: number;
  /** The fact a query was made from (or a copy of it), among the first five results. */
  foundAt5: number;
  plainFuse: { lookups: number; p50: number };
}

export async function measureFacts(workspace: PrecedentWorkspace, options: { plainFuse: boolean }): Promise<FactFigures> {
  let started = performance.now();
  const slicedMaxStallMs = await maxStallWhile(() => workspace.prepareFacts());
  const extractMs = performance.now() - started;
  const { facts } = workspace.facts;
  const random = seededRandom(SEED);
  const queries = Array.from({ length: Math.min(LOOKUPS, facts.length) }, () => {
    const fact = facts[randomInt(random, facts.length)];
    const words = fact.subject.display
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w && !FILLER.has(w));
    return { fact, query: `${words.slice(0, 2).join(' ')} ${fact.relation}` };
  });
  const times: number[] = [];
  let found = 0;
  for (const { fact, query } of queries) {
    started = performance.now();
    const results = workspace.lookUpFacts(query, 5);
    times.push(performance.now() - started);
    if (results.some((result) => sameStatement(result, fact))) found++;
  }
  const sorted = times.sort((a, b) => a - b);
  const sentences = options.plainFuse
    ? workspace.documents.flatMap((d) => d.passages.map((p) => d.paragraphs[p.paragraph].text.slice(p.start, p.end)))
    : [];
  const plain = buildPeer('fuse', sentences);
  const plainTimes = queries.slice(0, options.plainFuse ? PLAIN_FUSE_LOOKUPS : 0).map(({ query }) => {
    const start = performance.now();
    plain.search(query);
    return performance.now() - start;
  });
  return {
    facts: facts.length,
    extractMs,
    slicedMaxStallMs,
    lookups: queries.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    foundAt5: queries.length ? found / queries.length : 0,
    plainFuse: {
      lookups: plainTimes.length,
      p50:
        plainTimes.length === 0
          ? 0
          : percentile(
              plainTimes.sort((a, b) => a - b),
              0.5,
            ),
    },
  };
}

/** The fact asked for, or a copy of it in another document (the ×10 corpus holds ten varied copies of each). */
function sameStatement(a: Fact, b: Fact): boolean {
  const figures = (f: Fact) => f.quantities.map((q) => `${q.value} ${q.unit}`).join(';');
  return a.actor.key === b.actor.key && a.relation === b.relation && a.subject.key === b.subject.key && figures(a) === figures(b);
}

export function formatFactFigures(figures: FactFigures): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const ratio = figures.p50 > 0 ? figures.plainFuse.p50 / figures.p50 : 0;
  return [
    'Facts:',
    `  ${figures.facts} facts read from every sentence in ${ms(figures.extractMs)}, ` +
      `in slices: longest event-loop stall ${ms(figures.slicedMaxStallMs)}`,
    `  lookup (${figures.lookups} queries): p50 ${ms(figures.p50)}, p95 ${ms(figures.p95)}, ` +
      `the fact asked for (or a copy) in the first five ${(figures.foundAt5 * 100).toFixed(0)}%  (target p95 ≤ 20 ms)`,
    figures.plainFuse.lookups === 0
      ? '  plain Fuse.js over every sentence: not run at this size'
      : `  plain Fuse.js over every sentence, first ${figures.plainFuse.lookups} queries: p50 ${ms(figures.plainFuse.p50)} ` +
        `(Precedent ×${ratio.toFixed(0)} faster at p50)`,
  ].join('\n');
}
