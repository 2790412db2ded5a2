/**
 * The candidate index: an inverted index from words and identifiers to passages, with IDF weights. It picks the
 * few passages worth ranking; Fuse.js ranks them (see search.ts).
 */
import { RecentlyUsed } from '../recentlyUsed';
import type { CorpusDocument, Passage } from '../types';
import { normalizeForMatch } from '../text/normalize';
import { scanTokens } from '../text/tokenize';
import { Lexicon, type QueryTerm } from './lexicon';
import { type TermVariant, Vocabulary } from './vocabulary';

export type { QueryTerm } from './lexicon';

/**
 * Everything needed to rebuild the index without re-reading the corpus. Posting lists are read through
 * `postingList`: a built index holds them in memory, a snapshot opened from disk reads each when first asked for.
 */
export interface IndexSnapshot {
  terms: string[];
  documentFrequency: Int32Array;
  passageDocument: Int32Array;
  passageLocal: Int32Array;
  /** The passages that hold term `id`, ascending. */
  postingList: (id: number) => Int32Array;
}

/** Posting lists held in memory: term `id`'s passages are `values[offsets[id], offsets[id + 1])`. */
function postingsInMemory(offsets: Int32Array, values: Int32Array): (id: number) => Int32Array {
  return (id) => values.subarray(offsets[id], offsets[id + 1]);
}

export interface Candidate {
  passage: number;
  /** Share of the query's weight the passage matched, 0 to 1. */
  coverage: number;
}

/** Bytes of patched posting lists an updated index keeps (see withChanges). */
const PATCHED_LIST_BYTES = 16 * 2 ** 20;

/** Words in more than this share of passages select nothing on their own ("the", "of"); they only rank. */
export const COMMON_SHARE = 0.2;

export class PassageIndex {
  readonly lexicon: Lexicon;
  private readonly score: Float64Array;
  private readonly best: Float64Array;
  private readonly stamp: Int32Array;
  private readonly identifierHits: Int32Array;

  private constructor(
    readonly snapshot: IndexSnapshot,
    built?: { termIds: Map<string, number>; vocabulary: Vocabulary },
  ) {
    const count = snapshot.passageDocument.length;
    // A fresh build made its vocabulary already (for OCR repairs), over the same arrays.
    this.lexicon = new Lexicon(snapshot.terms, snapshot.documentFrequency, count, built);
    this.score = new Float64Array(count);
    this.best = new Float64Array(count);
    this.stamp = new Int32Array(count).fill(-1);
    this.identifierHits = new Int32Array(count);
  }

  static fromSnapshot(snapshot: IndexSnapshot): PassageIndex {
    return new PassageIndex(snapshot);
  }

  static build(documents: CorpusDocument[]): PassageIndex {
    const { snapshot, ...built } = buildSnapshot(documents);
    return new PassageIndex(snapshot, built);
  }

  /**
   * An index with some of its documents taken out and others added, without reading the rest again: the index
   * of `[...kept documents in their order, ...added]`, where `kept[i]` says whether document i of `oldDocuments`
   * (the old index's documents) stays. Passages are numbered afresh; a term no passage holds any more stays in the
   * list with no passages. The old lists are not read here: each is patched when a query first reads it (and all of
   * them when the next snapshot is written), so an update costs what its changed documents cost.
   *
   * Unlike a fresh build, the added documents' OCR fragments are not repaired (a fragment is rare by the whole
   * corpus's count), and how many passages hold a word is lowered by the removed passages' own words: a removed
   * passage that the old build listed under a word only through such a repair leaves that word's count one too high
   * until the next snapshot, which counts its lists, is opened.
   */
  static withChanges(
    old: IndexSnapshot,
    oldDocuments: readonly CorpusDocument[],
    kept: readonly boolean[],
    added: readonly CorpusDocument[],
  ): PassageIndex {
    const documentIndex = new Int32Array(kept.length).fill(-1);
    let keptDocuments = 0;
    kept.forEach((stays, d) => stays && (documentIndex[d] = keptDocuments++));
    const terms = [...old.terms];
    const termIds = new Map(terms.map((term, id) => [term, id]));
    // Old passage → new number, -1 when its document goes; the removed passages' words are counted out.
    const passageIndex = new Int32Array(old.passageDocument.length).fill(-1);
    const passageDocument = new GrowableInt32();
    const passageLocal = new GrowableInt32();
    const removed = new PassageTerms(terms, termIds);
    for (let p = 0; p < old.passageDocument.length; p++) {
      const document = documentIndex[old.passageDocument[p]];
      if (document === -1) {
        removed.add(passageText(oldDocuments[old.passageDocument[p]], old.passageLocal[p]), p);
        continue;
      }
      passageIndex[p] = passageDocument.length;
      passageDocument.push(document);
      passageLocal.push(old.passageLocal[p]);
    }
    const pairs = new PassageTerms(terms, termIds);
    added.forEach((document, a) =>
      document.passages.forEach((_, local) => {
        pairs.add(passageText(document, local), passageDocument.length);
        passageDocument.push(keptDocuments + a);
        passageLocal.push(local);
      }),
    );
    const addedPostings = groupByTerm(pairs.pairTerms, pairs.pairPassages, terms.length);
    const documentFrequency = new Int32Array(terms.length);
    documentFrequency.set(old.documentFrequency);
    for (let i = 0; i < removed.pairTerms.length; i++) documentFrequency[removed.pairTerms.at(i)]--;
    for (let id = 0; id < terms.length; id++) {
      documentFrequency[id] = Math.max(0, documentFrequency[id]) + addedPostings.offsets[id + 1] - addedPostings.offsets[id];
    }
    const oldTermCount = old.terms.length;
    const patched = new RecentlyUsed<number, Int32Array>(PATCHED_LIST_BYTES, (list) => list.byteLength);
    const postingList = (id: number): Int32Array => {
      const cached = patched.get(id);
      if (cached) return cached;
      const base = id < oldTermCount ? old.postingList(id) : new Int32Array(0);
      const from = addedPostings.offsets[id];
      const to = addedPostings.offsets[id + 1];
      const list = new Int32Array(base.length + to - from);
      let write = 0;
      for (let i = 0; i < base.length; i++) {
        const passage = passageIndex[base[i]];
        if (passage !== -1) list[write++] = passage;
      }
      // Added passages are numbered after every kept one: the list stays ascending.
      list.set(addedPostings.values.subarray(from, to), write);
      write += to - from;
      const result = write === list.length ? list : list.slice(0, write);
      patched.set(id, result);
      return result;
    };
    const snapshot: IndexSnapshot = {
      terms,
      documentFrequency,
      passageDocument: passageDocument.toArray(),
      passageLocal: passageLocal.toArray(),
      postingList,
    };
    return new PassageIndex(snapshot, { termIds, vocabulary: new Vocabulary(terms, documentFrequency) });
  }

  /** How many passages hold a term (normalised), 0 when none does. */
  passagesWith(term: string): number {
    return this.lexicon.passagesWith(term);
  }

  /** The passages that hold a term (normalised), by index number. */
  passagesHolding(term: string): Int32Array {
    const id = this.lexicon.idOf(term);
    return id === undefined ? new Int32Array(0) : this.snapshot.postingList(id);
  }

  /** How telling a term (normalised) is: its IDF; a term the corpus lacks weighs as one used once. */
  idfOfTerm(term: string): number {
    return this.lexicon.idfOfTerm(term);
  }

  /** A passage by its index number: its document, its place there, and its text. */
  passageIn(documents: readonly CorpusDocument[], passage: number): { document: CorpusDocument; passage: Passage; text: string } {
    const document = documents[this.snapshot.passageDocument[passage]];
    const p = document.passages[this.snapshot.passageLocal[passage]];
    return { document, passage: p, text: document.paragraphs[p.paragraph].text.slice(p.start, p.end) };
  }

  get passageCount(): number {
    return this.snapshot.passageDocument.length;
  }

  /** The query's words with the corpus terms each may stand for. */
  analyze(query: string): QueryTerm[] {
    return this.lexicon.analyze(query);
  }

  /**
   * Passages that match the query's words best, by IDF-weighted coverage. Identifiers (resolution numbers,
   * symbols, years) are required exactly.
   *
   * Rarer words are read first. Once no passage outside those already found could reach the best `limit` with
   * every word still to read (each word adds at most its weight: max-score pruning), the remaining words only add
   * to the passages found, looked up in their lists rather than read whole. The result is the same as reading
   * every list; on a large corpus a phrase of common words reads a fraction of it.
   */
  candidates(terms: QueryTerm[], limit: number): Candidate[] {
    const identifiers = terms.filter((t) => t.identifier);
    if (identifiers.some((t) => t.variants.length === 0)) return [];
    const { documentFrequency } = this.snapshot;
    const commonDf = Math.max(2, this.passageCount * COMMON_SHARE);
    const anySelective = terms.some((t) => t.variants.some((v) => documentFrequency[v.term] <= commonDf));
    const totalWeight = terms.reduce((sum, t) => sum + t.idf, 0);
    if (totalWeight === 0) return [];
    const touched: number[] = [];
    const isCommonVariant = (term: QueryTerm, variant: TermVariant) => !term.identifier && documentFrequency[variant.term] > commonDf;
    const add = (passage: number, group: number, weight: number, identifier: boolean) => {
      if (this.stamp[passage] !== group) {
        if (this.score[passage] === 0) touched.push(passage);
        this.stamp[passage] = group;
        this.best[passage] = weight;
        this.score[passage] += weight;
        if (identifier) this.identifierHits[passage]++;
      } else if (weight > this.best[passage]) {
        this.score[passage] += weight - this.best[passage];
        this.best[passage] = weight;
      }
    };
    /** Adds a term's variants of one kind (common or not); `admit`: whether a passage not yet found may enter. */
    const accumulate = (term: QueryTerm, group: number, common: boolean, admit: boolean) => {
      for (const variant of term.variants) {
        if (anySelective && isCommonVariant(term, variant) !== common) continue;
        const weight = variant.weight * term.idf;
        const list = this.snapshot.postingList(variant.term);
        if (!admit && touched.length * Math.log2(list.length + 1) < list.length) {
          // Few passages found, a long list: look each up in it.
          const found = touched.length;
          for (let t = 0; t < found; t++) {
            const passage = touched[t];
            if (contains(list, passage)) add(passage, group, weight, term.identifier);
          }
          continue;
        }
        for (let i = 0; i < list.length; i++) {
          const passage = list[i];
          // Common words never bring a passage in; they only tell apart the ones the rarer words brought.
          if (!admit && this.score[passage] === 0) continue;
          add(passage, group, weight, term.identifier);
        }
      }
    };
    const boundOf = (term: QueryTerm, common: boolean) =>
      term.idf * Math.max(0, ...term.variants.filter((v) => !anySelective || isCommonVariant(term, v) === common).map((v) => v.weight));
    // Rarest first; identifiers must all be met, so with any the lists are read whole (they are short).
    const order = terms.map((term, group) => ({ term, group })).sort((a, b) => b.term.idf - a.term.idf);
    let stillToAdd = order.reduce((sum, { term }) => sum + boundOf(term, false) + (anySelective ? boundOf(term, true) : 0), 0);
    let admitting = true;
    for (const { term, group } of order) {
      accumulate(term, group, false, admitting);
      stillToAdd -= boundOf(term, false);
      if (admitting && identifiers.length === 0 && touched.length > limit) {
        admitting = countAbove(touched, this.score, stillToAdd, limit) < limit;
      }
    }
    if (anySelective) order.forEach(({ term, group }) => accumulate(term, terms.length + group, true, false));
    const best = new TopCandidates(limit);
    for (const passage of touched) {
      if (this.identifierHits[passage] === identifiers.length) best.offer(passage, this.score[passage] / totalWeight);
      this.score[passage] = 0;
      this.stamp[passage] = -1;
      this.identifierHits[passage] = 0;
    }
    return best.sorted();
  }
}

function passageText(document: CorpusDocument, local: number): string {
  const passage = document.passages[local];
  return document.paragraphs[passage.paragraph].text.slice(passage.start, passage.end);
}

/** Whether the ascending `list` holds `value`. */
function contains(list: Int32Array, value: number): boolean {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low < list.length && list[low] === value;
}

/** How many of the passages score above `bound`, counting no further than `enough`. */
function countAbove(passages: readonly number[], score: Float64Array, bound: number, enough: number): number {
  let above = 0;
  for (let i = 0; i < passages.length && above < enough; i++) if (score[passages[i]] > bound) above++;
  return above;
}

/** The best few of many scored passages, without sorting them all. */
class TopCandidates {
  private readonly kept: Candidate[] = [];

  constructor(private readonly limit: number) {}

  offer(passage: number, coverage: number): void {
    const { kept, limit } = this;
    if (kept.length === limit && !isBetter(coverage, passage, kept[kept.length - 1])) return;
    let at = kept.length;
    while (at > 0 && isBetter(coverage, passage, kept[at - 1])) at--;
    kept.splice(at, 0, { passage, coverage });
    if (kept.length > limit) kept.pop();
  }

  sorted(): Candidate[] {
    return this.kept;
  }
}

function isBetter(coverage: number, passage: number, than: Candidate): boolean {
  return coverage > than.coverage || (coverage === than.coverage && passage < than.passage);
}

function buildSnapshot(documents: CorpusDocument[]): { snapshot: IndexSnapshot; termIds: Map<string, number>; vocabulary: Vocabulary } {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const pairs = new PassageTerms(terms, termIds);
  const { pairTerms, pairPassages } = pairs;
  const passageDocument = new GrowableInt32();
  const passageLocal = new GrowableInt32();
  documents.forEach((document, documentIndex) => {
    document.passages.forEach((p, local) => {
      pairs.add(document.paragraphs[p.paragraph].text.slice(p.start, p.end), passageDocument.length);
      passageDocument.push(documentIndex);
      passageLocal.push(local);
    });
  });
  const documentFrequency = new Int32Array(terms.length);
  for (let i = 0; i < pairTerms.length; i++) documentFrequency[pairTerms.at(i)]++;
  // The vocabulary reads the frequencies through this array, so the recount below reaches it too.
  const vocabulary = new Vocabulary(terms, documentFrequency);
  const repairs = vocabulary.ocrRepairs((term) => termIds.get(term));
  // A repaired fragment's passages are found under the real words as well.
  for (let i = 0, n = pairTerms.length; i < n; i++) {
    const extra = repairs.get(pairTerms.at(i));
    if (!extra) continue;
    for (const id of extra) {
      pairTerms.push(id);
      pairPassages.push(pairPassages.at(i));
    }
  }
  const { offsets, values } = groupByTerm(pairTerms, pairPassages, terms.length);
  // Recount after repairs, without double-counting a passage that has both the word and its fragment.
  for (let id = 0; id < terms.length; id++) documentFrequency[id] = offsets[id + 1] - offsets[id];
  const snapshot: IndexSnapshot = {
    terms,
    documentFrequency,
    passageDocument: passageDocument.toArray(),
    passageLocal: passageLocal.toArray(),
    postingList: postingsInMemory(offsets, values),
  };
  return { snapshot, termIds, vocabulary };
}

/** Counting sort of (term, passage) pairs into one postings array; passages ascending and unique per term. */
/**
 * The (term, passage) pairs of passages' words, each term once a passage; a word not met before gets the next term
 * number. Passages are added in ascending order.
 */
class PassageTerms {
  readonly pairTerms = new GrowableInt32();
  readonly pairPassages = new GrowableInt32();
  /** The passage each term was last seen in, so a term counts once per passage. */
  private lastPassageOfTerm: Int32Array;

  constructor(
    private readonly terms: string[],
    private readonly termIds: Map<string, number>,
  ) {
    this.lastPassageOfTerm = new Int32Array(Math.max(1 << 16, terms.length * 2)).fill(-1);
  }

  add(text: string, passage: number): void {
    scanTokens(normalizeForMatch(text), (_start, _end, term) => {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.termIds.set(term, id);
        this.terms.push(term);
        if (id === this.lastPassageOfTerm.length) {
          const bigger = new Int32Array(id * 2).fill(-1);
          bigger.set(this.lastPassageOfTerm);
          this.lastPassageOfTerm = bigger;
        }
      }
      if (this.lastPassageOfTerm[id] === passage) return;
      this.lastPassageOfTerm[id] = passage;
      this.pairTerms.push(id);
      this.pairPassages.push(passage);
    });
  }
}

function groupByTerm(pairTerms: GrowableInt32, pairPassages: GrowableInt32, termCount: number) {
  const counts = new Int32Array(termCount + 1);
  for (let i = 0; i < pairTerms.length; i++) counts[pairTerms.at(i) + 1]++;
  for (let id = 0; id < termCount; id++) counts[id + 1] += counts[id];
  const cursor = counts.slice(0, termCount);
  const grouped = new Int32Array(pairTerms.length);
  for (let i = 0; i < pairTerms.length; i++) grouped[cursor[pairTerms.at(i)]++] = pairPassages.at(i);
  // Pairs were added in passage order, then repairs at the end: sort each list and drop repeats.
  const offsets = new Int32Array(termCount + 1);
  let write = 0;
  for (let id = 0; id < termCount; id++) {
    const list = grouped.subarray(counts[id], counts[id + 1]);
    if (!isAscending(list)) list.sort();
    offsets[id] = write;
    for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[i - 1]) grouped[write++] = list[i];
  }
  offsets[termCount] = write;
  return { offsets, values: grouped.slice(0, write) };
}

function isAscending(list: Int32Array): boolean {
  for (let i = 1; i < list.length; i++) if (list[i] < list[i - 1]) return false;
  return true;
}

class GrowableInt32 {
  private buffer = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const bigger = new Int32Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.length++] = value;
  }

  at(index: number): number {
    return this.buffer[index];
  }

  toArray(): Int32Array {
    return this.buffer.slice(0, this.length);
  }
}
