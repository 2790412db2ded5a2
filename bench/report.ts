/** The figures of a run: one table per corpus, Precedent against plain Fuse.js, the targets; and the same as JSON. */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatEditorFigures } from './editor';
import { type Memory, summarize, type Summary } from './measure';
import { PEER_LABELS } from './peers';
import type { QueryKind } from './queries';
import { checkTargets } from './targets';

import type { CorpusReport, EngineReport } from './reportTypes';

export type { CorpusReport, EngineReport };

export const RESULTS_FILE = path.join('bench', 'results', 'latest.json');

const COLUMNS = [
  'build ms',
  'warm ms',
  'RSS MB',
  'heap MB',
  'phr p50',
  'phr p95',
  'phr R@1',
  'phr R@5',
  'kw p50',
  'kw p95',
  'kw R@1',
  'kw R@5',
];
const NAME_WIDTH = 14;
const COLUMN_WIDTH = 9;

export function formatCorpusReport(report: CorpusReport): string {
  const lines: string[] = [];
  const several = report.queries.filter((q) => q.answers > 1).length;
  const count = (kind: QueryKind) => report.queries.filter((q) => q.kind === kind).length;
  lines.push(`== ${report.name}: ${report.label}`);
  lines.push(
    `   ${report.documents ?? '?'} documents (${report.skipped ?? '?'} files skipped), ` +
      `${report.passages ?? '?'} sentences (Precedent's passages)`,
    `   ${count('phrase')} phrase + ${count('keyword')} keyword queries, ${several} of them with more than one right answer ` +
      `(other sentences hold the same words); other engines: ${report.peerScope}`,
  );
  lines.push('', 'engine'.padEnd(NAME_WIDTH) + COLUMNS.map((c) => c.padStart(COLUMN_WIDTH)).join(''));
  for (const engine of report.engines) lines.push(engineRow(engine));
  const precedent = report.engines[0];
  if (precedent.savedMs !== null)
    lines.push(`Precedent's cache was written ${Math.round(precedent.savedMs)} ms after the cold build began.`);
  if (precedent.warmMemory) {
    lines.push(
      `Precedent's memory is after the cold build; after the warm load: RSS ${mb(precedent.warmMemory.rssMb)} MB, ` +
        `heap ${mb(heapMb(precedent.warmMemory))} MB; ` +
        (precedent.fromSnapshot
          ? 'warm load from snapshot: true.'
          : `no snapshot: the second load rebuilt, in ${Math.round(precedent.warmMs ?? 0)} ms.`),
    );
  }
  lines.push('Each engine in a process of its own; memory after building, once garbage is collected; heap = V8 heap used + typed arrays.');
  lines.push('', ...ratioLines(report), '', ...targetLines(report), '');
  if (report.archive) lines.push(...archiveLines(report), '');
  if (report.editor) lines.push(formatEditorFigures(report.editor), '');
  return lines.join('\n');
}

/** Issue 16's rows that the engine table leaves out. */
function archiveLines(report: CorpusReport): string[] {
  const a = report.archive;
  if (!a) return [];
  const seconds = (ms: number | null) => (ms === null ? 'not measured' : `${(ms / 1000).toFixed(2)} s`);
  const megabytes = (value: number | null) => (value === null ? 'not measured' : `${mb(value)} MB`);
  const update = a.update
    ? `${seconds(a.update.ms)} (the corpus loaded again as changed, ${a.update.ingested} files read; the change found: ${a.update.found})`
    : 'not measured (only on a corpus the benchmark generated)';
  return [
    'Archive figures (Precedent):',
    `  cold index peak RSS ${megabytes(a.coldPeakRssMb)}; cache on disk ${megabytes(a.cacheMb)}`,
    `  warm open peak RSS ${megabytes(a.warmPeakRssMb)}; RSS once queried and checked ${megabytes(a.inUseRssMb)}`,
    `  first check of a 2,000-word draft after opening ${seconds(a.firstCheckMs)}`,
    `  precedent search, one CLI call ${seconds(a.cliSearchMs)}`,
    `  one corpus file changed, searchable again: ${update}`,
    ...a.notes.map((note) => `  ${note}`),
  ];
}

function engineRow(engine: EngineReport): string {
  const name = engine.engine.padEnd(NAME_WIDTH);
  if (engine.error && engine.buildMs === null) return `${name}failed: ${engine.error}`;
  const summary = (s: Summary | null) =>
    s ? [latency(s.p50), latency(s.p95), s.recallAt1.toFixed(3), s.recallAt5.toFixed(3)] : ['-', '-', '-', '-'];
  const cells = [
    engine.buildMs === null ? '-' : String(Math.round(engine.buildMs)),
    // A second load that found no snapshot rebuilt the index: no warm figure (the note below the table says more).
    engine.warmMs === null || engine.fromSnapshot === false ? '-' : String(Math.round(engine.warmMs)),
    engine.memory ? mb(engine.memory.rssMb) : '-',
    engine.memory ? mb(heapMb(engine.memory)) : '-',
    ...summary(engine.phrase),
    ...summary(engine.keyword),
  ];
  const row = name + cells.map((c) => c.padStart(COLUMN_WIDTH)).join('');
  return engine.error ? `${row}  (${engine.error})` : row;
}

/** Precedent against plain Fuse.js, over the queries both ran. */
function ratioLines(report: CorpusReport): string[] {
  const [precedent, fuse] = [report.engines[0], report.engines.find((e) => e.engine === PEER_LABELS.fuse)];
  if (!fuse || fuse.outcomes.length === 0 || precedent.outcomes.length === 0) return ['Precedent vs plain Fuse.js: not run'];
  const shared = new Set(fuse.outcomes.map((o) => o.query));
  const lines = [`Precedent vs plain Fuse.js, over the ${shared.size} queries both ran:`];
  for (const kind of ['phrase', 'keyword'] as const) {
    const ours = summarize(precedent.outcomes, kind, shared);
    const theirs = summarize(fuse.outcomes, kind, shared);
    if (!ours || !theirs) continue;
    lines.push(
      `  ${kind.padEnd(8)} speed-up p50 ×${speedUp(theirs.p50, ours.p50)}, p95 ×${speedUp(theirs.p95, ours.p95)}; ` +
        `recall@1 ${signed(ours.recallAt1 - theirs.recallAt1)} (${ours.recallAt1.toFixed(3)} vs ${theirs.recallAt1.toFixed(3)}), ` +
        `recall@5 ${signed(ours.recallAt5 - theirs.recallAt5)} (${ours.recallAt5.toFixed(3)} vs ${theirs.recallAt5.toFixed(3)})`,
    );
  }
  return lines;
}

function targetLines(report: CorpusReport): string[] {
  const checks = checkTargets(report);
  if (typeof checks === 'string') return [`Targets: ${checks}.`];
  return [
    'Targets (Precedent):',
    ...checks.map((c) => `  ${c.what.padEnd(28)}${c.target.padEnd(12)}${(c.met ? 'met' : 'MISSED').padEnd(8)}${c.actual}`),
  ];
}

export async function writeResults(repoRoot: string, reports: CorpusReport[]): Promise<string> {
  const file = path.join(repoRoot, RESULTS_FILE);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const run = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    corpora: reports.map((report) => ({ ...report, targets: checkTargets(report) })),
  };
  await fs.writeFile(file, `${JSON.stringify(run, null, 1)}\n`);
  return file;
}

function latency(ms: number): string {
  return ms < 1 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : String(Math.round(ms));
}

/** The JS heap and typed arrays together: Precedent's index is typed arrays, which heapUsed leaves out. */
function heapMb(memory: Memory): number {
  return memory.heapUsedMb + memory.arrayBuffersMb;
}

function mb(value: number): string {
  return String(Math.round(value));
}

function speedUp(slow: number, fast: number): string {
  const ratio = slow / fast;
  return ratio < 10 ? ratio.toFixed(1) : String(Math.round(ratio));
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(3)}`;
}
