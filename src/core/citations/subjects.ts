/**
 * What a Security Council resolution is about, as the corpus says when it cites it: the words written around its
 * citations, and the phrase it is named by ("resolution 1325 (2000) on women and peace and security"). The
 * registry's title — a user's, or the agenda item it was adopted under — counts as one more citation of it, and
 * names it when the corpus does not. The agenda item alone is too coarse: 2331's is "Maintenance of international
 * peace and security".
 */
import { normalizeForMatch } from '../text/normalize';
import { isIdentifier, tokenize } from '../text/tokenize';
import { citationProblem } from './diagnose';
import { extractCitations } from './extract';
import type { ResolutionRegistry } from './registry';

/** What the corpus gives: its sentences that hold a number as a word, and how telling a word is. */
export interface CitingCorpus {
  /** The corpus's sentences that hold the number as a word, read as they are asked for. */
  sentencesWith(number: number): Iterable<string>;
  /** A term's IDF; a term the corpus lacks weighs as one used once, the most. */
  idf(term: string): number;
}

export interface ResolutionSubject {
  /** How many corpus citations of it (citing a right year, or none) the words come from. */
  citations: number;
  /** "the resolution on women and peace and security" (the corpus's words), or its title in a user's registry file. */
  named: string | null;
  /** 'adopted under the agenda item "Non-proliferation"' (the shipped table's), when nothing names it better. */
  agendaItem: string | null;
}

interface Mention {
  words: Set<string>;
  /** The phrase it is named by, as written, and its key for counting ("women and peace and security"). */
  phrase: { text: string; key: string } | null;
  /** The citation as found, to be left out when the registry says its year or date is wrong. */
  wrong: (registry: ResolutionRegistry) => boolean;
}

/** More sentences that may cite it than this add nothing to what a resolution is about, and cost time. */
const SENTENCES_READ = 300;
/** Words around a citation that speak of it, not of citing in general. */
const WORDS_BEFORE = 120;
const WORDS_AFTER = 200;
/** Words every citation shares: they tell no resolution from another. */
const CITING_WORDS = new Set([
  'resolution',
  'resolutions',
  'security',
  'council',
  'general',
  'assembly',
  'adopted',
  'un',
  'united',
  'nations',
  'unscr',
  'scr',
  's',
  'res',
]);
/** Words that end the phrase a citation is named by: a verb, a relative, the next item of a list. */
const PHRASE_END = [
  'which|that|who|adopted|as|was|were|is|are|has|have|had|remains?',
  'must|will|shall|should|would|can|could|calls?|urges?',
  String.raw`and\s+(?:its|their|all|other|subsequent|related|the|resolutions?)`,
].join('|');
const NAMING_PHRASE = new RegExp(
  String.raw`^\s*,?\s*(?:on|concerning|regarding)\s+([^,.;:()\n]{3,90}?)(?=\s*[,.;:()\n]|\s+(?:${PHRASE_END})\b|\s*$)`,
);
const MAX_PHRASE_WORDS = 9;
/** A sentence that holds a number but none of these cites nothing: it is not read for citations (2015 is a year too). */
const CITING = /resolution|SCR|S\/RES/i;

/** Answers kept per registry (a user's file changes which citations are wrong): re-checks ask the same again. */
interface Answers {
  subjects: Map<number, ResolutionSubject>;
  fits: Map<string, number>;
}
const REMEMBERED_FITS = 50000;

export class ResolutionSubjects {
  private readonly mentions = new Map<number, Mention[]>();
  private readonly answers = new WeakMap<ResolutionRegistry, Answers>();
  private lastWords: { sentence: string; words: Set<string> } | null = null;

  constructor(private readonly corpus: CitingCorpus) {}

  /** What resolution N is about, by the corpus and the registry. */
  subject(number: number, registry: ResolutionRegistry): ResolutionSubject {
    const { subjects } = this.answersFor(registry);
    let subject = subjects.get(number);
    if (!subject) subjects.set(number, (subject = this.readSubject(number, registry)));
    return subject;
  }

  private readSubject(number: number, registry: ResolutionRegistry): ResolutionSubject {
    const mentions = this.rightMentions(number, registry);
    const named = commonPhrase(mentions.flatMap((m) => (m.phrase ? [m.phrase] : [])));
    const entry = registry.entry(number);
    return {
      citations: mentions.length,
      named: named ? `the resolution on ${named}` : entry?.titleKind === 'title' ? `"${entry.title}"` : null,
      agendaItem: entry?.titleKind === 'agenda-item' ? `adopted under the agenda item "${entry.title}"` : null,
    };
  }

  /**
   * How much of what a sentence says the corpus also writes around resolution N's citations, in rare words: each of
   * the sentence's words counts by the share of N's citations (and its registry title) that use it, weighted by its
   * IDF against the rarest word's — so 2 is as if two words found nowhere else were used at every citation of N.
   */
  fit(sentence: string, number: number, registry: ResolutionRegistry): number {
    const { fits } = this.answersFor(registry);
    const key = `${number}\u0000${sentence}`;
    let fit = fits.get(key);
    if (fit === undefined) {
      if (fits.size >= REMEMBERED_FITS) fits.clear();
      fits.set(key, (fit = this.readFit(sentence, number, registry)));
    }
    return fit;
  }

  private answersFor(registry: ResolutionRegistry): Answers {
    let answers = this.answers.get(registry);
    if (!answers) this.answers.set(registry, (answers = { subjects: new Map(), fits: new Map() }));
    return answers;
  }

  private readFit(sentence: string, number: number, registry: ResolutionRegistry): number {
    // A sentence is fitted against a resolution and its near numbers in turn: its words are read once for all.
    if (this.lastWords?.sentence !== sentence) this.lastWords = { sentence, words: tellingWords(sentence) };
    const { words } = this.lastWords;
    const mentions = this.rightMentions(number, registry);
    const entry = registry.entry(number);
    const sets = [...mentions.map((m) => m.words), ...(entry ? [tellingWords(entry.title)] : [])];
    if (sets.length === 0) return 0;
    const rarest = this.corpus.idf('');
    let fit = 0;
    for (const word of words) {
      let using = 0;
      for (const set of sets) if (set.has(word)) using++;
      if (using > 0) fit += (this.corpus.idf(word) / rarest) * (using / sets.length);
    }
    return fit;
  }

  private rightMentions(number: number, registry: ResolutionRegistry): Mention[] {
    return this.mentionsOf(number).filter((m) => !m.wrong(registry));
  }

  private mentionsOf(number: number): Mention[] {
    let found = this.mentions.get(number);
    if (!found) {
      found = [];
      let read = 0;
      for (const sentence of this.corpus.sentencesWith(number)) {
        if (!CITING.test(sentence)) continue;
        if (++read > SENTENCES_READ) break;
        for (const citation of extractCitations(sentence)) {
          // A bare "resolution 2331" counts too: the corpus knows no document date to tell its body by.
          if (citation.number !== number || citation.session !== null || citation.body === 'general-assembly') continue;
          const around = sentence.slice(Math.max(0, citation.start - WORDS_BEFORE), citation.end + WORDS_AFTER);
          found.push({
            words: tellingWords(around),
            phrase: namingPhrase(sentence.slice(citation.statedDate?.end ?? citation.end)),
            wrong: (registry) => citationProblem(citation, registry) !== null,
          });
        }
      }
      this.mentions.set(number, found);
    }
    return found;
  }
}

/** The words of a text that may tell what it is about: no numbers, no words every citation shares. */
export function tellingWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const { term } of tokenize(normalizeForMatch(text))) {
    if (term.length > 1 && !isIdentifier(term) && !CITING_WORDS.has(term)) words.add(term);
  }
  return words;
}

/**
 * The phrase most citations name a resolution by: the longest run of opening words that the most phrases share —
 * "women and peace and security" of "… remains our compass", "…, women remain" and "… and the resolutions".
 */
function commonPhrase(phrases: Array<NonNullable<Mention['phrase']>>): string | null {
  const prefixes = new Map<string, { text: string; count: number; words: number }>();
  for (const phrase of phrases) {
    const keys = phrase.key.split(' ');
    const words = phrase.text.split(' ');
    for (let length = Math.min(2, words.length); length <= words.length; length++) {
      const key = keys.slice(0, length).join(' ');
      const counted = prefixes.get(key) ?? { text: words.slice(0, length).join(' '), count: 0, words: length };
      counted.count++;
      prefixes.set(key, counted);
    }
  }
  const [best] = [...prefixes.values()].sort((a, b) => b.count - a.count || b.words - a.words);
  return best?.text ?? null;
}

/** "on women and peace and security" right after a citation; null when none. */
function namingPhrase(after: string): Mention['phrase'] {
  const match = NAMING_PHRASE.exec(after);
  if (!match) return null;
  const words = match[1].trim().split(/\s+/);
  if (words.length > MAX_PHRASE_WORDS) return null;
  const text = words.join(' ');
  return { text, key: normalizeForMatch(text) };
}
