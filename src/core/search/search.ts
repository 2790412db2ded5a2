/**
 * Search over passages: the candidate index picks a few dozen passages, Fuse.js ranks them (typo-tolerant,
 * word by word) and gives the ranges to highlight, and word order lifts passages that hold the query as a phrase.
 */
import Fuse from 'fuse.js';
import { pageOf } from '../corpus/pages';
import type { CorpusDocument, SearchMatch, CorpusPlace } from '../types';
import { normalizeForMatch } from '../text/normalize';
import { tokenize } from '../text/tokenize';
import type { Lexicon, QueryTerm } from './lexicon';
import type { PassageIndex } from './passageIndex';

export interface SearchOptions {
  limit?: number;
}

/**
 * Passages chosen by the index, then narrowed by word order to the texts Fuse.js ranks (copies of a text count once).
 * Fuse.js takes most of a query's time once candidates are chosen; ranking 20 rather than 30 left recall unchanged on
 * ungd, ungd-all, ×8 and ×10.
 */
export const WIDE_CANDIDATES = 100;
const RANKED_CANDIDATES = 20;
const WEIGHT_COVERAGE = 0.5;
const WEIGHT_FUSE = 0.3;
const WEIGHT_ORDER = 0.2;

const FUSE_OPTIONS = {
  includeScore: true,
  includeMatches: true,
  ignoreLocation: true,
  useTokenSearch: true,
  threshold: 0.4,
  minMatchCharLength: 2,
};

/** A candidate passage, wherever it is kept (the local index, a database server), as ranking needs it. */
export interface FoundPassage extends CorpusPlace {
  /** Its place in the corpus: between equal scores, the earlier passage comes first. */
  order: number;
  /** Share of the query's weight the passage matched, 0 to 1 (see PassageIndex.candidates). */
  coverage: number;
  /** The paragraph it belongs to. */
  context: string;
  page: number | null;
}

export function searchPassages(
  index: PassageIndex,
  documents: readonly CorpusDocument[],
  query: string,
  options: SearchOptions = {},
): SearchMatch[] {
  const limit = options.limit ?? 10;
  const reading = readSearchQuery(index.lexicon, query);
  if (reading.terms.length === 0) return [];
  const found = index.candidates(reading.terms, Math.max(WIDE_CANDIDATES, limit)).map(({ passage, coverage }): FoundPassage => {
    const { document, passage: p, text } = index.passageIn(documents, passage);
    return {
      order: passage,
      coverage,
      text,
      context: document.paragraphs[p.paragraph].text,
      file: document.file,
      range: p.range,
      title: document.meta.title,
      date: document.meta.date,
      speaker: document.meta.speaker,
      page: pageOf(document, p.range.startLine),
    };
  });
  return rankPassages(index.lexicon, reading, found, limit);
}

/** A search query as read against a corpus's words: the terms that choose and rank passages, and the numbers none holds. */
export interface SearchReading {
  query: string;
  terms: QueryTerm[];
  /** Numbers of the query that no passage holds (normalised), left out of `terms`. */
  unmatched: string[];
}

/**
 * Numbers match exactly; one that no passage holds would leave nothing, so the closest passages are shown without
 * it, each saying which numbers it lacks.
 */
export function readSearchQuery(lexicon: Lexicon, query: string): SearchReading {
  const typed = lexicon.analyze(query);
  const unmatched = typed.filter((term) => term.identifier && term.variants.length === 0);
  const terms = unmatched.length === 0 ? typed : typed.filter((term) => !unmatched.includes(term));
  return { query, terms, unmatched: unmatched.map((term) => term.text) };
}

/**
 * Ranks the candidates the index chose: word order narrows them to those Fuse.js ranks (typo-tolerant, word by
 * word), which also gives the ranges to highlight.
 */
export function rankPassages(lexicon: Lexicon, reading: SearchReading, found: FoundPassage[], limit: number): SearchMatch[] {
  const termVariants = variantsByTerm(lexicon, reading.terms);
  // Many passages may hold the query's words (copies, set phrases); word order picks those worth Fuse.js's time. A
  // text is ranked once for all its copies (a passage filed in several statements), so that copies of one text do
  // not crowd the others out of the few Fuse.js ranks.
  const scored = found
    .map((candidate) => {
      const normalized = normalizeForMatch(candidate.text);
      const prescore = WEIGHT_COVERAGE * Math.min(1, candidate.coverage) + WEIGHT_ORDER * orderAgreement(normalized, termVariants);
      return { found: candidate, normalized, prescore };
    })
    .sort((a, b) => b.prescore - a.prescore || a.found.order - b.found.order);
  const texts: Array<{ normalized: string; prescore: number; copies: FoundPassage[] }> = [];
  const textAt = new Map<string, number>();
  for (const { found: passage, normalized, prescore } of scored) {
    const at = textAt.get(normalized);
    if (at !== undefined) texts[at].copies.push(passage);
    else if (texts.length < Math.max(RANKED_CANDIDATES, limit)) {
      textAt.set(normalized, texts.length);
      texts.push({ normalized, prescore, copies: [passage] });
    }
  }
  if (texts.length === 0) return [];
  const fuse = new Fuse(
    texts.map((t) => t.normalized),
    FUSE_OPTIONS,
  );
  const fuseQuery = withoutTerms(normalizeForMatch(reading.query), new Set(reading.unmatched));
  const fuseResults = new Map(fuse.search(fuseQuery).map((result) => [result.refIndex, result]));
  const ranked = texts.map((text, i) => {
    const fuseResult = fuseResults.get(i);
    const fuseSimilarity = fuseResult ? 1 - (fuseResult.score ?? 1) : 0;
    const score = text.prescore + WEIGHT_FUSE * fuseSimilarity;
    const matches: Array<[number, number]> = (fuseResult?.matches ?? [])
      .flatMap((match) => match.indices.map(([start, end]): [number, number] => [start, end + 1]))
      .sort((a, b) => a[0] - b[0]);
    return { copies: text.copies, score, matches };
  });
  const listed = ranked
    .flatMap(({ copies, score, matches }) => copies.map((passage) => ({ passage, score, matches })))
    .sort((a, b) => b.score - a.score || a.passage.order - b.passage.order)
    .map(({ passage, score, matches }): SearchMatch => {
      const { text, context, file, range, title, date, speaker, page } = passage;
      return {
        text,
        context,
        matches,
        score: Math.round(score * 1000) / 1000,
        file,
        range,
        title,
        date,
        speaker,
        page,
        ...(reading.unmatched.length > 0 && { unmatched: reading.unmatched }),
      };
    });
  return distinctFirst(listed, limit);
}

/**
 * The best `limit` of matches ranked best first, each text once before the further copies of any (a passage filed in
 * several statements): the first results are different passages, and the copies follow.
 */
export function distinctFirst(matches: SearchMatch[], limit: number): SearchMatch[] {
  const seen = new Set<string>();
  const firsts: SearchMatch[] = [];
  const copies: SearchMatch[] = [];
  for (const match of matches) {
    const text = normalizeForMatch(match.text);
    (seen.has(text) ? copies : firsts).push(match);
    seen.add(text);
  }
  return [...firsts, ...copies].slice(0, limit);
}

/** What to tell a reader whose query held numbers no passage holds: the results are the closest without them. */
export function describeUnmatched(numbers: readonly string[]): string {
  const list = numbers.length === 1 ? numbers[0] : `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
  return `No passage holds ${list}; the closest passages without ${numbers.length === 1 ? 'it' : 'them'}`;
}

/** The normalised query without the tokens that stand for `terms`. */
function withoutTerms(normalized: string, terms: ReadonlySet<string>): string {
  if (terms.size === 0) return normalized;
  return tokenize(normalized)
    .filter((token) => !terms.has(token.term))
    .map((token) => normalized.slice(token.start, token.end))
    .join(' ');
}

/** For each query word, the corpus words that count as it. */
function variantsByTerm(lexicon: Lexicon, terms: QueryTerm[]): Array<Set<string>> {
  return terms.map((term) => new Set([term.text, ...term.variants.map((v) => lexicon.terms[v.term])]));
}

/**
 * How much of the query the passage holds as a phrase: for each pair of consecutive query words, 1 when they stand
 * side by side in that order, ½ when one word comes between them.
 */
function orderAgreement(normalizedText: string, termVariants: Array<Set<string>>): number {
  if (termVariants.length < 2) return 0;
  const words = tokenize(normalizedText).map((token) => token.term);
  let agreeing = 0;
  for (let q = 0; q + 1 < termVariants.length; q++) {
    let best = 0;
    for (let w = 0; w + 1 < words.length && best < 1; w++) {
      if (!termVariants[q].has(words[w])) continue;
      if (termVariants[q + 1].has(words[w + 1])) best = 1;
      else if (termVariants[q + 1].has(words[w + 2])) best = 0.5;
    }
    agreeing += best;
  }
  return agreeing / (termVariants.length - 1);
}
