/** Shared test helpers: the bundled corpus, temporary folders, and reading a passage back from its file. */
import * as esbuild from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable, Writable } from 'stream';
import { main } from '../../src/cli/main';
import { decodeBytes } from '../../src/core/corpus/decode';
import { ingestText } from '../../src/core/corpus/ingest';
import { splitLines } from '../../src/core/corpus/lines';
import type { IndexSnapshot } from '../../src/core/search/passageIndex';
import { type CorpusReadings, encodeSnapshot } from '../../src/core/snapshotFormat';
import type { CorpusDocument, SourceRange } from '../../src/core/types';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const BUNDLED_CORPUS = path.join(REPO_ROOT, 'corpus');

/** The bundled corpus file whose name contains `part`. */
export function corpusFile(part: string): string {
  const name = readdirSync(BUNDLED_CORPUS).find((entry) => entry.includes(part));
  if (!name) throw new Error(`no corpus file named like ${part}`);
  return path.join(BUNDLED_CORPUS, name);
}

export function ingestFile(file: string): CorpusDocument {
  const decoded = decodeBytes(readFileSync(file));
  return ingestText(file, 'test', decoded.encoding, decoded.text);
}

export function ingestString(text: string, file = '/virtual/doc.txt'): CorpusDocument {
  return ingestText(file, 'test', 'utf-8', text);
}

export function passageTexts(document: CorpusDocument): string[] {
  return document.passages.map((p) => document.paragraphs[p.paragraph].text.slice(p.start, p.end));
}

/** The file's own text inside a range, exactly as stored. */
export function sliceRange(text: string, range: SourceRange): string {
  const lines = splitLines(text);
  const start = lines[range.startLine].start + range.startColumn;
  const end = lines[range.endLine].start + range.endColumn;
  return text.slice(start, end);
}

export class TempDir {
  readonly path = mkdtempSync(path.join(os.tmpdir(), 'precedent-test-'));

  file(name: string): string {
    return path.join(this.path, name);
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** Reads a command's JSON output as the contract type the test expects of it. */
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** Each term's count and passages, by term text, so two indexes can be compared whatever their term numbering. */
export function postingsByTerm(snapshot: IndexSnapshot): Map<string, { passages: number[]; documentFrequency: number }> {
  return new Map(
    snapshot.terms.map((term, id) => [
      term,
      { passages: Array.from(snapshot.postingList(id)), documentFrequency: snapshot.documentFrequency[id] },
    ]),
  );
}

/**
 * A worker thread's script as the extension ships it (a bundle in dist/), built from the sources under test into a
 * new temporary folder; returns the script's path and the folder, to be removed after the tests.
 */
export async function bundleWorker(source: string): Promise<{ script: string; dir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'precedent-worker-'));
  const script = path.join(dir, `${path.basename(source, '.ts')}.js`);
  await esbuild.build({
    entryPoints: [path.join(REPO_ROOT, source)],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
  });
  return { script, dir };
}

/** A snapshot's bytes, encoded into memory. */
export async function snapshotBytes(
  documents: CorpusDocument[],
  index: IndexSnapshot,
  readings: CorpusReadings | null = null,
): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  await encodeSnapshot(documents, index, readings, (bytes) => {
    parts.push(bytes);
    return Promise.resolve();
  });
  return Buffer.concat(parts);
}

/** A snapshot's header (it comes last, before its length and the magic) and its length in bytes. */
export function snapshotHeader(bytes: Buffer): { sections: Record<string, number[]>; bytes: number } {
  const length = bytes.readUInt32LE(bytes.length - 8);
  const header = JSON.parse(bytes.toString('utf8', bytes.length - 8 - length, bytes.length - 8)) as { sections: Record<string, number[]> };
  return { sections: header.sections, bytes: length };
}

/** What a CLI run wrote, as text. */
class Capture extends Writable {
  text = '';
  _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs the CLI in this process, `input` its standard input (one line each); its exit code and what it wrote. */
export async function runCliWithInput(input: readonly string[], ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Capture();
  const err = new Capture();
  const code = await main(args, out, err, Readable.from(input.map((line) => `${line}\n`)));
  return { code, out: out.text, err: err.text };
}

export function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCliWithInput([], ...args);
}
