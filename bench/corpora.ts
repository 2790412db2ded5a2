/** The corpora the benchmark runs on: the bundled one, the UN General Debate sample, and ×10 and ×100 of it. */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { varyStatement } from './vary';

export type CorpusName = 'bundled' | 'ungd' | 'x10' | 'x100';
export const CORPUS_NAMES: readonly CorpusName[] = ['bundled', 'ungd', 'x10', 'x100'];

export interface Corpus {
  name: CorpusName;
  /** What it is, for the report. */
  label: string;
  dir: string;
  /** The real corpus it is, or is made from. */
  basis: 'bundled' | 'ungd';
  /** 1 for a real corpus, 10 or 100 for one made of copies. */
  scale: number;
}

/** Bump when `varyStatement` or the layout changes: generated corpora are then made again. */
const GENERATOR_VERSION = 2;
const STAMP_FILE = '.bench-corpus.json';

export const REPO_ROOT = path.resolve(__dirname, '..');
const BUNDLED_DIR = path.join(REPO_ROOT, 'corpus');

export function ungdDir(): string {
  return process.env.PRECEDENT_BENCH_UNGD ?? path.resolve(REPO_ROOT, '../shared/data/ungd');
}

export async function isFolder(dir: string): Promise<boolean> {
  return fs.stat(dir).then(
    (stat) => stat.isDirectory(),
    () => false,
  );
}

/** The corpus by name, generating copies when needed; ×10 and ×100 are made from the bundled corpus without ungd. */
export async function prepareCorpus(name: CorpusName, ungdPresent: boolean, log: (line: string) => void): Promise<Corpus> {
  if (name === 'bundled') return { name, label: 'bundled corpus', dir: BUNDLED_DIR, basis: 'bundled', scale: 1 };
  if (name === 'ungd') return { name, label: `UN General Debate sample (${ungdDir()})`, dir: ungdDir(), basis: 'ungd', scale: 1 };
  const scale = name === 'x10' ? 10 : 100;
  const source = ungdPresent ? ungdDir() : BUNDLED_DIR;
  const sourceLabel = ungdPresent ? 'UN General Debate sample' : 'bundled corpus (ungd absent)';
  const dir = path.join(os.tmpdir(), 'precedent-bench', `${ungdPresent ? 'ungd' : 'bundled'}-x${scale}`);
  await ensureCopies(source, dir, scale, log);
  return { name, label: `${sourceLabel} ×${scale}, varied copies (${dir})`, dir, basis: ungdPresent ? 'ungd' : 'bundled', scale };
}

/** Writes `copies` varied copies of every statement below `source` into `dir`, unless an identical run already did. */
async function ensureCopies(source: string, dir: string, copies: number, log: (line: string) => void): Promise<void> {
  const files = await statementFiles(source);
  const stamp = JSON.stringify({ version: GENERATOR_VERSION, source, copies, files: files.length });
  const existing = await fs.readFile(path.join(dir, STAMP_FILE), 'utf8').catch(() => null);
  if (existing === stamp) return;
  log(`generating ${copies} copies of ${files.length} files into ${dir}`);
  const partial = `${dir}.partial-${process.pid}`;
  await fs.rm(partial, { recursive: true, force: true });
  for (let copy = 0; copy < copies; copy++) {
    const copyDir = path.join(partial, `copy-${String(copy).padStart(2, '0')}`);
    for (const relative of files) {
      const original = path.join(source, relative);
      const target = path.join(copyDir, relative);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Copy 0 is the original, so the corpus holds the real statements as well as their variants.
      if (copy === 0) await fs.copyFile(original, target);
      else await fs.writeFile(target, varyStatement(await fs.readFile(original, 'utf8'), relative, copy));
    }
  }
  await fs.writeFile(path.join(partial, STAMP_FILE), stamp);
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rename(partial, dir);
}

/** Paths of the statement files below `root`, relative to it, in a stable order. */
async function statementFiles(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(txt|md|markdown)$/i.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}
