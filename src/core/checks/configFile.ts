/**
 * Which `.precedent.json` applies to a draft, for reading and writing alike: the nearest in the draft's folder or
 * above it, up to a boundary and no further — the workspace folder in the editor; on the command line the
 * repository's root, else the current folder — so that a file outside the project never changes its checks, and a
 * dismissal lands in the file the draft reads. With none, a dismissal creates one at the boundary.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { isInside } from '../corpus/folders';
import { DEFAULT_CONFIG, editIgnored, parseConfig, type CheckConfig, type IgnoredFinding } from './config';

export const CONFIG_FILE = '.precedent.json';

/** The folders searched for a draft, nearest first; only the draft's own folder when it lies outside the boundary. */
function foldersUpTo(draft: string, boundary: string): string[] {
  const top = path.resolve(boundary);
  const start = path.dirname(path.resolve(draft));
  if (!isInside(start, top)) return [start];
  const folders = [start];
  for (let folder = start; folder !== top;) {
    folder = path.dirname(folder);
    folders.push(folder);
  }
  return folders;
}

async function readIfPresent(file: string): Promise<string | null> {
  return fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
    throw error;
  });
}

/** The `.precedent.json` a draft reads, or null when there is none between it and the boundary. */
export async function locateConfig(draft: string, boundary: string): Promise<string | null> {
  for (const folder of foldersUpTo(draft, boundary)) {
    const candidate = path.join(folder, CONFIG_FILE);
    const stat = await fs.stat(candidate).catch(() => null);
    if (stat?.isFile()) return candidate;
  }
  return null;
}

/** The configuration a draft's checks follow: its `.precedent.json`, or the defaults when none applies. */
export async function findConfig(draft: string, boundary: string): Promise<CheckConfig> {
  const file = await locateConfig(draft, boundary);
  if (!file) return DEFAULT_CONFIG;
  try {
    return parseConfig(await fs.readFile(file, 'utf8'), file);
  } catch (error) {
    return { ...DEFAULT_CONFIG, source: file, problems: [`${file}: cannot be read (${(error as Error).message})`] };
  }
}

/** Where a dismissal of a finding in the draft is written: the file the draft reads, or a new one at the boundary. */
export async function dismissalFile(draft: string, boundary: string): Promise<string> {
  const folders = foldersUpTo(draft, boundary);
  return (await locateConfig(draft, boundary)) ?? path.join(folders[folders.length - 1], CONFIG_FILE);
}

/** Adds a dismissal to the file the draft reads (creating one at the boundary if none exists); returns that file. */
export async function dismissFinding(entry: IgnoredFinding, boundary: string): Promise<string> {
  const file = await dismissalFile(entry.file, boundary);
  await fs.writeFile(file, editIgnored(await readIfPresent(file), file, entry, 'add'));
  return file;
}

/** Removes a dismissal from the configuration file that holds it. */
export async function restoreFinding(entry: IgnoredFinding, configFile: string): Promise<void> {
  await fs.writeFile(configFile, editIgnored(await readIfPresent(configFile), configFile, entry, 'remove'));
}

/**
 * The boundary outside a workspace folder (on the command line, or a file opened on its own): the draft's repository
 * root (the nearest folder holding `.git`), else `cwd` when the draft lies inside it, else the draft's own folder.
 */
export async function projectBoundary(draft: string, cwd?: string): Promise<string> {
  const folders = foldersUpTo(draft, path.parse(path.resolve(draft)).root);
  for (const folder of folders) {
    if (await fs.stat(path.join(folder, '.git')).catch(() => null)) return folder;
  }
  return cwd !== undefined && isInside(path.resolve(draft), path.resolve(cwd)) ? path.resolve(cwd) : folders[0];
}
