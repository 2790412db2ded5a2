/**
 * The facts a draft's sentences state, remembered, so that a re-check reads only the sentences that changed. One for a
 * corpus read in process and one for the evidence gathered from several sources: each with its own acronyms.
 */
import type { DocumentMeta } from '../types';
import type { AcronymTable } from './acronyms';
import { extractFacts, type SentenceFact } from './extract';

/** As many sentences as a long draft has, many times over. */
const REMEMBERED_SENTENCES = 20000;

export class SentenceFacts {
  private readonly remembered = new Map<string, SentenceFact[]>();

  /** `acronyms` is asked each time a sentence is read: a corpus may read its table only when first needed. */
  constructor(private readonly acronyms: () => AcronymTable) {}

  of(sentence: string, meta: DocumentMeta): SentenceFact[] {
    const key = `${meta.date}\u0000${meta.country}\u0000${meta.venue}\u0000${sentence}`;
    let facts = this.remembered.get(key);
    if (!facts) {
      if (this.remembered.size >= REMEMBERED_SENTENCES) this.remembered.clear();
      facts = extractFacts(sentence, { documentDate: meta.date, country: meta.country, venue: meta.venue, acronyms: this.acronyms() });
      this.remembered.set(key, facts);
    }
    return facts;
  }
}
