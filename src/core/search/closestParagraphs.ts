/**
 * The corpus paragraphs a draft paragraph follows, for a side-by-side comparison: paragraphs found through their
 * rarest shared words and ranked by the words they have in common with the draft's (numbers aside, as the
 * comparison is there to show them), twin texts of one speech once, and the verbatim record's speaker tag left out,
 * since it is no part of the wording. Page furniture was left out when the corpus was read.
 */
import { withoutSpeakerTag } from '../corpus/inferMeta';
import type { CorpusDocument, CorpusPlace } from '../types';
import type { PassageIndex } from './passageIndex';
import { countShared, selectingTerms, wordSet } from './similar';
import { mergeTwins } from './twins';

/** Passages weighed; a paragraph is found through any of its sentences. */
export const PARAGRAPH_CANDIDATES = 60;

/** A corpus paragraph, as a reader reads it, and how close it is. */
export interface ParagraphMatch extends CorpusPlace {
  /** How closely it follows the draft's paragraph, 0 to 1 (see `closeness`). */
  similarity: number;
  /** The titles (or files) of its twins. */
  alsoIn: string[];
}

export function closestParagraphs(
  index: PassageIndex,
  documents: readonly CorpusDocument[],
  paragraph: string,
  limit: number,
): ParagraphMatch[] {
  if (wordSet(paragraph).size === 0) return [];
  const seen = new Set<string>();
  const found: ParagraphCandidate[] = [];
  for (const { passage } of index.candidates(selectingTerms(index.lexicon, paragraph), PARAGRAPH_CANDIDATES)) {
    const { document, passage: p } = index.passageIn(documents, passage);
    const key = `${document.file}\u0000${p.paragraph}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { text, range } = document.paragraphs[p.paragraph];
    const { title, speaker, date } = document.meta;
    found.push({ text, file: document.file, range, title, speaker, date });
  }
  return rankParagraphs(paragraph, found, limit);
}

/** A corpus paragraph that may be close to a draft's, as found. */
export type ParagraphCandidate = Omit<ParagraphMatch, 'similarity' | 'alsoIn'>;

/** Candidate paragraphs (wherever they were found) by closeness to the draft's, twins once, speaker tags left out. */
export function rankParagraphs(paragraph: string, candidates: ParagraphCandidate[], limit: number): ParagraphMatch[] {
  const words = wordSet(paragraph);
  if (words.size === 0) return [];
  const found = candidates.map((candidate) => ({
    ...candidate,
    text: withoutSpeakerTag(candidate.text),
    similarity: closeness(words, wordSet(candidate.text)),
    alsoIn: [],
  }));
  found.sort((a, b) => b.similarity - a.similarity);
  return mergeTwins(found)
    .slice(0, limit)
    .map(({ match, twins }) => ({ ...match, alsoIn: twins.map((twin) => twin.title ?? twin.file) }));
}

/**
 * The mean of the share of words the two paragraphs have in common (Dice) and the share of the draft's words the
 * corpus paragraph holds: a long paragraph that says all the draft says, and more, is as close as a short one that
 * says only part of it.
 */
function closeness(draft: Set<string>, theirs: Set<string>): number {
  const shared = countShared(draft, theirs);
  return ((2 * shared) / (draft.size + theirs.size) + shared / draft.size) / 2;
}
