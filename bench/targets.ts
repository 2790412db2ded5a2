/** The issue's targets for each corpus, checked against Precedent's figures. */
import type { CorpusReport } from './reportTypes';

export interface TargetCheck {
  what: string;
  /** The limit, as the issue states it. */
  target: string;
  actual: string;
  met: boolean;
}

interface Target {
  what: string;
  limit: number;
  /** Whether higher values are better (recall) or lower (time, memory). */
  atLeast: boolean;
  unit: 'ms' | 's' | 'MB' | '';
  value: (report: CorpusReport) => number | null | undefined;
}

const precedent = (report: CorpusReport) => report.engines[0];

const archive = (r: CorpusReport) => r.archive;
const TARGETS: Record<'ungd' | 'x10' | 'x8', Target[]> = {
  ungd: [
    { what: 'phrase p95', limit: 10, atLeast: false, unit: 'ms', value: (r) => precedent(r).phrase?.p95 },
    { what: 'phrase recall@1', limit: 0.975, atLeast: true, unit: '', value: (r) => precedent(r).phrase?.recallAt1 },
    { what: 'phrase recall@5', limit: 0.99, atLeast: true, unit: '', value: (r) => precedent(r).phrase?.recallAt5 },
    { what: 'keyword recall@5', limit: 0.98, atLeast: true, unit: '', value: (r) => precedent(r).keyword?.recallAt5 },
    { what: 'keyword p95', limit: 10, atLeast: false, unit: 'ms', value: (r) => precedent(r).keyword?.p95 },
    { what: 'cold build', limit: 1, atLeast: false, unit: 's', value: (r) => seconds(precedent(r).buildMs) },
  ],
  x10: [
    { what: 'phrase p95', limit: 25, atLeast: false, unit: 'ms', value: (r) => precedent(r).phrase?.p95 },
    { what: 'keyword p95', limit: 25, atLeast: false, unit: 'ms', value: (r) => precedent(r).keyword?.p95 },
    { what: 'cold build', limit: 15, atLeast: false, unit: 's', value: (r) => seconds(precedent(r).buildMs) },
    {
      what: 'warm load from cache',
      limit: 1,
      atLeast: false,
      unit: 's',
      // A load that found no snapshot rebuilt the index: it is no warm load.
      value: (r) => (precedent(r).fromSnapshot ? seconds(precedent(r).warmMs) : null),
    },
    { what: 'RSS', limit: 800, atLeast: false, unit: 'MB', value: (r) => precedent(r).memory?.rssMb },
    { what: 'panel passages p95', limit: 30, atLeast: false, unit: 'ms', value: (r) => r.editor?.panel.passages.p95 },
    { what: 'panel history p95', limit: 200, atLeast: false, unit: 'ms', value: (r) => r.editor?.panel.history.p95 },
  ],
  // Issue 16: a ministry's archive, ≈ 1.16 M passages.
  x8: [
    { what: 'cold index', limit: 15, atLeast: false, unit: 's', value: (r) => seconds(precedent(r).buildMs) },
    { what: 'cold peak RSS', limit: 1024, atLeast: false, unit: 'MB', value: (r) => archive(r)?.coldPeakRssMb },
    { what: 'cache on disk', limit: 250, atLeast: false, unit: 'MB', value: (r) => archive(r)?.cacheMb },
    {
      what: 'warm open',
      limit: 0.5,
      atLeast: false,
      unit: 's',
      value: (r) => (precedent(r).fromSnapshot ? seconds(precedent(r).warmMs) : null),
    },
    { what: 'RSS in use', limit: 400, atLeast: false, unit: 'MB', value: (r) => archive(r)?.inUseRssMb },
    { what: 'phrase p50', limit: 8, atLeast: false, unit: 'ms', value: (r) => precedent(r).phrase?.p50 },
    { what: 'phrase p95', limit: 25, atLeast: false, unit: 'ms', value: (r) => precedent(r).phrase?.p95 },
    { what: 'keyword p95', limit: 10, atLeast: false, unit: 'ms', value: (r) => precedent(r).keyword?.p95 },
    { what: 'precedent search, one call', limit: 0.5, atLeast: false, unit: 's', value: (r) => seconds(archive(r)?.cliSearchMs ?? null) },
    { what: 'first check after opening', limit: 1, atLeast: false, unit: 's', value: (r) => seconds(archive(r)?.firstCheckMs ?? null) },
    { what: 'one file changed', limit: 2, atLeast: false, unit: 's', value: (r) => seconds(archive(r)?.update?.ms ?? null) },
    { what: 'stall while indexing (cold)', limit: 50, atLeast: false, unit: 'ms', value: (r) => r.editor?.coldLoadMaxStallMs },
    { what: 'stall while typing', limit: 50, atLeast: false, unit: 'ms', value: (r) => r.editor?.typing.maxStallMs },
  ],
};

/** Checks for the corpus, or a sentence saying why there are none. */
export function checkTargets(report: CorpusReport): TargetCheck[] | string {
  if (report.basis !== 'ungd' || report.name === 'bundled' || report.name === 'ungd-all') {
    return 'none (they are set for the UN General Debate sample, ×8 of it with the further speeches, and ×10 and ×100)';
  }
  if (report.name === 'x100') {
    const failed = report.engines[0].error;
    return [{ what: 'build, cache, queries', target: 'complete', actual: failed ?? 'completed', met: failed === null }];
  }
  return TARGETS[report.name].map((t) => {
    const value = t.value(report);
    const known = typeof value === 'number';
    return {
      what: t.what,
      target: `${t.atLeast ? '≥' : '≤'} ${t.limit}${t.unit ? ` ${t.unit}` : ''}`,
      actual: known ? `${formatValue(value, t.unit)}${t.unit ? ` ${t.unit}` : ''}` : 'not measured',
      met: known && (t.atLeast ? value >= t.limit : value <= t.limit),
    };
  });
}

function seconds(ms: number | null): number | null {
  return ms === null ? null : ms / 1000;
}

function formatValue(value: number, unit: Target['unit']): string {
  if (unit === '') return value.toFixed(3);
  if (unit === 's') return value.toFixed(2);
  return value < 100 ? value.toFixed(1) : String(Math.round(value));
}
