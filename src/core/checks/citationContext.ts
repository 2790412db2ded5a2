/**
 * Shared by the citation checks: the sentence a citation stands in, the resolutions it may have meant instead (by
 * the year written and the sentence's subject, or by a corpus passage in like words), and a corpus passage that
 * repeats the very error — which is then no authority.
 */
import { citationProblem, type CitationProblem, nearNumbers } from '../citations/diagnose';
import { type Citation, extractCitations } from '../citations/extract';
import { describePrecedent, followsClosely } from './precedentText';
import type { CheckInput, Precedent, Sentence } from './types';

/** A sentence fits a resolution's subject when it shares this many rare words' worth with its citations (see fit). */
export const SUBJECT_FIT = 1.5;
/** How much better another resolution must fit a sentence than the one cited, for the subject to decide. */
export const FIT_RATIO = 2;

export interface Alternative {
  number: number;
  year: number;
  /** Why it may be meant: "the resolution on women and peace and security, which this sentence is about". */
  reason: string;
  /** Whether the sentence's subject (not only a corpus passage) points to it. */
  bySubject: boolean;
}

export function sentenceOf(input: CheckInput, citation: Citation): Sentence {
  return (
    input.sentences.find((s) => s.start <= citation.start && citation.start < s.end) ?? {
      text: '',
      start: citation.start,
      end: citation.end,
    }
  );
}

/**
 * Resolutions a slip of the pen away from the cited one, adopted in `year`, that the sentence's subject fits better
 * than the cited one, or that a corpus passage cites in like words: best fit first.
 */
export function alternativesFor(input: CheckInput, citation: Citation, year: number): Alternative[] {
  const sentence = sentenceOf(input, citation);
  const ownFit = input.subjects.fit(sentence.text, citation.number, input.registry);
  const found: Array<Alternative & { fit: number }> = [];
  for (const number of nearNumbers(citation.number)) {
    if (input.registry.securityCouncilYear(number) !== year) continue;
    const fit = input.subjects.fit(sentence.text, number, input.registry);
    const subject = input.subjects.subject(number, input.registry);
    const bySubject = subject.citations > 0 && fit >= SUBJECT_FIT && fit >= FIT_RATIO * ownFit;
    const alike = bySubject ? null : precedentCiting(input, sentence, citation, number);
    if (bySubject) {
      const reason = subject.named
        ? `${subject.named}, which this sentence is about`
        : "which the corpus cites in words like this sentence's";
      found.push({ number, year, fit, bySubject, reason });
    } else if (alike) {
      found.push({ number, year, fit, bySubject: false, reason: `as ${describePrecedent(alike)} cites it in like words` });
    }
  }
  return found.sort((a, b) => Number(b.bySubject) - Number(a.bySubject) || b.fit - a.fit);
}

/** The corpus passage a sentence follows closely when it cites `number` instead, if there is one. */
function precedentCiting(input: CheckInput, sentence: Sentence, citation: Citation, number: number): Precedent | null {
  if (sentence.text === '') return null;
  const replaced = input.text.slice(sentence.start, citation.numberStart) + number + input.text.slice(citation.numberEnd, sentence.end);
  const precedent = input.precedentOf({ text: replaced, start: sentence.start, end: sentence.end }, number);
  return followsClosely(precedent) ? precedent : null;
}

/** The corpus passage the sentence follows closely, when it makes the same mistake: it is no authority then. */
export function precedentRepeating(input: CheckInput, problem: CitationProblem): Precedent | null {
  const sentence = sentenceOf(input, problem.citation);
  if (sentence.text === '') return null;
  const precedent = input.precedentOf(sentence, problem.citation.number);
  if (!followsClosely(precedent)) return null;
  const same = extractCitations(precedent.text).some((c) => {
    const theirs = c.number === problem.citation.number ? citationProblem(c, input.registry) : null;
    return theirs !== null && theirs.written === problem.written;
  });
  return same ? precedent : null;
}
