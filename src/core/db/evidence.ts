/**
 * What a check asks of a corpus, answered from what was fetched: the checks run synchronously, so a database corpus
 * runs them, notes each question it could not yet answer, fetches those answers in one round, and runs them again.
 * Answers are kept between checks, so re-checking an edited draft asks only about the sentences that changed.
 * What a resolution is about is read from the corpus's sentences that cite it, which cannot be answered "not yet":
 * that question stops the run (NotFetchedYet), and the run starts again once the sentences are here.
 */
import type { CorpusEvidence } from '../checks/checkDraft';
import type { Precedent } from '../checks/types';
import { ResolutionSubjects } from '../citations/subjects';
import type { AcronymTable } from '../facts/acronyms';
import { extractFacts, type SentenceFact } from '../facts/extract';
import { type Fact, subjectKeyOf } from '../facts/factBase';
import type { DocumentMeta } from '../types';

/** As many sentences, subjects and names as a long draft has, many times over. */
const REMEMBERED = 20000;

export interface ClosestQuestion {
  sentence: string;
  file: string;
  citing?: number;
}

/** Thrown inside a run when it needs the sentences that cite a resolution, which are fetched before the next run. */
export class NotFetchedYet extends Error {}

export class GatheredEvidence implements CorpusEvidence {
  private readonly closest = new Map<string, Precedent | null>();
  private readonly factsBySubject = new Map<string, Fact[]>();
  private readonly citingSentences = new Map<number, string[]>();
  private readonly names = new Map<string, Fact[]>();
  private readonly sentenceFacts = new Map<string, SentenceFact[]>();
  readonly missingClosest = new Map<string, ClosestQuestion>();
  readonly missingSubjects = new Map<string, SentenceFact>();
  readonly missingNames = new Set<string>();
  readonly missingNumbers = new Set<number>();
  readonly subjects: ResolutionSubjects;

  constructor(
    private readonly acronyms: AcronymTable,
    idf: (term: string) => number,
  ) {
    this.subjects = new ResolutionSubjects({
      sentencesWith: (number) => {
        const known = this.citingSentences.get(number);
        if (known) return known;
        this.missingNumbers.add(number);
        throw new NotFetchedYet(`the sentences citing ${number} are not fetched yet`);
      },
      idf,
    });
  }

  get complete(): boolean {
    return (
      this.missingClosest.size === 0 && this.missingSubjects.size === 0 && this.missingNames.size === 0 && this.missingNumbers.size === 0
    );
  }

  acronymTable(): AcronymTable {
    return this.acronyms;
  }

  factsOfSentence(sentence: string, meta: DocumentMeta): SentenceFact[] {
    const key = `${meta.date}\u0000${meta.country}\u0000${meta.venue}\u0000${sentence}`;
    let facts = this.sentenceFacts.get(key);
    if (!facts) {
      if (this.sentenceFacts.size >= REMEMBERED) this.sentenceFacts.clear();
      facts = extractFacts(sentence, { documentDate: meta.date, country: meta.country, venue: meta.venue, acronyms: this.acronyms });
      this.sentenceFacts.set(key, facts);
    }
    return facts;
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

function closestKey({ sentence, file, citing }: ClosestQuestion): string {
  return `${file}\u0000${citing ?? ''}\u0000${sentence}`;
}
