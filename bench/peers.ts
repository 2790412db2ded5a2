/**
 * What a user would pick instead of Precedent, each set up as its documentation suggests for this kind of
 * search, over the same sentences. Each answers with sentence ids, best first.
 */
import uFuzzy from '@leeoniya/ufuzzy';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { RESULT_LIMIT } from './measure';

export type PeerName = 'fuse' | 'minisearch' | 'ufuzzy';
export const PEER_NAMES: readonly PeerName[] = ['fuse', 'minisearch', 'ufuzzy'];
export const PEER_LABELS: Record<PeerName, string> = {
  fuse: 'plain Fuse.js',
  minisearch: 'MiniSearch',
  ufuzzy: 'uFuzzy',
};

export interface PeerEngine {
  search(query: string): number[];
}

export function buildPeer(name: PeerName, texts: string[]): PeerEngine {
  switch (name) {
    case 'fuse':
      return buildFuse(texts);
    case 'minisearch':
      return buildMiniSearch(texts);
    case 'ufuzzy':
      return buildUFuzzy(texts);
  }
}

/** Fuse.js over every sentence, as one would first try it: the whole query matched anywhere in a sentence. */
function buildFuse(texts: string[]): PeerEngine {
  const fuse = new Fuse(texts, { ignoreLocation: true, threshold: 0.4 });
  return { search: (query) => fuse.search(query, { limit: RESULT_LIMIT }).map((result) => result.refIndex) };
}

/** MiniSearch: an inverted index ranked by BM25, with prefix and fuzzy matching of each word. */
function buildMiniSearch(texts: string[]): PeerEngine {
  const miniSearch = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    searchOptions: { prefix: true, fuzzy: 0.2 },
  });
  miniSearch.addAll(texts.map((text, id) => ({ id, text })));
  return {
    search: (query) =>
      miniSearch
        .search(query)
        .slice(0, RESULT_LIMIT)
        .map((result) => result.id as number),
  };
}

/**
 * uFuzzy in SingleError mode (one typo a word), words in any order. With outOfOrder 1 it returns the sentences
 * that hold every word, unranked, for a query of several words; ranking word permutations (outOfOrder up to 5)
 * found barely more on the UN sample, at 2–6 times the time. Text is latinised, as its README advises.
 */
const OUT_OF_ORDER = 1;

function buildUFuzzy(texts: string[]): PeerEngine {
  const haystack = uFuzzy.latinize(texts);
  const uf = new uFuzzy({ intraMode: 1 });
  return {
    search: (query) => {
      const [idxs, info, order] = uf.search(haystack, uFuzzy.latinize(query), OUT_OF_ORDER);
      if (!idxs) return [];
      if (!info || !order) return idxs.slice(0, RESULT_LIMIT);
      return order.slice(0, RESULT_LIMIT).map((i) => info.idx[i]);
    },
  };
}
