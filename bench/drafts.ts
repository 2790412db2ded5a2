/** Drafts made of the corpus's own paragraphs (of 40 words or more), about `words` long, with a seeded choice. */
import type { CorpusDocument } from '../src/core/types';
import { type Random, randomInt } from './random';

export const DRAFT_WORDS = 2000;

/** The paragraphs a draft is made of: long enough to read as a statement's. */
export function draftParagraphs(documents: readonly CorpusDocument[]): string[] {
  return documents.flatMap((d) => d.paragraphs.map((p) => p.text)).filter((t) => t.split(' ').length >= 40);
}

/** Documents a first check's draft is drawn from, evenly spread over the corpus. */
const FIRST_DRAFT_SOURCES = 200;

/**
 * The documents a draft for the first check is made from: a few hundred spread over the corpus, not all of it. A
 * drafter's check reads the corpus's index and a few precedents; making the draft from every paragraph would read
 * the whole corpus's text, and the memory measured after the check would be the benchmark's, not the check's.
 */
export function draftSources(documents: readonly CorpusDocument[]): CorpusDocument[] {
  const step = Math.max(1, Math.floor(documents.length / FIRST_DRAFT_SOURCES));
  return documents.filter((_, i) => i % step === 0);
}

/** A draft of at least `words` words, and the paragraphs it was made of, in order. */
export function makeDraft(paragraphs: readonly string[], random: Random, words = DRAFT_WORDS): { draft: string; chosen: string[] } {
  const chosen: string[] = [];
  for (let count = 0; count < words; count += chosen[chosen.length - 1].split(' ').length) {
    chosen.push(paragraphs[randomInt(random, paragraphs.length)]);
  }
  return { draft: chosen.join('\n\n'), chosen };
}
