/**
 * Which facts a query's words point to: an inverted index over the words of each fact's fields (subject, relation
 * and the words that ask for it, actor, what is counted, object, the sentence), each word weighted by its field and
 * its rarity.
 * A query word counts for a fact word it equals, begins (the word being typed) or misses by one typo.
 */
import { boundedEditDistance } from '../search/editDistance';
import { normalizeForMatch } from '../text/normalize';
import { tokenize } from '../text/tokenize';

export type FactField = 'subject' | 'relation' | 'actor' | 'counted' | 'object' | 'text';

/** The sentence's other words count a little: "japan supplementary budget". */
const FIELD_WEIGHTS: Record<FactField, number> = { subject: 3, relation: 2, actor: 1.5, counted: 1.5, object: 1, text: 0.3 };
const MIN_PREFIX = 3;
const MIN_TYPO_LENGTH = 4;

function termsOf(text: string): string[] {
  return tokenize(normalizeForMatch(text)).map((token) => token.term);
}

export class FactTermIndex {
  /** For each word, the facts holding it and the weight of the heaviest field it stands in there. */
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly factCount: number;

  /** `factCount`: how many facts the corpus has, when these are only some of them (a server's candidates). */
  constructor(fields: Array<Record<FactField, string>>, factCount = fields.length) {
    this.factCount = factCount;
    fields.forEach((record, fact) => {
      for (const field of Object.keys(FIELD_WEIGHTS) as FactField[]) {
        for (const word of termsOf(record[field])) {
          let posting = this.postings.get(word);
          if (!posting) this.postings.set(word, (posting = new Map<number, number>()));
          posting.set(fact, Math.max(posting.get(fact) ?? 0, FIELD_WEIGHTS[field]));
        }
      }
    });
  }

  /** Facts scored by how much of the query they hold: for each query word, its best field weight × rarity. */
  score(query: string): Map<number, number> {
    const scores = new Map<number, number>();
    for (const queryWord of new Set(termsOf(query))) {
      const best = new Map<number, number>();
      for (const [word, posting] of this.postings) {
        const closeness = this.closeness(queryWord, word);
        if (closeness === 0) continue;
        const rarity = Math.log(1 + this.factCount / posting.size);
        for (const [fact, weight] of posting) best.set(fact, Math.max(best.get(fact) ?? 0, closeness * weight * rarity));
      }
      for (const [fact, value] of best) scores.set(fact, (scores.get(fact) ?? 0) + value);
    }
    return scores;
  }

  /** 1 for the same word, less for the word being typed or a typo, 0 for another word. */
  private closeness(queryWord: string, word: string): number {
    if (queryWord === word) return 1;
    if (queryWord.length >= MIN_PREFIX && word.startsWith(queryWord)) return 0.8;
    if (queryWord.length >= MIN_TYPO_LENGTH && boundedEditDistance(queryWord, word, 1) <= 1) return 0.7;
    return 0;
  }
}
