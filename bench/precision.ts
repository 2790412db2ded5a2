/**
 * `npm run precision -- [--corpus ungd|ungd-more]... [--code CODE]... [--show unjudged|false|all] [--style un] [--facts]`:
 * how often a finding is right, measured by reading. Runs `precedent check`'s code path over the UN General Debate
 * speeches in ../shared/data (each speech checked against its own corpus) and scores every finding against the
 * verdicts a reader wrote in bench/precision/checks.tsv; with --facts, draws facts from ungd-more and scores them
 * against bench/precision/facts.tsv. The criteria the verdicts follow are in bench/precision/README.md.
 * `--show` prints the sampled findings (or facts) with the words around them, to read and judge; `--style un` checks with
 * the UN style sheet chosen, as a `.precedent.json` with `"style": "un"` would.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFiles, loadRegistry } from '../src/cli/checkCommand';
import { DEFAULT_CONFIG, styleSheetNamed } from '../src/core/checks/config';
import type { StyleSheet } from '../src/core/checks/types';
import type { ResolutionRegistry } from '../src/core/citations/registry';
import { LineIndex } from '../src/core/corpus/lines';
import { readSourceText } from '../src/core/corpus/sourceText';
import type { Fact } from '../src/core/facts/factBase';
import { type CheckedFile, LocalCorpus } from '../src/core/service';
import { PrecedentWorkspace } from '../src/core/workspace';
import { isFolder, REPO_ROOT } from './corpora';
import { hashOf } from './random';

const DATA_DIR = process.env.PRECEDENT_SHARED_DATA ?? path.resolve(REPO_ROOT, '../shared/data');
const CORPORA = ['ungd', 'ungd-more'] as const;
type CorpusName = (typeof CORPORA)[number];
const VERDICT_DIR = path.join(REPO_ROOT, 'bench/precision');
const CHECK_VERDICTS = path.join(VERDICT_DIR, 'checks.tsv');
const FACT_VERDICTS = path.join(VERDICT_DIR, 'facts.tsv');
/** Every finding of a code with fewer is judged; of a larger one, this many drawn with the seed. */
const SAMPLE = 60;
const FACT_SAMPLE = 100;
const SEED = 13;
const CONTEXT_CHARS = 220;

type Show = 'unjudged' | 'false' | 'all' | null;

interface Options {
  corpora: CorpusName[];
  codes: Set<string>;
  show: Show;
  facts: boolean;
  style: StyleSheet | null;
}

interface Verdict {
  right: boolean;
  reason: string;
}

/** One finding, keyed as its verdict is: corpus-relative file, line, code and the flagged words. */
interface Scored {
  key: string;
  code: string;
  severity: string;
  context: string;
  message: string;
}

const USAGE =
  `usage: npm run precision -- [--corpus ${CORPORA.join('|')}]... [--code CODE]... [--show unjudged|false|all] ` + '[--style un] [--facts]';

function log(line: string): void {
  process.stderr.write(`[precision] ${line}\n`);
}

function parseOptions(argv: string[]): Options {
  const options: Options = { corpora: [], codes: new Set(), show: null, facts: false, style: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--corpus' && CORPORA.includes(value as CorpusName)) options.corpora.push(value as CorpusName);
    else if (flag === '--code' && value) options.codes.add(value);
    else if (flag === '--show' && (value === 'unjudged' || value === 'false' || value === 'all')) options.show = value;
    else if (flag === '--style' && styleSheetNamed(value ?? '')) options.style = styleSheetNamed(value);
    else if (flag === '--facts') {
      options.facts = true;
      continue;
    } else throw new Error(`unexpected argument ${flag}\n${USAGE}`);
    i++;
  }
  if (options.corpora.length === 0) options.corpora = options.facts ? ['ungd-more'] : [...CORPORA];
  return options;
}

/** A verdicts file: tab-separated, `#` comments; every column but the last two is the key. */
async function readVerdicts(file: string, keyColumns: number): Promise<Map<string, Verdict>> {
  const verdicts = new Map<string, Verdict>();
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  text.split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const cells = line.split('\t');
    const verdict = cells[keyColumns];
    if (cells.length !== keyColumns + 2 || (verdict !== 'true' && verdict !== 'false')) {
      throw new Error(`${file}:${i + 1}: expected ${keyColumns} key columns, "true" or "false", and a reason`);
    }
    verdicts.set(cells.slice(0, keyColumns).join('\t'), { right: verdict === 'true', reason: cells[keyColumns + 1] });
  });
  return verdicts;
}

async function loadWorkspace(corpus: CorpusName): Promise<PrecedentWorkspace> {
  const workspace = await PrecedentWorkspace.load({
    roots: [path.join(DATA_DIR, corpus)],
    cacheDir: path.join(os.tmpdir(), 'precedent-precision', corpus),
  });
  await workspace.saved.catch((error: Error) => log(`the index cache could not be written: ${error.message}`));
  return workspace;
}

/** The words around [start, end), the flagged ones in ⟦ ⟧, on one line. */
function around(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - CONTEXT_CHARS), start);
  const after = text.slice(end, end + CONTEXT_CHARS);
  return `${before}⟦${text.slice(start, end)}⟧${after}`.replace(/\s+/g, ' ');
}

async function findingsOf(corpus: CorpusName, codes: Set<string>, style: StyleSheet | null): Promise<Scored[]> {
  const dir = path.join(DATA_DIR, corpus);
  const workspace = await loadWorkspace(corpus);
  const registry = await loadRegistry(undefined, log);
  const files = workspace.documents.map((d) => d.file).sort();
  log(`checking ${files.length} speeches of ${corpus} against their corpus`);
  // The data folder has no .precedent.json: each speech gets the default settings, as `precedent check` gives it, or
  // those with the style sheet chosen.
  const corpusQueries = new LocalCorpus(workspace);
  const { checked } = style
    ? { checked: await withStyle(corpusQueries, files, registry, style) }
    : await checkFiles(corpusQueries, files, registry, log, dir);
  const scored: Scored[] = [];
  for (const { file, text, findings } of checked) {
    const lines = new LineIndex(text);
    for (const finding of findings) {
      if (codes.size > 0 && !codes.has(finding.code)) continue;
      const flagged = text.slice(finding.start, finding.end).replace(/\s+/g, ' ');
      const line = lines.position(finding.start).line + 1;
      scored.push({
        key: [`${corpus}/${path.relative(dir, file)}`, line, finding.code, flagged].join('\t'),
        code: finding.code,
        severity: finding.severity,
        context: around(text, finding.start, finding.end),
        message: finding.message,
      });
    }
  }
  return scored;
}

async function withStyle(corpus: LocalCorpus, files: string[], registry: ResolutionRegistry, style: StyleSheet): Promise<CheckedFile[]> {
  const config = { ...DEFAULT_CONFIG, style };
  const checked: CheckedFile[] = [];
  for (const file of files) {
    const text = await readSourceText(file);
    checked.push({ file, text, findings: await corpus.check(text, file, { registry, config }) });
  }
  return checked;
}

/** The ones to judge: all when there are few, else a fixed-seed draw that keeps its members when others come or go. */
function sample<T extends { key: string }>(items: T[], size: number): T[] {
  if (items.length <= size) return items;
  return [...items].sort((a, b) => hashOf(`${SEED}\t${a.key}`) - hashOf(`${SEED}\t${b.key}`) || a.key.localeCompare(b.key)).slice(0, size);
}

interface Row {
  label: string;
  severity: string;
  found: number;
  sampled: number;
  right: number;
  wrong: number;
}

function formatTable(rows: Row[]): string {
  const header = ['code', 'severity', 'findings', 'sampled', 'judged', 'true', 'false', 'not judged', 'precision'];
  const cells = rows.map((r) => {
    const judged = r.right + r.wrong;
    return [
      r.label,
      r.severity,
      String(r.found),
      String(r.sampled),
      String(judged),
      String(r.right),
      String(r.wrong),
      String(r.sampled - judged),
      judged ? `${((100 * r.right) / judged).toFixed(1)} %` : '—',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), ...cells.map(line)].join('\n');
}

function total(label: string, rows: Row[]): Row {
  const sum = (pick: (r: Row) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return {
    label,
    severity: '',
    found: sum((r) => r.found),
    sampled: sum((r) => r.sampled),
    right: sum((r) => r.right),
    wrong: sum((r) => r.wrong),
  };
}

function showItem(item: { key: string; context: string; message?: string }, verdict: Verdict | undefined): string {
  const judged = verdict ? `${verdict.right ? 'TRUE ' : 'FALSE'} ${verdict.reason}` : 'NOT JUDGED';
  return `${item.key}\n  ${judged}${item.message ? `\n  says: ${item.message}` : ''}\n  ${item.context}\n`;
}

function wanted(show: Show, verdict: Verdict | undefined): boolean {
  return show === 'all' || (show === 'unjudged' && !verdict) || (show === 'false' && verdict?.right === false);
}

async function scoreChecks(options: Options): Promise<void> {
  const verdicts = await readVerdicts(CHECK_VERDICTS, 4);
  const scored = (await Promise.all(options.corpora.map((c) => findingsOf(c, options.codes, options.style)))).flat();
  const byCode = new Map<string, Scored[]>();
  for (const item of scored) byCode.set(item.code, [...(byCode.get(item.code) ?? []), item]);
  const rows: Row[] = [];
  for (const [code, items] of [...byCode.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const drawn = sample(items, SAMPLE);
    const judged = drawn.map((item) => verdicts.get(item.key));
    rows.push({
      label: code,
      severity: [...new Set(items.map((i) => i.severity))].join('/'),
      found: items.length,
      sampled: drawn.length,
      right: judged.filter((v) => v?.right).length,
      wrong: judged.filter((v) => v && !v.right).length,
    });
    if (options.show) drawn.forEach((item, i) => wanted(options.show, judged[i]) && process.stdout.write(showItem(item, judged[i])));
  }
  const atWarning = rows.filter((r) => r.severity.split('/').some((s) => s === 'warning' || s === 'error'));
  process.stdout.write(
    `\nFindings on ${options.corpora.join(' + ')}, judged by reading (${path.relative(REPO_ROOT, CHECK_VERDICTS)}):\n\n`,
  );
  process.stdout.write(`${formatTable([...rows, total('all codes', rows), total('warning level', atWarning)])}\n`);
}

/** A fact keyed by where it stands and what was read: file, line, actor, relation, subject, figures, time. */
function factKey(fact: Fact, corpus: CorpusName): string {
  const figures = fact.quantities.map((q) => `${q.value} ${q.unit}${q.noun ? ` ${q.noun}` : ''}`).join('; ');
  return [
    `${corpus}/${path.relative(path.join(DATA_DIR, corpus), fact.file)}`,
    fact.range.startLine + 1,
    fact.actor.key,
    fact.relation,
    fact.subject.key,
    figures || '-',
    fact.time ?? '-',
  ].join('\t');
}

async function scoreFacts(options: Options): Promise<void> {
  const verdicts = await readVerdicts(FACT_VERDICTS, 7);
  let found = 0;
  const items: Array<{ key: string; context: string }> = [];
  for (const corpus of options.corpora) {
    const { facts } = await loadWorkspace(corpus);
    found += facts.facts.length;
    for (const fact of facts.facts) {
      items.push({ key: factKey(fact, corpus), context: `[${fact.object}] ${fact.text.replace(/\s+/g, ' ')}` });
    }
  }
  const drawn = sample(items, FACT_SAMPLE);
  const judged = drawn.map((item) => verdicts.get(item.key));
  if (options.show) drawn.forEach((item, i) => wanted(options.show, judged[i]) && process.stdout.write(showItem(item, judged[i])));
  const row: Row = {
    label: 'facts',
    severity: '',
    found,
    sampled: drawn.length,
    right: judged.filter((v) => v?.right).length,
    wrong: judged.filter((v) => v && !v.right).length,
  };
  process.stdout.write(
    `\nFacts read from ${options.corpora.join(' + ')}, judged by reading (${path.relative(REPO_ROOT, FACT_VERDICTS)}):\n\n`,
  );
  process.stdout.write(`${formatTable([row])}\n`);
}

async function main(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  const missing = [];
  for (const corpus of options.corpora) if (!(await isFolder(path.join(DATA_DIR, corpus)))) missing.push(corpus);
  if (missing.length > 0) {
    log(`${missing.join(' and ')} not found in ${DATA_DIR} (set PRECEDENT_SHARED_DATA to point at it): nothing to measure`);
    return;
  }
  await (options.facts ? scoreFacts(options) : scoreChecks(options));
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});
