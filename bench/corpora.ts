/**
 * The corpora the benchmark runs on: the bundled one, the UN General Debate sample, ×10 and ×100 of it, and the
 * archive-sized pair: the sample with the 1,304 further speeches (1,603 real speeches) and ×8 of that (≈ 1.16 M
 * passages, a ministry's archive).
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { varyStatement } from './vary';

export type CorpusName = 'bundled' | 'ungd' | 'ungd-all' | 'x8' | 'x10' | 'x100';
export const CORPUS_NAMES: readonly CorpusName[] = ['bundled', 'ungd', 'ungd-all', 'x8', 'x10', 'x100'];
/** The corpora made from the sample and the further speeches together. */
export const ARCHIVE_CORPORA: readonly CorpusName[] = ['ungd-all', 'x8'];

export interface Corpus {
  name: CorpusName;
  /** What it is, for the report. */
  label: string;
  dir: string;
  /** The real corpus it is, or is made from. */
  basis: 'bundled' | 'ungd';
  /** 1 for a real corpus, 8, 10 or 100 for one made of copies. */
  scale: number;
  /** A copy the benchmark made: it may change a file of it (to time an update) and put it back. */
  generated: boolean;
}

/** Bump when `varyStatement` or the layout changes: generated corpora are then made again. */
const GENERATOR_VERSION = 2;
const STAMP_FILE = '.bench-corpus.json';

export const REPO_ROOT = path.resolve(__dirname, '..');
const BUNDLED_DIR = path.join(REPO_ROOT, 'corpus');

export function ungdDir(): string {
  return process.env.PRECEDENT_BENCH_UNGD ?? path.resolve(REPO_ROOT, '../shared/data/ungd');
}

export function ungdMoreDir(): string {
  return process.env.PRECEDENT_BENCH_UNGD_MORE ?? path.resolve(REPO_ROOT, '../shared/data/ungd-more');
}

export async function isFolder(dir: string): Promise<boolean> {
  return fs.stat(dir).then(
    (stat) => stat.isDirectory(),
    () => false,
  );
}

/** The corpus by name, generating copies when needed; ×10 and ×100 are made from the bundled corpus without ungd. */
export async function prepareCorpus(name: CorpusName, ungdPresent: boolean, log: (line: string) => void): Promise<Corpus> {
  if (name === 'bundled') return { name, label: 'bundled corpus', dir: BUNDLED_DIR, basis: 'bundled', scale: 1, generated: false };
  if (name === 'ungd') {
    return { name, label: `UN General Debate sample (${ungdDir()})`, dir: ungdDir(), basis: 'ungd', scale: 1, generated: false };
  }
  if (name === 'ungd-all' || name === 'x8') {
    const scale = name === 'x8' ? 8 : 1;
    const dir = path.join(os.tmpdir(), 'precedent-bench', `ungd-all-x${scale}`);
    await ensureCopies([ungdDir(), ungdMoreDir()], dir, scale, log);
    const what = `UN General Debate sample and further speeches (${ungdDir()}, ${ungdMoreDir()})`;
    return {
      name,
      label: scale === 1 ? `${what}, copied to ${dir}` : `${what} ×${scale}, varied copies (${dir})`,
      dir,
      basis: 'ungd',
      scale,
      generated: true,
    };
  }
  const scale = name === 'x10' ? 10 : 100;
  const source = ungdPresent ? ungdDir() : BUNDLED_DIR;
  const sourceLabel = ungdPresent ? 'UN General Debate sample' : 'bundled corpus (ungd absent)';
  const dir = path.join(os.tmpdir(), 'precedent-bench', `${ungdPresent ? 'ungd' : 'bundled'}-x${scale}`);
  await ensureCopies([source], dir, scale, log);
  const basis = ungdPresent ? 'ungd' : 'bundled';
  return { name, label: `${sourceLabel} ×${scale}, varied copies (${dir})`, dir, basis, scale, generated: true };
}

/**
 * Writes `copies` varied copies of every statement below the `sources` into `dir`, unless an identical run already
 * did. With several sources, each copy holds one folder per source, named as it is.
 */
async function ensureCopies(sources: string[], dir: string, copies: number, log: (line: string) => void): Promise<void> {
  const files = (
    await Promise.all(
      sources.map(async (source) =>
        (await statementFiles(source)).map((relative) => ({
          original: path.join(source, relative),
          relative: sources.length === 1 ? relative : path.join(path.basename(source), relative),
        })),
      ),
    )
  ).flat();
  const stamp = JSON.stringify({ version: GENERATOR_VERSION, source: sources.join(path.delimiter), copies, files: files.length });
  const existing = await fs.readFile(path.join(dir, STAMP_FILE), 'utf8').catch(() => null);
  if (existing === stamp) return;
  log(`generating ${copies} copies of ${files.length} files into ${dir}`);
  const partial = `${dir}.partial-${process.pid}`;
  await fs.rm(partial, { recursive: true, force: true });
  for (let copy = 0; copy < copies; copy++) {
    const copyDir = path.join(partial, `copy-${String(copy).padStart(2, '0')}`);
    for (const { original, relative } of files) {
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
