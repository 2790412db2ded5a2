/** Drafts made of the corpus's own paragraphs (of 40 words or more), about `words` long, with a seeded choice. */
import type { CorpusDocument } from '../src/core/types';
import { type Random, randomInt } from './random';

export const DRAFT_WORDS = 2000;

/** The paragraphs a draft is made of: long enough to read as a statement's. */
export function draftParagraphs(documents: readonly CorpusDocument[]): string[] {
  return documents.flatMap((d) => d.paragraphs.map((p) => p.text)).filter((t) => t.split(' ').length >= 40);
}

/** A draft of at least `words` words, and the paragraphs it was made of, in order. */
export function makeDraft(paragraphs: readonly string[], random: Random, words = DRAFT_WORDS): { draft: string; chosen: string[] } {
  const chosen: string[] = [];
  for (let count = 0; count < words; count += chosen[chosen.length - 1].split(' ').length) {
    chosen.push(paragraphs[randomInt(random, paragraphs.length)]);
  }
  return { draft: chosen.join('\n\n'), chosen };
}
