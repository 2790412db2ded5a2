/**
 * Queries generated from the corpus with a fixed seed, each with the sentence it came from: phrases with typos
 * (a passage half-remembered) and shuffled rare keywords with a typo (a passage known by its subject).
 */
import { type Random, randomInt, seededRandom, shuffled } from './random';
import type { SentenceTable } from './sentences';
import { isPlainWord, queryWords, withTypo } from './words';

export type QueryKind = 'phrase' | 'keyword';
const QUERY_KINDS: readonly QueryKind[] = ['phrase', 'keyword'];

export interface Query {
  kind: QueryKind;
  text: string;
  /** Sentence id the query was made from. */
  source: number;
  /**
   * Sentences that hold the query's words exactly as the source does (the phrase in order, or every keyword),
   * source first. Any of them is a right answer: nothing in the query tells them apart.
   */
  answers: number[];
}

const QUERY_COUNTS: Record<QueryKind, number> = { phrase: 80, keyword: 60 };
const SEED = 20240917;
const MIN_SENTENCE_WORDS = 10;

export function generateQueries(table: SentenceTable): Query[] {
  const index = new WordIndex(table.texts);
  const eligible = (id: number) => queryWords(table.texts[id]).length >= MIN_SENTENCE_WORDS;
  return QUERY_KINDS.flatMap((kind, k) => {
    const random = seededRandom(SEED + k);
    const queries: Query[] = [];
    for (const id of shuffled(random, Array.from(table.texts.keys()))) {
      if (queries.length === QUERY_COUNTS[kind]) break;
      if (!eligible(id)) continue;
      const query = kind === 'phrase' ? phraseQuery(random, index, table.texts[id], id) : keywordQuery(random, index, table.texts[id], id);
      if (query) queries.push(query);
    }
    return queries;
  });
}

/** 5–9 consecutive words, 0–2 of them with a typo. */
function phraseQuery(random: Random, index: WordIndex, text: string, id: number): Query {
  const words = queryWords(text);
  const length = Math.min(words.length, 5 + randomInt(random, 5));
  const start = randomInt(random, words.length - length + 1);
  const phrase = words.slice(start, start + length);
  const typoAt = shuffled(
    random,
    phrase.flatMap((word, i) => (isPlainWord(word) ? [i] : [])),
  ).slice(0, randomInt(random, 3));
  const typed = phrase.map((word, i) => (typoAt.includes(i) ? withTypo(random, word) : word));
  return { kind: 'phrase', text: typed.join(' '), source: id, answers: index.holdingPhrase(phrase, id) };
}

/** 3–4 of the sentence's rarest words, out of their order, one with a typo; null when it has too few. */
function keywordQuery(random: Random, index: WordIndex, text: string, id: number): Query | null {
  const words = [...new Set(queryWords(text).filter(isPlainWord))];
  const count = 3 + randomInt(random, 2);
  if (words.length < count) return null;
  // Sorting is stable: among equally rare words the earlier one is taken.
  const keywords = [...words].sort((a, b) => index.frequency(a) - index.frequency(b)).slice(0, count);
  const inSentenceOrder = words.filter((word) => keywords.includes(word));
  let order = shuffled(random, keywords);
  while (order.join(' ') === inSentenceOrder.join(' ')) order = shuffled(random, keywords);
  const typoAt = randomInt(random, order.length);
  const typed = order.map((word, i) => (i === typoAt ? withTypo(random, word) : word));
  return { kind: 'keyword', text: typed.join(' '), source: id, answers: index.holdingAll(keywords, id) };
}

/** Which sentences hold which words, in the query's own word terms; postings ascending by sentence id. */
class WordIndex {
  private readonly ids = new Map<string, number>();
  private readonly offsets: Int32Array;
  private readonly postings: Int32Array;

  constructor(private readonly texts: string[]) {
    // Two passes over the text (count, then fill) keep memory to one postings array, even at ×100.
    const counts: number[] = [];
    this.forEachDistinctWord((word) => {
      let id = this.ids.get(word);
      if (id === undefined) this.ids.set(word, (id = counts.push(0) - 1));
      counts[id]++;
    });
    this.offsets = new Int32Array(counts.length + 1);
    counts.forEach((count, id) => (this.offsets[id + 1] = this.offsets[id] + count));
    this.postings = new Int32Array(this.offsets[counts.length]);
    const cursor = this.offsets.slice(0, counts.length);
    this.forEachDistinctWord((word, sentence) => (this.postings[cursor[this.ids.get(word)!]++] = sentence));
  }

  /** In how many sentences the word occurs. */
  frequency(word: string): number {
    const id = this.ids.get(word);
    return id === undefined ? 0 : this.offsets[id + 1] - this.offsets[id];
  }

  holdingAll(words: string[], source: number): number[] {
    return withSourceFirst(this.withAll(words), source);
  }

  holdingPhrase(phrase: string[], source: number): number[] {
    const joined = ` ${phrase.join(' ')} `;
    const holding = this.withAll(phrase).filter((id) => ` ${queryWords(this.texts[id]).join(' ')} `.includes(joined));
    return withSourceFirst(holding, source);
  }

  /** Sentences holding every one of the words, rarest word first so the lists shrink fast. */
  private withAll(words: string[]): number[] {
    const rarestFirst = [...new Set(words)].sort((a, b) => this.frequency(a) - this.frequency(b));
    let found = Array.from(this.postingsOf(rarestFirst[0]));
    for (const word of rarestFirst.slice(1)) found = intersectAscending(found, this.postingsOf(word));
    return found;
  }

  private postingsOf(word: string): Int32Array {
    const id = this.ids.get(word);
    return id === undefined ? new Int32Array(0) : this.postings.subarray(this.offsets[id], this.offsets[id + 1]);
  }

  private forEachDistinctWord(visit: (word: string, sentence: number) => void): void {
    this.texts.forEach((text, sentence) => {
      for (const word of new Set(queryWords(text))) visit(word, sentence);
    });
  }
}

function intersectAscending(a: number[], b: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return out;
}

function withSourceFirst(ids: number[], source: number): number[] {
  return [source, ...ids.filter((id) => id !== source)];
}
