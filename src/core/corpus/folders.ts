/** Which corpus folder a file belongs to, and what each folder gave: the status a drafter reads. */
import * as path from 'path';
import type { SkippedFile } from '../types';

/** True when `file` is `folder` or lies below it. */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export interface FolderSummary {
  folder: string;
  /** The folder was not there to read. */
  missing: boolean;
  documents: number;
  skipped: SkippedFile[];
}

/** Each folder's documents and skipped files; a file inside two folders counts for the innermost. */
export function summarizeFolders(
  folders: readonly string[],
  missing: readonly string[],
  documentFiles: readonly string[],
  skipped: readonly SkippedFile[],
): FolderSummary[] {
  const summaries = folders.map((folder) => ({ folder, missing: missing.includes(folder), documents: 0, skipped: [] as SkippedFile[] }));
  const owner = (file: string) =>
    summaries.filter(({ folder }) => isInside(file, folder)).sort((a, b) => b.folder.length - a.folder.length)[0] as
      FolderSummary | undefined;
  for (const file of documentFiles) {
    const summary = owner(file);
    if (summary) summary.documents++;
  }
  for (const file of skipped) owner(file.file)?.skipped.push(file);
  return summaries;
}
