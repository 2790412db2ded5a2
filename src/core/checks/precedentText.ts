/** Shared by the precedent checks: when a sentence follows a passage, and how to name that passage. */
import * as path from 'path';
import type { Precedent } from './types';

/** Share of words a sentence must share with a passage to be said to follow it. */
export const PRECEDENT_SIMILARITY = 0.6;

export function describePrecedent(precedent: Precedent): string {
  const name = precedent.title ?? path.basename(precedent.file);
  const when = precedent.date ? ` (${precedent.date})` : '';
  return `"${name}"${when}, ${path.basename(precedent.file)}:${precedent.range.startLine + 1}`;
}
