/** Finds the corpus files below the folders a user names, and says why any were passed over. */
import { promises as fs, stat as statCallback } from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import type { SkippedFile } from '../types';
import { WORD_AND_PDF_EXTENSIONS } from './extract/wordOrPdf';

const CORPUS_EXTENSIONS = new Set(['.txt', '.md', '.markdown', ...WORD_AND_PDF_EXTENSIONS]);

/** A glob of the files a corpus folder holds, as a file watcher wants it: extensions in either case ("Report.PDF"). */
export const CORPUS_FILE_GLOB = `**/*.{${[...CORPUS_EXTENSIONS].flatMap((e) => [e.slice(1), e.slice(1).toUpperCase()]).join(',')}}`;
const IGNORED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.precedent-cache']);
/** The callback form: fs.promises.stat costs about twice as much per file, and an archive has tens of thousands. */
const statFile = promisify(statCallback);

export interface CorpusFile {
  /** Absolute path as reached (a link is named by the link). */
  file: string;
  size: number;
  mtimeMs: number;
}

export interface Discovery {
  files: CorpusFile[];
  skipped: SkippedFile[];
}

export class CorpusFolderError extends Error {
  constructor(
    readonly folder: string,
    reason: string,
  ) {
    super(`${folder}: ${reason}`);
  }
}

/** Walks each root once; a folder reached twice (through a link, or named twice) is read once. */
export async function discoverFiles(roots: string[], maxFileBytes: number): Promise<Discovery> {
  const files: CorpusFile[] = [];
  const skipped: SkippedFile[] = [];
  const seenFolders = new Set<string>();
  const seenFiles = new Set<string>();

  /** Stats a file; `real` is known without a system call for a plain file in a folder whose real path is known. */
  async function examine(file: string, knownReal?: string): Promise<CorpusFile | SkippedFile | null> {
    let stat;
    let real;
    try {
      stat = await statFile(file);
      real = knownReal ?? (await fs.realpath(file));
    } catch (error) {
      return { file, reason: describeFsError(error) };
    }
    if (seenFiles.has(real)) return null;
    seenFiles.add(real);
    if (stat.size > maxFileBytes) {
      return { file, reason: `too large (${formatBytes(stat.size)}; the limit is ${formatBytes(maxFileBytes)})` };
    }
    return { file, size: stat.size, mtimeMs: stat.mtimeMs };
  }

  async function visitFiles(candidates: Array<{ file: string; real?: string }>): Promise<void> {
    // All files of a folder are examined at once, and kept in the folder's order.
    for (const result of await Promise.all(candidates.map(({ file, real }) => examine(file, real)))) {
      if (result && 'reason' in result) skipped.push(result);
      else if (result) files.push(result);
    }
  }

  async function visitFolder(folder: string): Promise<void> {
    let real;
    let entries;
    try {
      real = await fs.realpath(folder);
      if (seenFolders.has(real)) return;
      seenFolders.add(real);
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      skipped.push({ file: folder, reason: describeFsError(error) });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    const folders: string[] = [];
    const corpusFiles: Array<{ file: string; real?: string }> = [];
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && (await isFolder(full)))) {
        if (!IGNORED_FOLDERS.has(entry.name)) folders.push(full);
      } else if (CORPUS_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        corpusFiles.push({ file: full, real: entry.isSymbolicLink() ? undefined : path.join(real, entry.name) });
      }
    }
    await visitFiles(corpusFiles);
    for (const child of folders) await visitFolder(child);
  }

  for (const root of roots) {
    const absolute = path.resolve(root);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      throw new CorpusFolderError(absolute, describeFsError(error));
    }
    if (stat.isDirectory()) await visitFolder(absolute);
    else await visitFiles([{ file: absolute }]);
  }
  return { files, skipped };
}

async function isFolder(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isDirectory();
  } catch {
    return false;
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      return (error as Error).message ?? String(error);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
