/**
 * Twin documents — the UN's verbatim record and the mission's own text of one speech — hold the same passage in
 * slightly different words. Shown once, with "also in …".
 */
import type { SearchMatch } from '../types';
import { countShared, wordSet } from './similar';

/** What twin detection reads of a passage: its file, its document's date and its text. */
export interface Twinnable {
  file: string;
  date: string | null;
  text: string;
}

/** Share of words two passages of the same date must share to be the same passage. */
const TWIN_SIMILARITY = 0.6;

export interface Merged<T extends Twinnable> {
  match: T;
  twins: T[];
}

export type MergedMatch = Merged<SearchMatch>;

/** Each passage once, in the given order, with the twins that follow it. */
export function mergeTwins<T extends Twinnable>(matches: T[]): Array<Merged<T>> {
  const merged: Array<Merged<T> & { words: Set<string> }> = [];
  for (const match of matches) {
    const words = wordSet(match.text);
    const twinOf = merged.find(
      (m) =>
        m.match.file !== match.file &&
        m.match.date !== null &&
        m.match.date === match.date &&
        (2 * countShared(words, m.words)) / (words.size + m.words.size) >= TWIN_SIMILARITY,
    );
    if (twinOf) twinOf.twins.push(match);
    else merged.push({ match, twins: [], words });
  }
  return merged.map(({ match, twins }) => ({ match, twins }));
}
