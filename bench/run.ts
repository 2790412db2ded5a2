/**
 * `npm run bench [-- --only bundled|ungd|ungd-all|x8|x10|x100|postgres ... --skip-peers --budget-minutes N]`: Precedent
 * against plain Fuse.js, MiniSearch and uFuzzy on the bundled corpus, the UN General Debate sample, ×10 and ×100
 * copies of it, and the archive pair (the sample with the further speeches, and ×8 of that). The run stops what is
 * left once its time budget (45 minutes unless told) is spent. Tables go to stdout, progress to stderr, the figures
 * to bench/results/latest.json.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';
import {
  ARCHIVE_CORPORA,
  type Corpus,
  CORPUS_NAMES,
  type CorpusName,
  isFolder,
  prepareCorpus,
  REPO_ROOT,
  ungdDir,
  ungdMoreDir,
} from './corpora';
import { type QueryOutcome, summarize } from './measure';
import { PEER_LABELS, PEER_NAMES } from './peers';
import { generateQueries } from './queries';
import { type CorpusReport, type EngineReport, formatCorpusReport, RESULTS_FILE, writeResults } from './report';
import { readSentences } from './sentences';
import { privateCopyOfScript, type QueryJob, runInWorker, WORKER_FLAG } from './tasks';
import { runWorker } from './worker';
import { formatArchiveFigures, measureArchives } from './archives';
import { ARCHIVE_PASSAGES, measureEditor } from './editor';
import { benchPostgres } from './postgres';
import type { ArchiveFigures } from './reportTypes';

class UsageError extends Error {}

interface Options {
  only: Set<CorpusName>;
  skipPeers: boolean;
  /** The PostgreSQL section: with --only postgres, it alone runs. */
  postgres: boolean;
  budgetMinutes: number;
}

const DEFAULT_BUDGET_MINUTES = 45;
/** A CLI call is timed this many times, the median kept. */
const CLI_RUNS = 3;
const CLI_QUERY = 'strengthen the role of the General Assembly';

/** The editor's figures are measured on the 299 speeches and ×10 (at ×100 the drafts would wait minutes). */
const EDITOR_MAX_SCALE = 10;

/**
 * Plain Fuse.js takes ~0.1 ms a sentence a query (~25 s at ×10), so above the sample's size the other engines run
 * this many queries of each kind, and on an archive-sized corpus none.
 */
const PEER_QUERIES_WHEN_LARGE = 10;
const PEER_ALL_QUERIES_MAX_PASSAGES = 50_000;

const USAGE = `usage: npm run bench -- [--only ${CORPUS_NAMES.join('|')}|postgres]... [--skip-peers] [--budget-minutes N]`;

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

function parseOptions(argv: string[]): Options {
  const only = new Set<CorpusName>();
  let skipPeers = false;
  let postgres = false;
  let budgetMinutes = DEFAULT_BUDGET_MINUTES;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--skip-peers') skipPeers = true;
    else if (argv[i] === '--budget-minutes' && Number(argv[i + 1]) > 0) budgetMinutes = Number(argv[++i]);
    else if (argv[i] === '--only' && argv[i + 1] === 'postgres') postgres = Boolean(++i);
    else if (argv[i] === '--only' && CORPUS_NAMES.includes(argv[i + 1] as CorpusName)) only.add(argv[++i] as CorpusName);
    else throw new UsageError(`unexpected argument ${argv[i]}${argv[i] === '--only' ? ` ${argv[i + 1] ?? ''}` : ''}\n${USAGE}`);
  }
  const all = only.size === 0 && !postgres;
  return { only: all ? new Set(CORPUS_NAMES) : only, skipPeers, postgres: all || postgres, budgetMinutes };
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === WORKER_FLAG) return runWorker(argv[1], argv[2]);
  const options = parseOptions(argv);
  if (!global.gc) log('global.gc is not exposed (run node with --expose-gc): memory figures will include garbage');
  const ungdPresent = await isFolder(ungdDir());
  if (!ungdPresent) {
    log(
      `UN General Debate sample not found at ${ungdDir()} (set PRECEDENT_BENCH_UNGD to point at it): ` +
        'running the bundled corpus, with ×10 and ×100 made from it',
    );
  }
  const morePresent = ungdPresent && (await isFolder(ungdMoreDir()));
  if (ungdPresent && !morePresent) log(`further speeches not found at ${ungdMoreDir()} (PRECEDENT_BENCH_UNGD_MORE): no ungd-all, no x8`);
  const present = (name: CorpusName) => (name !== 'ungd' || ungdPresent) && (!ARCHIVE_CORPORA.includes(name) || morePresent);
  const names = CORPUS_NAMES.filter((name) => options.only.has(name) && present(name));
  const deadline = performance.now() + options.budgetMinutes * 60_000;
  const workRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'precedent-bench-run-'));
  const reports: CorpusReport[] = [];
  try {
    const script = await privateCopyOfScript(workRoot);
    const cli = path.join(workRoot, 'cli.js');
    await fs.copyFile(path.join(REPO_ROOT, 'dist', 'cli.js'), cli);
    for (const name of names) {
      if (performance.now() >= deadline) {
        log(`[${name}] not run: the time budget of ${options.budgetMinutes} minutes was spent`);
        continue;
      }
      const corpus = await prepareCorpus(name, ungdPresent, log);
      const run = { skipPeers: options.skipPeers, dir: path.join(workRoot, name), script, cli, deadline };
      const report = await benchCorpus(corpus, run);
      reports.push(report);
      process.stdout.write(`${formatCorpusReport(report)}\n`);
      // Written after every corpus, so a long run that stops part-way keeps what it measured.
      await writeResults(REPO_ROOT, reports);
    }
    if (names.length > 0) {
      log('Word and PDF extraction');
      process.stdout.write(`${formatArchiveFigures(await measureArchives())}\n`);
    }
    if (options.postgres) await benchPostgres(ungdPresent, log, (text) => process.stdout.write(`${text}\n`));
  } finally {
    await fs.rm(workRoot, { recursive: true, force: true });
  }
  log(`figures written to ${RESULTS_FILE}`);
}

interface CorpusRun {
  skipPeers: boolean;
  /** Work folder for this corpus: cache, sentences, task files. */
  dir: string;
  /** What the workers run. */
  script: string;
  /** The CLI, copied as the script is. */
  cli: string;
  /** When the run's time budget is spent (performance.now()). */
  deadline: number;
}

/** Precedent cold and warm, then the other engines, each in its own process; the work folder is removed after. */
async function benchCorpus(corpus: Corpus, run: CorpusRun): Promise<CorpusReport> {
  await fs.mkdir(run.dir, { recursive: true });
  try {
    return await measureCorpus(corpus, run);
  } finally {
    await fs.rm(run.dir, { recursive: true, force: true });
  }
}

async function measureCorpus(corpus: Corpus, { skipPeers, dir, script, cli, deadline }: CorpusRun): Promise<CorpusReport> {
  const label = corpus.name;
  const cacheDir = path.join(dir, 'cache');
  const sentencesDir = path.join(dir, 'sentences');
  const report: CorpusReport = {
    name: corpus.name,
    label: corpus.label,
    basis: corpus.basis,
    scale: corpus.scale,
    documents: null,
    passages: null,
    skipped: null,
    queries: [],
    peerScope: 'not run',
    engines: [],
    editor: null,
    archive: null,
  };
  const archive: ArchiveFigures = {
    coldPeakRssMb: null,
    cacheMb: null,
    warmPeakRssMb: null,
    inUseRssMb: null,
    firstCheckMs: null,
    cliSearchMs: null,
    update: null,
    notes: [],
  };
  report.archive = archive;

  const cold = await runInWorker(
    { kind: 'precedent-cold', label, corpusDir: corpus.dir, cacheDir, sentencesDir },
    path.join(dir, 'cold.json'),
    script,
    deadline,
  );
  if (!cold.ok) {
    report.engines.push(engineReport('Precedent', { error: `cold build: ${cold.error}` }));
    return report;
  }
  const { buildMs, savedMs, saveError, memory } = cold.result;
  ({ documents: report.documents, passages: report.passages, skipped: report.skipped } = cold.result);
  archive.coldPeakRssMb = cold.result.peakRssMb;
  archive.cacheMb = (await folderBytes(cacheDir)) / 2 ** 20;

  log(`[${label}] generating queries`);
  const jobs = await queryJobs(sentencesDir);
  report.queries = jobs.map(({ query }) => ({ kind: query.kind, text: query.text, source: query.source, answers: query.answers.length }));

  const warm = await runInWorker(
    { kind: 'precedent-warm', label, corpusDir: corpus.dir, cacheDir, jobs },
    path.join(dir, 'warm.json'),
    script,
    deadline,
  );
  if (warm.ok) {
    archive.warmPeakRssMb = warm.result.peakRssMb;
    archive.inUseRssMb = warm.result.usedMemory.rssMb;
    archive.firstCheckMs = warm.result.firstCheckMs;
  }
  archive.cliSearchMs = await timeCliSearch(cli, corpus.dir, cacheDir, label);
  if (corpus.generated) {
    const update = await runInWorker(
      { kind: 'precedent-update', label, corpusDir: corpus.dir, cacheDir },
      path.join(dir, 'update.json'),
      script,
      deadline,
    );
    if (update.ok) archive.update = { ms: update.result.ms, found: update.result.found, ingested: update.result.ingested };
    else archive.notes.push(`update: ${update.error}`);
  }
  const errors = [saveError && `cache not written: ${saveError}`, !warm.ok && `warm load and queries: ${warm.error}`];
  report.engines.push(
    engineReport('Precedent', {
      buildMs,
      savedMs: saveError ? null : savedMs,
      memory,
      error: errors.filter(Boolean).join('; ') || null,
      ...(warm.ok && {
        warmMs: warm.result.loadMs,
        warmMemory: warm.result.memory,
        fromSnapshot: warm.result.fromSnapshot,
        ...withSummaries(warm.result.outcomes),
      }),
    }),
  );
  // The cache can be large at ×100; the sentences stay for the other engines.
  await fs.rm(cacheDir, { recursive: true, force: true });

  if (corpus.scale <= EDITOR_MAX_SCALE && corpus.basis === 'ungd' && performance.now() < deadline) {
    log(`[${label}] editor: stalls while indexing, checks, completions`);
    report.editor = await measureEditor(corpus.dir, path.join(dir, 'editor-cache'), report.passages ?? 0);
  }

  const peerJobs = peerQueries(corpus, report.passages ?? 0, jobs, skipPeers);
  report.peerScope = peerJobs.scope;
  for (const peer of peerJobs.jobs.length > 0 ? PEER_NAMES : []) {
    const result = await runInWorker(
      { kind: 'peer', label, peer, sentencesDir, jobs: peerJobs.jobs },
      path.join(dir, `${peer}.json`),
      script,
      deadline,
    );
    report.engines.push(
      result.ok
        ? engineReport(PEER_LABELS[peer], {
            buildMs: result.result.buildMs,
            memory: result.result.memory,
            ...withSummaries(result.result.outcomes),
          })
        : engineReport(PEER_LABELS[peer], { error: result.error }),
    );
  }
  return report;
}

/** The corpus's queries, their right answers named both by sentence id and by Precedent's file and passage. */
async function queryJobs(sentencesDir: string): Promise<QueryJob[]> {
  const table = await readSentences(sentencesDir);
  return generateQueries(table).map((query, index) => ({
    index,
    query,
    answerPassages: query.answers.map((id) => ({ file: table.files[table.fileOf[id]], passage: table.passageOf[id] })),
  }));
}

function peerQueries(corpus: Corpus, passages: number, jobs: QueryJob[], skipPeers: boolean): { jobs: QueryJob[]; scope: string } {
  if (skipPeers) return { jobs: [], scope: 'skipped (--skip-peers)' };
  if (corpus.scale >= 100 || passages > ARCHIVE_PASSAGES) return { jobs: [], scope: `not run at ${passages} passages` };
  if (passages <= PEER_ALL_QUERIES_MAX_PASSAGES) return { jobs, scope: 'all queries' };
  const firstOfKind = (kind: string) => jobs.filter((job) => job.query.kind === kind).slice(0, PEER_QUERIES_WHEN_LARGE);
  return {
    jobs: [...firstOfKind('phrase'), ...firstOfKind('keyword')],
    scope: `the first ${PEER_QUERIES_WHEN_LARGE} queries of each kind (Precedent's figures above are over all)`,
  };
}

/** Bytes of the files below `dir`. */
async function folderBytes(dir: string): Promise<number> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const sizes = await Promise.all(
    entries.filter((e) => e.isFile()).map((e) => fs.stat(path.join(e.parentPath, e.name)).then((stat) => stat.size)),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** `precedent search` as a script calls it, on the warm cache: wall clock of the whole process, median of a few. */
async function timeCliSearch(cli: string, corpusDir: string, cacheDir: string, label: string): Promise<number | null> {
  const times: number[] = [];
  for (let run = 0; run < CLI_RUNS; run++) {
    const started = performance.now();
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [cli, 'search', '--corpus', corpusDir, '--cache-dir', cacheDir, '--json', CLI_QUERY], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (code !== 0) {
      log(`[${label}] precedent search exited with ${code}`);
      return null;
    }
    times.push(performance.now() - started);
  }
  const ms = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  log(`[${label}] precedent search, one CLI call: ${Math.round(ms)} ms`);
  return ms;
}

function engineReport(engine: string, figures: Partial<EngineReport>): EngineReport {
  return {
    engine,
    error: null,
    buildMs: null,
    savedMs: null,
    warmMs: null,
    fromSnapshot: null,
    memory: null,
    warmMemory: null,
    phrase: null,
    keyword: null,
    outcomes: [],
    ...figures,
  };
}

function withSummaries(outcomes: QueryOutcome[]): Pick<EngineReport, 'outcomes' | 'phrase' | 'keyword'> {
  return { outcomes, phrase: summarize(outcomes, 'phrase'), keyword: summarize(outcomes, 'keyword') };
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const text = error instanceof UsageError ? error.message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`bench: ${text}\n`);
  process.exitCode = 1;
});
