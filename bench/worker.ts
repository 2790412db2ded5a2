/** The side of a worker process: build or load one engine, measure it, run the queries, write the result. */
import { promises as fs } from 'fs';
import { PrecedentWorkspace } from '../src/core/workspace';
import type { SearchMatch, SourceRange } from '../src/core/types';
import { firstRightRank, measureMemory, RESULT_LIMIT, runQueries, timed } from './measure';
import { buildPeer, PEER_LABELS } from './peers';
import { readSentences, writeSentences } from './sentences';
import type { ColdResult, PeerResult, QueryJob, UpdateResult, WarmResult, WorkerTask } from './tasks';
import { DEFAULT_CONFIG } from '../src/core/checks/config';
import { ResolutionRegistry } from '../src/core/citations/registry';
import { LocalCorpus } from '../src/core/service';
import { DRAFT_WORDS, draftParagraphs, draftSources, makeDraft } from './drafts';
import { seededRandom } from './random';

const FIRST_CHECK_SEED = 16;
/** Words no statement uses, so the search finds the changed file's passage or nothing. */
const CHANGED_PARAGRAPH = 'The delegation of Quillmarsh pledged to the Zorvath basin compact a sum of 4,321 pennants.';
const CHANGED_QUERY = 'Quillmarsh pledged to the Zorvath basin compact';

/** Writes the result, or the error that stopped the task, to `resultFile`. */
export async function runWorker(taskFile: string, resultFile: string): Promise<void> {
  const task = JSON.parse(await fs.readFile(taskFile, 'utf8')) as WorkerTask;
  try {
    const result =
      task.kind === 'precedent-cold'
        ? await coldBuild(task)
        : task.kind === 'precedent-warm'
          ? await warmRun(task)
          : task.kind === 'precedent-update'
            ? await updateRun(task)
            : await peerRun(task);
    await fs.writeFile(resultFile, JSON.stringify({ ok: true, result }));
  } catch (error) {
    await fs.writeFile(resultFile, JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) }));
    throw error;
  }
}

function logger(label: string): (line: string) => void {
  return (line) => process.stderr.write(`[${label}] ${line}\n`);
}

/**
 * Precedent with an empty cache: reads and ingests every file and builds the index (the build time); the cache is
 * written behind it, and waited for before memory is measured and the warm load follows.
 */
async function coldBuild(task: Extract<WorkerTask, { kind: 'precedent-cold' }>): Promise<ColdResult> {
  const log = logger(task.label);
  log('Precedent: cold build');
  const started = performance.now();
  const workspace = await PrecedentWorkspace.load({ roots: [task.corpusDir], cacheDir: task.cacheDir });
  const buildMs = performance.now() - started;
  const saveError = await workspace.saved.then(
    () => null,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  const savedMs = performance.now() - started;
  // Before the benchmark's own reading (the sentences its queries are drawn from) adds to it.
  const peakRssMbBuilding = peakRssMb();
  const memory = measureMemory();
  const { documents, passages, skipped } = workspace.report;
  const cache = saveError ? `not written: ${saveError}` : `written at ${Math.round(savedMs)} ms`;
  log(`Precedent: ${documents} documents, ${passages} passages in ${Math.round(buildMs)} ms; cache ${cache}`);
  await writeSentences(task.sentencesDir, workspace.documents);
  return { buildMs, savedMs, saveError, memory, peakRssMb: peakRssMbBuilding, documents, passages, skipped: skipped.length };
}

/** Precedent as the editor opens an unchanged corpus: from the cache, then the queries. */
async function warmRun(task: Extract<WorkerTask, { kind: 'precedent-warm' }>): Promise<WarmResult> {
  const log = logger(task.label);
  const { value: workspace, ms } = await timed(() => PrecedentWorkspace.load({ roots: [task.corpusDir], cacheDir: task.cacheDir }));
  // Without a snapshot (the cold build could not write it) this load rebuilt and writes the cache again: let that
  // end before memory and queries are measured. Its failure was reported by the cold build.
  await workspace.saved.catch(() => undefined);
  const memory = measureMemory();
  log(`Precedent: warm load in ${Math.round(ms)} ms (from snapshot: ${workspace.report.fromSnapshot}); ${task.jobs.length} queries`);
  const documents = new Map(workspace.documents.map((document) => [document.file, document]));
  // An answer's range is read only for a result from its file, whose document the search has just read: reading
  // every answer's document first would fill the memory measured below with the benchmark's own reading.
  const isAnswer = (m: SearchMatch, { file, passage }: { file: string; passage: number }) =>
    file === m.file && sameRange(documents.get(file)!.passages[passage].range, m.range);
  const outcomes = runQueries(
    task.jobs,
    (text) => workspace.search(text, { limit: RESULT_LIMIT }),
    (matches: SearchMatch[], job: QueryJob) => firstRightRank(matches, (m) => job.answerPassages.some((answer) => isAnswer(m, answer))),
    (line) => log(`Precedent: ${line}`),
  );
  const firstCheckMs = await timeFirstCheck(workspace);
  log(`Precedent: first check of a ${DRAFT_WORDS}-word draft after opening in ${Math.round(firstCheckMs)} ms`);
  const usedMemory = measureMemory();
  return { loadMs: ms, memory, fromSnapshot: workspace.report.fromSnapshot, outcomes, firstCheckMs, usedMemory, peakRssMb: peakRssMb() };
}

/** The first check of a draft on a corpus just opened, through the seam the editor asks by. */
async function timeFirstCheck(workspace: PrecedentWorkspace): Promise<number> {
  const { draft } = makeDraft(draftParagraphs(draftSources(workspace.documents)), seededRandom(FIRST_CHECK_SEED));
  const { ms } = await timed(() =>
    new LocalCorpus(workspace).check(draft, '/drafts/first-check.md', { registry: new ResolutionRegistry(), config: DEFAULT_CONFIG }),
  );
  return ms;
}

/**
 * One corpus file changed while the corpus is open: a paragraph with words found nowhere else is added to it, and
 * the time runs until a search finds it. The file is put back as it was, its modification time too.
 */
async function updateRun(task: Extract<WorkerTask, { kind: 'precedent-update' }>): Promise<UpdateResult> {
  const log = logger(task.label);
  const open = await PrecedentWorkspace.load({ roots: [task.corpusDir], cacheDir: task.cacheDir });
  const file = open.documents[0].file;
  const original = await fs.readFile(file);
  const { atime, mtime } = await fs.stat(file);
  try {
    await fs.appendFile(file, `\n\n${CHANGED_PARAGRAPH}\n`);
    const { value, ms } = await timed(async () => {
      const workspace = await PrecedentWorkspace.load({ roots: [task.corpusDir], cacheDir: task.cacheDir });
      return { workspace, matches: workspace.search(CHANGED_QUERY, { limit: 1 }) };
    });
    const found = value.matches[0]?.file === file;
    const { ingested, fromSnapshot } = value.workspace.report;
    log(`Precedent: one file changed, searchable again in ${Math.round(ms)} ms (found: ${found}, ${ingested} files read)`);
    await value.workspace.saved.catch(() => undefined);
    return { ms, found, ingested, fromSnapshot };
  } finally {
    await fs.writeFile(file, original);
    await fs.utimes(file, atime, mtime);
  }
}

/** Peak resident set of this process so far, in MB (maxRSS is in kilobytes). */
function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

async function peerRun(task: Extract<WorkerTask, { kind: 'peer' }>): Promise<PeerResult> {
  const name = PEER_LABELS[task.peer];
  const log = logger(task.label);
  const { texts } = await readSentences(task.sentencesDir);
  const { value: engine, ms } = await timed(() => buildPeer(task.peer, texts));
  const memory = measureMemory();
  log(`${name}: built in ${Math.round(ms)} ms; ${task.jobs.length} queries`);
  const outcomes = runQueries(
    task.jobs,
    (text) => engine.search(text),
    (ids: number[], job: QueryJob) => firstRightRank(ids, (id) => job.query.answers.includes(id)),
    (line) => log(`${name}: ${line}`),
  );
  return { buildMs: ms, memory, outcomes };
}

function sameRange(a: SourceRange, b: SourceRange): boolean {
  return a.startLine === b.startLine && a.startColumn === b.startColumn && a.endLine === b.endLine && a.endColumn === b.endColumn;
}
