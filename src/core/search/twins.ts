/**
 * Twin documents — the UN's verbatim record and the mission's own text of one speech — hold the same passage in
 * slightly different words. Shown once, with "also in …".
 */
import type { SearchMatch } from '../types';
import { countShared, wordSet } from './similar';

/** Share of words two passages of the same date must share to be the same passage. */
const TWIN_SIMILARITY = 0.6;

export interface MergedMatch {
  match: SearchMatch;
  twins: SearchMatch[];
}

export function mergeTwins(matches: SearchMatch[]): MergedMatch[] {
  const merged: Array<MergedMatch & { words: Set<string> }> = [];
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
