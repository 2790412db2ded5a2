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

/** A freshly built index's arrays, as the build's worker thread sends them: every posting list in one array. */
export interface BuiltIndex extends Omit<IndexSnapshot, 'postingList'> {
  /** Term `id`'s passages are `postings[postingOffsets[id], postingOffsets[id + 1])`. */
  postingOffsets: Int32Array;
  postings: Int32Array;
}

/** A built index as a snapshot whose posting lists are held in memory. */
export function inMemorySnapshot({ postingOffsets, postings, ...rest }: BuiltIndex): IndexSnapshot {
  return { ...rest, postingList: (id) => postings.subarray(postingOffsets[id], postingOffsets[id + 1]) };
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
  /** Which passages a query has met already; all 0 between queries. */
  private readonly seen: Uint8Array;

  private constructor(
    readonly snapshot: IndexSnapshot,
    vocabulary?: Vocabulary,
  ) {
    const count = snapshot.passageDocument.length;
    // A fresh build made its vocabulary already (for OCR repairs), over the same arrays.
    this.lexicon = new Lexicon(snapshot.terms, snapshot.documentFrequency, count, vocabulary);
    this.seen = new Uint8Array(count);
  }

  static fromSnapshot(snapshot: IndexSnapshot): PassageIndex {
    return new PassageIndex(snapshot);
  }

  static build(documents: CorpusDocument[]): PassageIndex {
    const builder = new SnapshotBuilder();
    for (const document of documents) builder.add(document);
    return PassageIndex.built(builder);
  }

  /** The index a builder was given every document for. */
  static built(builder: SnapshotBuilder): PassageIndex {
    const { built, vocabulary } = builder.finish();
    return new PassageIndex(inMemorySnapshot(built), vocabulary);
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
    // Old passage → new number, -1 when its document goes; the removed passages' words are counted out.
    const passageIndex = new Int32Array(old.passageDocument.length).fill(-1);
    const passageDocument = new GrowableInt32();
    const passageLocal = new GrowableInt32();
    const removed = new PassageTerms(terms, 0);
    for (let p = 0; p < old.passageDocument.length; p++) {
      const document = documentIndex[old.passageDocument[p]];
      if (document === -1) {
        removed.add(passageText(oldDocuments[old.passageDocument[p]], old.passageLocal[p]));
        continue;
      }
      passageIndex[p] = passageDocument.length;
      passageDocument.push(document);
      passageLocal.push(old.passageLocal[p]);
    }
    const passageTerms = new PassageTerms(terms, passageDocument.length);
    added.forEach((document, a) =>
      document.passages.forEach((_, local) => {
        passageTerms.add(passageText(document, local));
        passageDocument.push(keptDocuments + a);
        passageLocal.push(local);
      }),
    );
    const addedPostings = groupByTerm(passageTerms, terms.length, new Map());
    const documentFrequency = new Int32Array(terms.length);
    documentFrequency.set(old.documentFrequency);
    for (let i = 0; i < removed.termsByPassage.length; i++) documentFrequency[removed.termsByPassage.at(i)]--;
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
    return new PassageIndex(snapshot, new Vocabulary(terms, documentFrequency));
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
   * Max-score pruning. The words are read rarest first, and each new passage they bring in is scored in full at
   * once, by looking it up in the other words' ascending lists (skipping ahead, never reading them whole); that
   * raises the score to beat, the `limit`-th best so far. A passage is dropped as soon as the words still to look
   * up cannot lift it to that score, and the reading stops once the words not yet read, with the common ones, weigh
   * less than it together: no passage that only they hold could enter. The result is the same as reading every list
   * whole; on a large corpus a phrase of common words reads a small fraction of it.
   */
  candidates(terms: QueryTerm[], limit: number): Candidate[] {
    if (terms.some((t) => t.identifier && t.variants.length === 0)) return [];
    const totalWeight = terms.reduce((sum, t) => sum + t.idf, 0);
    if (totalWeight === 0 || limit <= 0) return [];
    const groups = this.termGroups(terms);
    const best = new TopCandidates(limit);
    const required = groups.filter((g) => g.identifier);
    // Every identifier must be met: the passages of the one with the fewest are all that may qualify.
    const reading =
      required.length > 0
        ? [required.reduce((a, b) => (postingCount(b) < postingCount(a) ? b : a))]
        : groups.filter((g) => g.admits).sort((a, b) => postingCount(a) - postingCount(b));
    let unread = groups;
    const scored: Int32Array[] = [];
    for (const group of reading) {
      // A passage not scored yet is on no list read so far: only the unread groups can add to it.
      if (unread.reduce((sum, g) => sum + g.bound, 0) < best.threshold() * totalWeight * (1 - BOUND_SLACK)) break;
      const passages = this.gather(group);
      this.scoreFound(passages, unread, totalWeight, best);
      scored.push(passages);
      unread = unread.filter((g) => g !== group);
    }
    for (const passages of scored) for (const passage of passages) this.seen[passage] = 0;
    return best.sorted();
  }

  /**
   * The query's words as groups of posting lists, highest weight first: a passage scores, for each group it appears
   * in, the best weight among the group's lists that hold it. Words in more than COMMON_SHARE of passages bring no
   * passage in (unless every word is that common), so a word's common variants form a group of their own.
   */
  private termGroups(terms: QueryTerm[]): TermGroup[] {
    const { documentFrequency } = this.snapshot;
    const commonDf = Math.max(2, this.passageCount * COMMON_SHARE);
    const isCommon = (term: QueryTerm, variant: TermVariant) => !term.identifier && documentFrequency[variant.term] > commonDf;
    const anySelective = terms.some((t) => t.variants.some((v) => !isCommon(t, v)));
    const groups: TermGroup[] = [];
    for (const admits of anySelective ? [true, false] : [true]) {
      for (const term of terms) {
        const lists = term.variants
          .filter((v) => !anySelective || isCommon(term, v) !== admits)
          .map((v) => ({ passages: this.snapshot.postingList(v.term), weight: v.weight * term.idf, at: 0 }))
          .filter((list) => list.passages.length > 0)
          .sort((a, b) => b.weight - a.weight);
        if (lists.length > 0) groups.push({ lists, bound: lists[0].weight, admits, identifier: term.identifier });
      }
    }
    // Highest weight first: a passage's score is summed in this order, and the words that can lift it most are
    // looked up before the ones that decide least.
    return groups.sort((a, b) => b.bound - a.bound);
  }

  /**
   * The passages on the group's lists that no list read before brought in, ascending; marks them in `seen` (1), which
   * the caller clears once the query is answered.
   */
  private gather(group: TermGroup): Int32Array {
    const { seen } = this;
    const found: number[] = [];
    for (const { passages } of group.lists) {
      for (let i = 0; i < passages.length; i++) {
        const passage = passages[i];
        if (seen[passage] !== 0) continue;
        seen[passage] = NEW;
        found.push(passage);
      }
    }
    // One list is in order already; the union of many is put in order by sorting, or when large by a pass over all.
    const sorted = new Int32Array(found.length);
    if (group.lists.length === 1 || found.length * Math.log2(found.length + 1) < seen.length / 4) {
      sorted.set(found);
      if (group.lists.length > 1) sorted.sort();
      for (const passage of found) seen[passage] = SCORED;
    } else {
      for (let passage = 0, n = 0; n < found.length; passage++) {
        if (seen[passage] !== NEW) continue;
        seen[passage] = SCORED;
        sorted[n++] = passage;
      }
    }
    return sorted;
  }

  /**
   * Scores the passages (ascending) against the groups (every group that may hold them) and offers each to `best`,
   * dropping a passage once the groups still to look up cannot lift it to `best`'s threshold, and one that misses an
   * identifier.
   */
  private scoreFound(passages: Int32Array, groups: TermGroup[], totalWeight: number, best: TopCandidates): void {
    // What the groups from each one on can add at most.
    const remaining = new Float64Array(groups.length + 1);
    for (let g = groups.length - 1; g >= 0; g--) remaining[g] = remaining[g + 1] + groups[g].bound;
    for (const group of groups) for (const list of group.lists) list.at = 0;
    let toBeat = best.threshold() * totalWeight * (1 - BOUND_SLACK);
    for (const passage of passages) {
      let score = 0;
      let g = 0;
      for (; g < groups.length; g++) {
        if (score + remaining[g] < toBeat) break;
        const group = groups[g];
        let weight = 0;
        for (const list of group.lists) {
          list.at = skipTo(list.passages, list.at, passage);
          if (list.at < list.passages.length && list.passages[list.at] === passage) {
            // Lists are sorted by weight: the first that holds the passage gives the group's weight.
            weight = list.weight;
            break;
          }
        }
        if (weight === 0 && group.identifier) break;
        score += weight;
      }
      if (g < groups.length || score === 0) continue;
      if (best.offer(passage, score / totalWeight)) toBeat = best.threshold() * totalWeight * (1 - BOUND_SLACK);
    }
  }
}

function passageText(document: CorpusDocument, local: number): string {
  const passage = document.passages[local];
  return document.paragraphs[passage.paragraph].text.slice(passage.start, passage.end);
}

/**
 * A bound is compared with a sum of the same weights added in another order, which may differ in the last bits:
 * this share of slack keeps such a passage rather than dropping it.
 */
const BOUND_SLACK = 1e-9;

/** Marks in PassageIndex.seen while a query is read: a passage scored already, or just brought in by a list. */
const SCORED = 1;
const NEW = 2;

/** One query word's (or its common variants') posting lists, each with the weight a passage on it scores. */
interface TermGroup {
  /** Highest weight first. */
  lists: Array<{ passages: Int32Array; weight: number; /** Read position while scoring passages in order. */ at: number }>;
  /** The most a passage can score from this group. */
  bound: number;
  /** Whether the group may bring a passage in; a common word's group only adds to passages brought in by others. */
  admits: boolean;
  identifier: boolean;
}

function postingCount(group: TermGroup): number {
  return group.lists.reduce((sum, list) => sum + list.passages.length, 0);
}

/** The first position from `at` in the ascending `list` whose value is at least `value`: gallops, then halves. */
function skipTo(list: Int32Array, at: number, value: number): number {
  const to = list.length;
  if (at >= to || list[at] >= value) return at;
  let low = at;
  let step = 1;
  while (low + step < to && list[low + step] < value) {
    low += step;
    step *= 2;
  }
  let high = Math.min(low + step, to);
  low++;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The best few of many scored passages, without sorting them all. */
class TopCandidates {
  private readonly kept: Candidate[] = [];

  constructor(private readonly limit: number) {}

  /** Keeps the passage if it is among the best so far; says whether it was. */
  offer(passage: number, coverage: number): boolean {
    const { kept, limit } = this;
    if (kept.length === limit && !isBetter(coverage, passage, kept[kept.length - 1])) return false;
    let at = kept.length;
    while (at > 0 && isBetter(coverage, passage, kept[at - 1])) at--;
    kept.splice(at, 0, { passage, coverage });
    if (kept.length > limit) kept.pop();
    return true;
  }

  /** The coverage a passage must reach to be kept: the worst kept one's once `limit` are kept, 0 before. */
  threshold(): number {
    return this.kept.length === this.limit ? this.kept[this.limit - 1].coverage : 0;
  }

  sorted(): Candidate[] {
    return this.kept;
  }
}

function isBetter(coverage: number, passage: number, than: Candidate): boolean {
  return coverage > than.coverage || (coverage === than.coverage && passage < than.passage);
}

/** A fresh index built document by document, in the corpus's order (on a worker thread, see indexBuild.ts). */
export class SnapshotBuilder {
  private readonly terms: string[] = [];
  private readonly passageTerms = new PassageTerms(this.terms, 0);
  private readonly passageDocument = new GrowableInt32();
  private readonly passageLocal = new GrowableInt32();
  private documents = 0;

  add(document: CorpusDocument): void {
    const { passages, paragraphs } = document;
    this.addTexts(passages.length, (local) => {
      const p = passages[local];
      return paragraphs[p.paragraph].text.slice(p.start, p.end);
    });
  }

  /** Adds the next document by the texts of its passages, in order. */
  addTexts(passageCount: number, textOf: (local: number) => string): void {
    const documentIndex = this.documents++;
    for (let local = 0; local < passageCount; local++) {
      this.passageTerms.add(textOf(local));
      this.passageDocument.push(documentIndex);
      this.passageLocal.push(local);
    }
  }

  finish(): { built: BuiltIndex; vocabulary: Vocabulary } {
    const { terms, passageTerms } = this;
    const { termsByPassage } = this.passageTerms;
    const documentFrequency = new Int32Array(terms.length);
    for (let i = 0; i < termsByPassage.length; i++) documentFrequency[termsByPassage.at(i)]++;
    // The vocabulary reads the frequencies through this array, so the recount below reaches it too.
    const vocabulary = new Vocabulary(terms, documentFrequency);
    const repairs = vocabulary.ocrRepairs((term) => passageTerms.idOf(term));
    // A repaired fragment's passages are found under the real words as well.
    const { offsets, values } = groupByTerm(this.passageTerms, terms.length, repairs);
    // Recount after repairs, without double-counting a passage that has both the word and its fragment.
    for (let id = 0; id < terms.length; id++) documentFrequency[id] = offsets[id + 1] - offsets[id];
    const built: BuiltIndex = {
      terms,
      documentFrequency,
      postingOffsets: offsets,
      postings: values,
      passageDocument: this.passageDocument.toArray(),
      passageLocal: this.passageLocal.toArray(),
    };
    return { built, vocabulary };
  }
}

/**
 * The terms of passages' words, each term once a passage, passage after passage; a word not met before gets the next
 * term number. Passages are numbered from `firstPassage` on, in the order added.
 */
class PassageTerms {
  /** Each passage's terms in turn: passage `firstPassage + i` has those from `passageEnds[i - 1]` to `passageEnds[i]`. */
  readonly termsByPassage = new GrowableInt32();
  readonly passageEnds = new GrowableInt32();
  /** The passage each term was last seen in, so a term counts once per passage. */
  private lastPassageOfTerm: Int32Array;
  private readonly ids: TermTable;

  constructor(
    terms: string[],
    readonly firstPassage: number,
  ) {
    this.ids = new TermTable(terms);
    this.lastPassageOfTerm = new Int32Array(Math.max(1 << 16, terms.length * 2)).fill(-1);
  }

  /** A term's id, or undefined when no passage added so far (nor the terms given at first) has it. */
  idOf(term: string): number | undefined {
    return this.ids.idOf(term);
  }

  add(text: string): void {
    const passage = this.firstPassage + this.passageEnds.length;
    scanTokens(normalizeForMatch(text), (_start, _end, term) => {
      const id = this.ids.idFor(term);
      if (id === this.lastPassageOfTerm.length) {
        const bigger = new Int32Array(id * 2).fill(-1);
        bigger.set(this.lastPassageOfTerm);
        this.lastPassageOfTerm = bigger;
      }
      if (this.lastPassageOfTerm[id] === passage) return;
      this.lastPassageOfTerm[id] = passage;
      this.termsByPassage.push(id);
    });
    this.passageEnds.push(this.termsByPassage.length);
  }
}

/**
 * Term ids by their text, over a list of terms that it extends with each term not met before: an open-addressing
 * table of 32-bit hashes, which the build's loop over every word of the corpus reads about twice as fast as a Map.
 */
class TermTable {
  private slots: Int32Array;
  private readonly hashes = new GrowableInt32();

  constructor(private readonly terms: string[]) {
    this.slots = new Int32Array(tableSize(terms.length)).fill(-1);
    terms.forEach((term, id) => {
      this.hashes.push(hashOf(term));
      this.place(id);
    });
  }

  idOf(term: string): number | undefined {
    const slot = this.slotOf(term, hashOf(term));
    return slot === -1 ? undefined : this.slots[slot];
  }

  /** The term's id, a new one when the term is new. */
  idFor(term: string): number {
    const hash = hashOf(term);
    const found = this.slotOf(term, hash);
    if (found !== -1) return this.slots[found];
    const id = this.terms.length;
    this.terms.push(term);
    this.hashes.push(hash);
    if (tableSize(this.terms.length) > this.slots.length) {
      this.slots = new Int32Array(tableSize(this.terms.length)).fill(-1);
      for (let other = 0; other < id; other++) this.place(other);
    }
    this.place(id);
    return id;
  }

  /** The slot holding the term, or -1. */
  private slotOf(term: string, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot];
      if (id === -1) return -1;
      if (this.hashes.at(id) === hash && this.terms[id] === term) return slot;
    }
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes.at(id) & mask;
    while (this.slots[slot] !== -1) slot = (slot + 1) & mask;
    this.slots[slot] = id;
  }
}

/** Slots for this many terms: a power of two, at most half full. */
function tableSize(terms: number): number {
  let size = 1 << 16;
  while (size < terms * 2) size *= 2;
  return size;
}

/** FNV-1a over the UTF-16 units. */
function hashOf(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
  return hash;
}

/**
 * Counting sort of the passages' terms into one postings array, passages ascending and unique per term; a passage
 * holding a term also counts under the terms `repairs` gives for it (once, though it may hold the word as well).
 */
function groupByTerm(passageTerms: PassageTerms, termCount: number, repairs: ReadonlyMap<number, readonly number[]>) {
  const { termsByPassage, passageEnds, firstPassage } = passageTerms;
  const repaired = new Uint8Array(termCount);
  for (const term of repairs.keys()) repaired[term] = 1;
  /** The passage last put in each term's list. */
  const last = new Int32Array(termCount);
  /** Calls `put` for each (term, passage) pair once, passages ascending. */
  const forEachPair = (put: (term: number, passage: number) => void) => {
    last.fill(-1);
    const once = (term: number, passage: number) => {
      if (last[term] === passage) return;
      last[term] = passage;
      put(term, passage);
    };
    for (let p = 0, i = 0; p < passageEnds.length; p++) {
      const passage = firstPassage + p;
      for (const end = passageEnds.at(p); i < end; i++) {
        const term = termsByPassage.at(i);
        once(term, passage);
        if (repaired[term]) for (const id of repairs.get(term)!) once(id, passage);
      }
    }
  };
  const offsets = new Int32Array(termCount + 1);
  forEachPair((term) => offsets[term + 1]++);
  for (let id = 0; id < termCount; id++) offsets[id + 1] += offsets[id];
  const cursor = offsets.slice(0, termCount);
  const values = new Int32Array(offsets[termCount]);
  forEachPair((term, passage) => (values[cursor[term]++] = passage));
  return { offsets, values };
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
