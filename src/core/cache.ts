/**
 * The on-disk cache: each file's ingested document keyed by its content hash, a manifest that maps paths to
 * hashes by size and modification time (so unchanged files are not even read), and a snapshot of the whole
 * index keyed by the set of hashes (so an unchanged corpus opens without rebuilding anything).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { CorpusDocument, Paragraph, Passage, SourceRange } from './types';
import type { IndexSnapshot } from './search/passageIndex';
import { createHash } from 'crypto';
import { promisify } from 'util';
import { gunzip as gunzipCallback, gzip as gzipCallback } from 'zlib';
import {
  type CorpusReadings,
  type DecodedSnapshot,
  encodeSnapshot,
  openSnapshot,
  openWholeSnapshot,
  type SnapshotDocument,
} from './snapshotFormat';

const gzip = promisify(gzipCallback);
const gunzip = promisify(gunzipCallback);

/**
 * Bump when ingestion, the index or what is read from every passage (facts, acronyms) changes what it produces: old
 * entries are then ignored, and removed once the new version has written its snapshot.
 */
export const CACHE_VERSION = 'v8';
/** A snapshot younger than this is never removed: another process may have just written it. */
const RECENT_SNAPSHOT_MS = 5 * 60 * 1000;
let temporaryFiles = 0;

export interface ManifestEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  /** Why a file with this content is not indexed (binary, empty, no text), remembered like its hash. */
  reason?: string | null;
}

type StoredRange = [number, number, number, number];
type StoredDocument = Omit<CorpusDocument, 'file' | 'paragraphs' | 'passages'> & {
  paragraphs: Array<[string, ...StoredRange]>;
  passages: Array<[number, number, number, ...StoredRange]>;
};

export class IndexCache {
  private readonly root: string;

  constructor(cacheDir: string) {
    this.root = path.join(cacheDir, CACHE_VERSION);
  }

  async readManifest(): Promise<Record<string, ManifestEntry>> {
    try {
      return JSON.parse(await fs.readFile(path.join(this.root, 'manifest.json'), 'utf8')) as Record<string, ManifestEntry>;
    } catch {
      return {};
    }
  }

  async writeManifest(manifest: Record<string, ManifestEntry>): Promise<void> {
    await this.writeAtomically(path.join(this.root, 'manifest.json'), JSON.stringify(manifest));
  }

  async readDocument(hash: string, file: string): Promise<CorpusDocument | null> {
    try {
      const stored = JSON.parse((await gunzip(await fs.readFile(this.documentPath(hash)))).toString('utf8')) as StoredDocument;
      return fromStored(stored, file);
    } catch {
      return null;
    }
  }

  async writeDocument(document: CorpusDocument): Promise<void> {
    await this.writeAtomically(this.documentPath(document.hash), await gzip(JSON.stringify(toStored(document))));
  }

  /**
   * The snapshot of a corpus with exactly these contents; documents take the paths their content has now. It is
   * opened, not read: its parts are read from the file as they are used.
   */
  readSnapshot(key: string, fileOfHash: Map<string, string>): DecodedSnapshot | null {
    return openSnapshot(this.snapshotPath(key), fileOfHash);
  }

  /**
   * The snapshot last written for these corpus folders, whatever they hold now: an update starts from it, so
   * that only the files that changed are read and indexed. Null when there is none.
   */
  async readLatestSnapshot(roots: readonly string[]): Promise<DecodedSnapshot<SnapshotDocument> | null> {
    try {
      const latest = JSON.parse(await fs.readFile(this.latestPath(roots), 'utf8')) as { key: string };
      return openWholeSnapshot(this.snapshotPath(latest.key));
    } catch {
      return null;
    }
  }

  /** Writes the snapshot, with what was read from every passage, and remembers it as the latest of these folders. */
  async writeSnapshot(
    key: string,
    documents: CorpusDocument[],
    index: IndexSnapshot,
    readings: CorpusReadings,
    roots: readonly string[],
  ): Promise<void> {
    await this.replaceAtomically(this.snapshotPath(key), async (temporary) => {
      const handle = await fs.open(temporary, 'w');
      try {
        await encodeSnapshot(documents, index, readings, async (bytes) => {
          await handle.write(bytes);
        });
      } finally {
        await handle.close();
      }
    });
    await this.writeAtomically(this.latestPath(roots), JSON.stringify({ key }));
    await this.removeOldSnapshots();
    await this.removeOlderVersions();
  }

  /** The folders of older cache versions beside this one ("v7" beside "v8"); a newer version's is left alone. */
  private async removeOlderVersions(): Promise<void> {
    const versionOf = (name: string) => (/^v\d+$/.test(name) ? Number(name.slice(1)) : null);
    const current = versionOf(CACHE_VERSION)!;
    const parent = path.dirname(this.root);
    const names = await fs.readdir(parent).catch(() => [] as string[]);
    const older = names.filter((name) => (versionOf(name) ?? current) < current);
    await Promise.all(older.map((name) => fs.rm(path.join(parent, name), { recursive: true, force: true }).catch(() => undefined)));
  }

  /**
   * Keeps the snapshot each set of corpus folders wrote last (one cache may serve several corpora: the bundled one,
   * a mission's archive), and removes the others: an older one would be opened only if a corpus went back to exactly
   * its contents, and an update from the latest makes that cheaply. One written in the last minutes stays too: another
   * process may be about to name it as its latest.
   */
  private async removeOldSnapshots(): Promise<void> {
    const folder = path.join(this.root, 'snapshots');
    const latestFolder = path.join(this.root, 'latest');
    const latestFiles = await fs.readdir(latestFolder).catch(() => [] as string[]);
    const named = await Promise.all(
      latestFiles
        .filter((name) => name.endsWith('.json'))
        .map((name) =>
          fs
            .readFile(path.join(latestFolder, name), 'utf8')
            .then((text) => `${(JSON.parse(text) as { key: string }).key}.bin`)
            .catch(() => null),
        ),
    );
    const kept = new Set(named);
    const names = (await fs.readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.bin') && !kept.has(name));
    const now = Date.now();
    await Promise.all(
      names.map(async (name) => {
        const file = path.join(folder, name);
        const stat = await fs.stat(file).catch(() => null);
        // A snapshot still open elsewhere (Windows may refuse to remove it) goes next time.
        if (stat && now - stat.mtimeMs > RECENT_SNAPSHOT_MS) await fs.rm(file, { force: true }).catch(() => undefined);
      }),
    );
  }

  private documentPath(hash: string): string {
    return path.join(this.root, 'documents', hash.slice(0, 2), `${hash}.json.gz`);
  }

  private latestPath(roots: readonly string[]): string {
    return path.join(this.root, 'latest', `${createHash('sha1').update(roots.join('\n')).digest('hex')}.json`);
  }

  private snapshotPath(key: string): string {
    return path.join(this.root, 'snapshots', `${key}.bin`);
  }

  private writeAtomically(file: string, data: string | Buffer): Promise<void> {
    return this.replaceAtomically(file, (temporary) => fs.writeFile(temporary, data));
  }

  /** Writes to a temporary file and renames it, so a crash never leaves half a cache entry. */
  private async replaceAtomically(file: string, write: (temporary: string) => Promise<void>): Promise<void> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Two workspaces of one process may write the same entry in the same millisecond: each its own temporary file.
    const temporary = `${file}.${process.pid}.${Date.now()}.${++temporaryFiles}.tmp`;
    try {
      await write(temporary);
      await fs.rename(temporary, file);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  }
}

function packRange(range: SourceRange): StoredRange {
  return [range.startLine, range.startColumn, range.endLine, range.endColumn];
}

function unpackRange(startLine: number, startColumn: number, endLine: number, endColumn: number): SourceRange {
  return { startLine, startColumn, endLine, endColumn };
}

function toStored(document: CorpusDocument): StoredDocument {
  return {
    hash: document.hash,
    encoding: document.encoding,
    meta: document.meta,
    notes: document.notes,
    ...(document.pageStarts && { pageStarts: document.pageStarts }),
    paragraphs: document.paragraphs.map((p) => [p.text, ...packRange(p.range)]),
    passages: document.passages.map((p) => [p.start, p.end, p.paragraph, ...packRange(p.range)]),
  };
}

function fromStored(stored: StoredDocument, file: string): CorpusDocument {
  const paragraphs: Paragraph[] = stored.paragraphs.map(([text, a, b, c, d]) => ({ text, range: unpackRange(a, b, c, d) }));
  const passages: Passage[] = stored.passages.map(([start, end, paragraph, a, b, c, d]) => ({
    start,
    end,
    paragraph,
    range: unpackRange(a, b, c, d),
  }));
  const document: CorpusDocument = {
    file,
    hash: stored.hash,
    encoding: stored.encoding,
    meta: stored.meta,
    paragraphs,
    passages,
    notes: stored.notes,
  };
  return stored.pageStarts ? { ...document, pageStarts: stored.pageStarts } : document;
}
