/**
 * What a check asks of a corpus, answered from what was fetched: the checks run synchronously, so a database corpus
 * runs them, notes each question it could not yet answer, fetches those answers in one round, and runs them again.
 * Answers are kept between checks, so re-checking an edited draft asks only about the sentences that changed.
 */
import type { CorpusEvidence } from '../checks/checkDraft';
import type { Precedent } from '../checks/types';
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

export class GatheredEvidence implements CorpusEvidence {
  private readonly closest = new Map<string, Precedent | null>();
  private readonly subjects = new Map<string, Fact[]>();
  private readonly names = new Map<string, Fact[]>();
  private readonly sentenceFacts = new Map<string, SentenceFact[]>();
  readonly missingClosest = new Map<string, ClosestQuestion>();
  readonly missingSubjects = new Map<string, SentenceFact>();
  readonly missingNames = new Set<string>();

  constructor(private readonly acronyms: AcronymTable) {}

  get complete(): boolean {
    return this.missingClosest.size === 0 && this.missingSubjects.size === 0 && this.missingNames.size === 0;
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
    const known = this.subjects.get(key);
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
    if (this.subjects.size >= REMEMBERED) this.subjects.clear();
    this.subjects.set(subjectKey, facts);
    this.missingSubjects.delete(subjectKey);
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
