/**
 * The corpus's words: a trigram index for typo-tolerant lookup, a sorted list for prefixes, and the repair of
 * OCR joins and splits ("oftrafficking", "J apan", "effo rts") by the corpus's own vocabulary.
 */
import { boundedEditDistance } from './editDistance';
import { isIdentifier } from '../text/tokenize';

export interface TermVariant {
  term: number;
  /** 1 for the term itself, less for a typo or a prefix. */
  weight: number;
}

const TYPO_WEIGHT = [1, 0.8, 0.6];
const PREFIX_WEIGHT = 0.7;
const MAX_PREFIX_VARIANTS = 24;
/** A word seen at most this often is a candidate OCR fragment; at least FREQUENT_DF, a real word. */
const RARE_DF = 2;
const FREQUENT_DF = 3;
const MIN_JOINED_LENGTH = 5;
const MAX_FRAGMENT_LENGTH = 6;

/**
 * Its lookup structures are built on first use, not when a corpus opens: most queries name words the corpus
 * knows, and a corpus of a million passages has hundreds of thousands of terms to go through.
 */
export class Vocabulary {
  private trigramIndex: Map<string, number[]> | null = null;
  /** Term ids sorted by their text, for prefix lookup. */
  private sortedIds: Int32Array | null = null;
  /** Each short term and its single deletions, to the terms they come from. */
  private deletions: Map<string, number[]> | null = null;

  constructor(
    readonly terms: string[],
    readonly documentFrequency: Int32Array,
  ) {}

  private get trigramTerms(): Map<string, number[]> {
    return (this.trigramIndex ??= buildTrigramIndex(this.terms));
  }

  private get sorted(): Int32Array {
    const { terms } = this;
    // A snapshot stores its terms sorted already: then their numbers are their order.
    this.sortedIds ??= isSorted(terms)
      ? Int32Array.from(terms.keys())
      : Int32Array.from(terms.keys()).sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
    return this.sortedIds;
  }

  /** Terms within a small edit distance of `word`: one typo from four letters on, two from eight. */
  typoVariants(word: string, exact: number | undefined): TermVariant[] {
    const limit = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
    if (limit === 0) return [];
    const candidates = limit === 1 ? this.oneDeletionNeighbours(word) : this.trigramNeighbours(word, limit);
    const variants: TermVariant[] = [];
    for (const id of candidates) {
      // A term with no passages left (after an update) is no word of the corpus any more.
      if (id === exact || this.documentFrequency[id] === 0) continue;
      const distance = boundedEditDistance(word, this.terms[id], limit);
      if (distance <= limit) variants.push({ term: id, weight: TYPO_WEIGHT[distance] });
    }
    return variants;
  }

  /** Terms sharing enough trigrams to be within `limit` edits: each edit destroys at most three. */
  private trigramNeighbours(word: string, limit: number): number[] {
    const grams = trigrams(word);
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const id of this.trigramTerms.get(gram) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const needed = Math.max(1, grams.length - 3 * limit);
    return [...shared].filter(([, count]) => count >= needed).map(([id]) => id);
  }

  /**
   * Terms one edit away from a short word, found through single deletions (a transposed pair in a four-letter
   * word, "eevr" for "ever", shares no trigram at all with it). The index of deletions is built on first use.
   */
  private oneDeletionNeighbours(word: string): number[] {
    const index = (this.deletions ??= buildDeletionIndex(this.terms));
    const found = new Set<number>();
    for (const key of [word, ...deletionsOf(word)]) for (const id of index.get(key) ?? []) found.add(id);
    return [...found];
  }

  /** The most used terms that start with `prefix` (the word being typed). */
  prefixVariants(prefix: string, exact: number | undefined): TermVariant[] {
    if (prefix.length < 3) return [];
    const found: number[] = [];
    for (let i = this.lowerBound(prefix); i < this.sorted.length; i++) {
      const id = this.sorted[i];
      if (!this.terms[id].startsWith(prefix)) break;
      if (id !== exact && this.documentFrequency[id] > 0) found.push(id);
    }
    found.sort((a, b) => this.documentFrequency[b] - this.documentFrequency[a]);
    return found.slice(0, MAX_PREFIX_VARIANTS).map((term) => ({ term, weight: PREFIX_WEIGHT }));
  }

  /**
   * For each rare term that is an OCR fragment, the real words it stands for: "oftrafficking" → "of" and
   * "trafficking"; "apan" (of "J apan") → "japan"; "effo" and "rts" → "efforts".
   */
  ocrRepairs(lookup: (term: string) => number | undefined): Map<number, number[]> {
    const repairs = new Map<number, number[]>();
    const frequent = (id: number | undefined): id is number => id !== undefined && this.documentFrequency[id] >= FREQUENT_DF;
    for (let id = 0; id < this.terms.length; id++) {
      const term = this.terms[id];
      if (this.documentFrequency[id] > RARE_DF || term.length < 3 || isIdentifier(term)) continue;
      // Two words run together are long ("oftrafficking"); a word broken apart leaves short pieces ("apan").
      const split = term.length >= MIN_JOINED_LENGTH ? this.bestSplit(term, lookup, frequent) : null;
      if (split) {
        repairs.set(id, split);
        continue;
      }
      const whole = term.length <= MAX_FRAGMENT_LENGTH ? this.completion(term, lookup, frequent) : undefined;
      if (whole !== undefined) repairs.set(id, [whole]);
    }
    return repairs;
  }

  private bestSplit(
    term: string,
    lookup: (term: string) => number | undefined,
    frequent: (id: number | undefined) => id is number,
  ): number[] | null {
    for (let cut = 2; cut <= term.length - 3; cut++) {
      const head = lookup(term.slice(0, cut));
      const tail = lookup(term.slice(cut));
      if (frequent(head) && frequent(tail)) return [head, tail];
    }
    return null;
  }

  /** A frequent word that this fragment and a neighbouring fragment make up. */
  private completion(
    term: string,
    lookup: (term: string) => number | undefined,
    frequent: (id: number | undefined) => id is number,
  ): number | undefined {
    let best: number | undefined;
    const consider = (id: number, rest: string) => {
      if (rest.length === 0 || lookup(rest) === undefined) return;
      if (best === undefined || this.documentFrequency[id] > this.documentFrequency[best]) best = id;
    };
    for (let i = this.lowerBound(term); i < this.sorted.length; i++) {
      const id = this.sorted[i];
      const word = this.terms[id];
      if (!word.startsWith(term)) break;
      if (frequent(id)) consider(id, word.slice(term.length));
    }
    // "apan" of "J apan": words that end with the fragment, a short piece before it.
    for (const id of this.trigramTerms.get(term.slice(0, 3)) ?? []) {
      const word = this.terms[id];
      const cut = word.length - term.length;
      if (cut >= 1 && cut <= 3 && word.endsWith(term) && frequent(id)) consider(id, word.slice(0, cut));
    }
    return best;
  }

  private lowerBound(prefix: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.terms[this.sorted[mid]] < prefix) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function isSorted(terms: readonly string[]): boolean {
  for (let i = 1; i < terms.length; i++) if (terms[i - 1] > terms[i]) return false;
  return true;
}

/** Words up to this long are looked up by deletions; longer ones by trigrams. */
const MAX_DELETION_WORD = 8;

function deletionsOf(word: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < word.length; i++) found.push(word.slice(0, i) + word.slice(i + 1));
  return found;
}

function buildTrigramIndex(terms: readonly string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let id = 0; id < terms.length; id++) {
    if (isIdentifier(terms[id])) continue;
    for (const gram of trigrams(terms[id])) {
      let list = index.get(gram);
      if (!list) index.set(gram, (list = []));
      if (list[list.length - 1] !== id) list.push(id);
    }
  }
  return index;
}

function buildDeletionIndex(terms: string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  const add = (key: string, id: number) => {
    const list = index.get(key);
    if (!list) index.set(key, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  };
  terms.forEach((term, id) => {
    if (term.length < 3 || term.length > MAX_DELETION_WORD || isIdentifier(term)) return;
    add(term, id);
    for (const deletion of deletionsOf(term)) add(deletion, id);
  });
  return index;
}

function trigrams(word: string): string[] {
  const padded = `^${word}$`;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}
