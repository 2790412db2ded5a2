/**
 * What a check asks of corpora that answer asynchronously (a database server, a worker thread), answered from what
 * was fetched: the checks run synchronously, so they run, note each question that has no answer yet, the answers
 * are fetched in one round — from every source at once, merged — and the checks run again. Answers are kept between
 * checks, so re-checking an edited draft asks only about the sentences that changed. Merged, the evidence is that of
 * one corpus made of all the sources: the closest passage is the best of all, the facts on a subject and the
 * sentences citing a resolution are those of all, a word's rarity is counted over all passages, and the acronyms are
 * all those defined. A finding one source's evidence alone would raise, another's may clear — and the other way.
 * What a resolution is about is read from the corpus's sentences that cite it, and weighed by its words' rarity,
 * which cannot be answered "not yet": those questions stop the run (NotFetchedYet), which starts again once the
 * answers are here.
 */
import type { Precedent } from './types';
import type { CorpusEvidence } from './checkDraft';
import type { ResolutionRegistry } from '../citations/registry';
import { ResolutionSubjects, tellingWords } from '../citations/subjects';
import { AcronymTable } from '../facts/acronyms';
import type { SentenceFact } from '../facts/extract';
import { SentenceFacts } from '../facts/sentenceFacts';
import { type Fact, factBaseOf, subjectKeyOf } from '../facts/factBase';
import { inverseFrequency } from '../search/lexicon';
import { type Cancellable, type CorpusQueries, throwIfCancelled } from '../service';
import type { DocumentMeta } from '../types';

/** What a check's rounds ask of each source: the part of `CorpusQueries` that answers evidence. */
export type EvidenceSource = Pick<CorpusQueries, 'closestPassages' | 'sentencesCiting' | 'termCounts' | 'factsFor' | 'acronymDefinitions'>;

/** As many sentences, subjects and names as a long draft has, many times over. */
const REMEMBERED = 20000;
/**
 * A check runs again after each round of fetched answers. A question raised by an answer is rare, but the sentences
 * citing a resolution are asked for one resolution a run: a draft citing many takes as many rounds.
 */
const MAX_ROUNDS = 24;
/** Sentences holding a resolution's number, from each source: ResolutionSubjects reads at most 300 that cite it. */
const CITING_SENTENCES = 1000;

export interface ClosestQuestion {
  sentence: string;
  file: string;
  citing?: number;
}

/** Thrown inside a run when it needs an answer it cannot do without, which is fetched before the next run. */
export class NotFetchedYet extends Error {}

export class GatheredEvidence implements CorpusEvidence {
  private readonly closest = new Map<string, Precedent | null>();
  private readonly factsBySubject = new Map<string, Fact[]>();
  private readonly citingSentences = new Map<number, string[]>();
  private readonly names = new Map<string, Fact[]>();
  private readonly holding = new Map<string, number>();
  private readonly sentenceFacts = new SentenceFacts(() => this.acronyms);
  readonly missingClosest = new Map<string, ClosestQuestion>();
  readonly missingSubjects = new Map<string, SentenceFact>();
  readonly missingNames = new Set<string>();
  readonly missingNumbers = new Set<number>();
  readonly missingTerms = new Set<string>();
  readonly subjects: ResolutionSubjects;

  constructor(
    private readonly acronyms: AcronymTable,
    /** The passages of all the sources together. */
    private readonly passages: number,
  ) {
    this.subjects = new ResolutionSubjects({
      sentencesWith: (number) => {
        const known = this.citingSentences.get(number);
        if (known) return known;
        this.missingNumbers.add(number);
        throw new NotFetchedYet(`the sentences citing ${number} are not fetched yet`);
      },
      idf: (term) => this.idf(term),
    });
  }

  /** The evidence of these sources together: their acronyms and their passages, asked of each. */
  static async of(sources: readonly EvidenceSource[], options: Cancellable): Promise<GatheredEvidence> {
    const answers = await Promise.all(
      sources.map(async (source) => {
        const [definitions, counts] = await Promise.all([source.acronymDefinitions(options), source.termCounts([], options)]);
        return { definitions, passages: counts.passages };
      }),
    );
    return new GatheredEvidence(
      AcronymTable.of(answers.flatMap((answer) => answer.definitions)),
      answers.reduce((sum, answer) => sum + answer.passages, 0),
    );
  }

  get complete(): boolean {
    return (
      this.missingClosest.size === 0 &&
      this.missingSubjects.size === 0 &&
      this.missingNames.size === 0 &&
      this.missingNumbers.size === 0 &&
      this.missingTerms.size === 0
    );
  }

  acronymTable(): AcronymTable {
    return this.acronyms;
  }

  factsOfSentence(sentence: string, meta: DocumentMeta): SentenceFact[] {
    return this.sentenceFacts.of(sentence, meta);
  }

  closestPassage(sentence: string, file: string, citing?: number): Precedent | null {
    const key = closestKey({ sentence, file, citing });
    const known = this.closest.get(key);
    if (known !== undefined) return known;
    this.missingClosest.set(key, { sentence, file, citing });
    return null;
  }

  sameSubject(fact: SentenceFact): Fact[] {
    const key = subjectKeyOf(fact);
    const known = this.factsBySubject.get(key);
    if (known) return known;
    this.missingSubjects.set(key, fact);
    return [];
  }

  about(nameKey: string, limit = 8): Fact[] {
    const known = this.names.get(nameKey);
    if (known) return known.slice(0, limit);
    this.missingNames.add(nameKey);
    return [];
  }

  /** How telling a term is over all the sources' passages; "" (a term no source has) weighs as one used once. */
  private idf(term: string): number {
    const holding = term === '' ? 0 : this.holding.get(term);
    if (holding === undefined) {
      this.missingTerms.add(term);
      throw new NotFetchedYet(`how many passages hold "${term}" is not fetched yet`);
    }
    return inverseFrequency(Math.max(1, holding), this.passages);
  }

  /**
   * Asks the sources for every answer the last run missed, all at once, and records each once every source has
   * answered it: an answer is never one source's alone. Rejects as the first source that fails does.
   */
  async fetchMissing(sources: readonly EvidenceSource[], options: { registry?: ResolutionRegistry } & Cancellable): Promise<void> {
    const all = <T>(ask: (source: EvidenceSource) => Promise<T>) => Promise.all(sources.map(ask));
    const closest = [...this.missingClosest.values()];
    const subjects = [...this.missingSubjects.entries()];
    const names = [...this.missingNames];
    const numbers = [...this.missingNumbers];
    const answers = closest.map(async (question) => {
      const answers = await all((source) =>
        source.closestPassages(question.sentence, {
          limit: 1,
          excludeFile: question.file,
          citing: question.citing,
          signal: options.signal,
        }),
      );
      // The best of all; between equals, the first source's (the local folders, where there are).
      const found = answers.flatMap((passages) => passages.slice(0, 1));
      this.answerClosest(
        question,
        found.reduce<Precedent | null>((best, p) => (best && best.similarity >= p.similarity ? best : p), null),
      );
    });
    if (subjects.length > 0 || names.length > 0) {
      answers.push(
        (async () => {
          const keys = subjects.map(([key]) => key);
          const base = factBaseOf((await all((source) => source.factsFor(keys, names, options))).flat());
          for (const [key, fact] of subjects) this.answerSubject(key, base.sameSubject(fact));
          for (const name of names) this.answerName(name, base.about(name, Number.MAX_SAFE_INTEGER));
        })(),
      );
    }
    answers.push(
      ...numbers.map(async (number) => {
        const sentences = (await all((source) => source.sentencesCiting(number, CITING_SENTENCES, options))).flat();
        // The words the sentences and the registry's title weigh with are counted in the same round.
        const title = options.registry?.entry(number)?.title ?? '';
        const words = new Set([...sentences, title].flatMap((text) => [...tellingWords(text)]));
        await this.fetchTerms(
          [...words].filter((word) => !this.holding.has(word)),
          sources,
          options,
        );
        this.answerNumber(number, sentences);
      }),
    );
    const terms = [...this.missingTerms];
    if (terms.length > 0) answers.push(this.fetchTerms(terms, sources, options));
    await Promise.all(answers);
    throwIfCancelled(options.signal);
  }

  private async fetchTerms(terms: string[], sources: readonly EvidenceSource[], options: Cancellable): Promise<void> {
    if (terms.length === 0) return;
    const counts = await Promise.all(sources.map((source) => source.termCounts(terms, options)));
    if (this.holding.size >= REMEMBERED) this.holding.clear();
    terms.forEach((term, i) => {
      this.holding.set(
        term,
        counts.reduce((sum, count) => sum + count.holding[i], 0),
      );
      this.missingTerms.delete(term);
    });
  }

  /** Records fetched answers; the questions they answer are no longer missing. */
  answerClosest(question: ClosestQuestion, precedent: Precedent | null): void {
    if (this.closest.size >= REMEMBERED) this.closest.clear();
    const key = closestKey(question);
    this.closest.set(key, precedent);
    this.missingClosest.delete(key);
  }

  answerSubject(subjectKey: string, facts: Fact[]): void {
    if (this.factsBySubject.size >= REMEMBERED) this.factsBySubject.clear();
    this.factsBySubject.set(subjectKey, facts);
    this.missingSubjects.delete(subjectKey);
  }

  /** The corpus's sentences that hold a number (as a word): what a resolution is about is read from them. */
  answerNumber(number: number, sentences: string[]): void {
    this.citingSentences.set(number, sentences);
    this.missingNumbers.delete(number);
  }

  answerName(nameKey: string, facts: Fact[]): void {
    if (this.names.size >= REMEMBERED) this.names.clear();
    this.names.set(nameKey, facts);
    this.missingNames.delete(nameKey);
  }
}

/**
 * Runs `ask` (a check, a hover's facts) against the evidence until every question it put has its answer from every
 * source, fetching the missing ones between runs.
 */
export async function untilAnswered<T>(
  evidence: GatheredEvidence,
  sources: readonly EvidenceSource[],
  ask: () => T,
  options: { registry?: ResolutionRegistry } & Cancellable,
): Promise<T> {
  for (let round = 1; ; round++) {
    let answer: T | undefined;
    try {
      answer = ask();
    } catch (error) {
      if (!(error instanceof NotFetchedYet)) throw error;
    }
    if (answer !== undefined && (evidence.complete || round >= MAX_ROUNDS)) return answer;
    if (round >= MAX_ROUNDS) throw new Error(`the corpus's answers for this draft took more than ${MAX_ROUNDS} rounds`);
    await evidence.fetchMissing(sources, options);
  }
}

function closestKey({ sentence, file, citing }: ClosestQuestion): string {
  return `${file}\u0000${citing ?? ''}\u0000${sentence}`;
}
