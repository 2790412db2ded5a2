/**
 * The corpus's words and how many passages use each: what a query is read against. The local index builds it from
 * its postings; a database corpus from the word counts the server keeps. Both read queries the same way.
 */
import { normalizeForMatch } from '../text/normalize';
import { isIdentifier, tokenize } from '../text/tokenize';
import { type TermVariant, Vocabulary } from './vocabulary';

export interface QueryTerm {
  /** The word as typed (normalised). */
  text: string;
  identifier: boolean;
  variants: TermVariant[];
  idf: number;
}

/** A word used at most this often may itself be a typo in the corpus, so its neighbours are searched too. */
const TYPO_MAX_DF = 2;

export class Lexicon {
  readonly vocabulary: Vocabulary;
  private readonly termIds: Map<string, number>;

  constructor(
    readonly terms: string[],
    readonly documentFrequency: Int32Array,
    readonly passageCount: number,
    /** The vocabulary a fresh build of the local index made already (for OCR repairs), over the same arrays. */
    vocabulary?: Vocabulary,
  ) {
    this.termIds = new Map(terms.map((term, id) => [term, id]));
    this.vocabulary = vocabulary ?? new Vocabulary(terms, documentFrequency);
  }

  /** A term's id, or undefined when the corpus never uses it. */
  idOf(term: string): number | undefined {
    return this.termIds.get(term);
  }

  /** How many passages hold a term (normalised), 0 when none does. */
  passagesWith(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.documentFrequency[id];
  }

  /** How telling a term (normalised) is: its IDF; a term the corpus lacks weighs as one used once. */
  idfOfTerm(term: string): number {
    const id = this.termIds.get(term);
    return this.idfOfFrequency(id === undefined ? 1 : this.documentFrequency[id]);
  }

  idf(term: number): number {
    return this.idfOfFrequency(this.documentFrequency[term]);
  }

  idfOfFrequency(df: number): number {
    return inverseFrequency(df, this.passageCount);
  }

  /** The query's words with the corpus terms each may stand for. */
  analyze(query: string): QueryTerm[] {
    const normalized = normalizeForMatch(query);
    const tokens = tokenize(normalized);
    const stillTyping = tokens.length > 0 && tokens[tokens.length - 1].end === normalized.length;
    const seen = new Set<string>();
    const terms: QueryTerm[] = [];
    tokens.forEach((token, index) => {
      if (seen.has(token.term)) return;
      seen.add(token.term);
      const known = this.termIds.get(token.term);
      // A term whose passages were all taken out by an update is no longer in the corpus.
      const exact = known !== undefined && this.documentFrequency[known] > 0 ? known : undefined;
      const identifier = isIdentifier(token.term);
      const variants: TermVariant[] = exact === undefined ? [] : [{ term: exact, weight: 1 }];
      // A word the corpus knows is taken as meant; only an unknown or barely used one may be a typo.
      const maybeTypo = exact === undefined || this.documentFrequency[exact] <= TYPO_MAX_DF;
      if (!identifier && maybeTypo) variants.push(...this.vocabulary.typoVariants(token.term, exact));
      // A word typed short of its end ("eas" for "east"), or the word still being typed, stands for its completions.
      const truncated = exact === undefined && token.term.length === 3;
      if (!identifier && (truncated || (stillTyping && index === tokens.length - 1))) {
        variants.push(...this.vocabulary.prefixVariants(token.term, exact));
      }
      // A misspelt word weighs as the words it may stand for; one the corpus lacks entirely, as a rare word.
      const idf =
        exact !== undefined
          ? this.idf(exact)
          : variants.length > 0
            ? Math.max(...variants.map((v) => this.idf(v.term)))
            : this.idfOfFrequency(1);
      terms.push({ text: token.term, identifier, variants, idf });
    });
    return terms;
  }
}

/** The IDF of a term `df` of `passages` passages hold (BM25's): however the counts were gathered, one formula. */
export function inverseFrequency(df: number, passages: number): number {
  return Math.log(1 + (passages - df + 0.5) / (df + 0.5));
}
