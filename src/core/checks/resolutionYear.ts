/**
 * `resolution-year`: a Security Council citation whose year in parentheses, or whose date stated beside it, is not
 * when the resolution was adopted. Seed 000's "Resolution 2231 (2016)" is the case: 2231 is of 2015, and the speech
 * meant 2331 (2016). The year fix comes first; resolutions a slip of the pen away that were adopted in the written
 * year follow, when the sentence's subject or a corpus passage in like words points to them — and then neither is
 * preferred, since either may be the slip. When the written year is that of the General Assembly's resolution of the
 * same number, `resolution-body` reports it instead.
 */
import * as path from 'path';
import { adoptedWhen, citationProblem, type CitationProblem } from '../citations/diagnose';
import type { Citation } from '../citations/extract';
import { alternativesFor, precedentRepeating } from './citationContext';
import { findingMessage } from './message';
import type { Check, CheckInput, Finding, Fix, RelatedPlace } from './types';

export const resolutionYear: Check = {
  code: 'resolution-year',
  summary: 'a Security Council citation whose year, or the date stated beside it, is not when it was adopted',
  defaultSeverity: 'warning',
  run(input) {
    const findings: Array<Omit<Finding, 'code' | 'severity'>> = [];
    for (const citation of input.citations) {
      const problem = citationProblem(citation, input.registry);
      if (problem && problem.assembly.length === 0) findings.push(yearFinding(input, problem));
    }
    return findings;
  },
};

function yearFinding(input: CheckInput, problem: CitationProblem): Omit<Finding, 'code' | 'severity'> {
  const { citation } = problem;
  const what = problem.part === 'year' ? 'the year' : 'the date';
  const fixes: Fix[] = [
    { title: `Change ${what} to ${problem.right}`, start: problem.start, end: problem.end, replacement: problem.right },
  ];
  // The written year is taken as meant only when it is in parentheses: a stated date is too loose to pick a number by.
  const alternatives = problem.part === 'year' ? alternativesFor(input, citation, problem.writtenYear) : [];
  for (const alternative of alternatives) {
    fixes.push({
      title: `Cite resolution ${alternative.number} (${alternative.year})`,
      start: citation.numberStart,
      end: citation.numberEnd,
      replacement: String(alternative.number),
    });
  }
  // When the sentence's subject points to another resolution, the number may be the slip, not the year.
  if (alternatives.some((a) => a.bySubject)) for (const fix of fixes) fix.choice = true;
  const [best, ...others] = alternatives;
  const didYouMean = best
    ? `. Did you mean resolution ${best.number} (${best.year}), ${best.reason}${others.map((o) => ` (or ${o.number})`).join('')}?`
    : '';
  const related: RelatedPlace[] = [];
  const repeating = precedentRepeating(input, problem);
  // Named short: the related place links to it.
  const corpusText = repeating ? `${path.basename(repeating.file)}:${repeating.range.startLine + 1}` : '';
  const repeated = repeating ? `${didYouMean ? ' ' : '. '}The corpus text ${corpusText} makes the same error` : '';
  if (repeating) related.push({ file: repeating.file, range: repeating.range, text: repeating.text });
  const rightly = rightCitationOf(input, citation, problem.year);
  if (rightly)
    related.push({
      file: input.file,
      range: input.rangeOf(rightly.start, rightly.end),
      text: input.text.slice(rightly.start, rightly.end),
    });
  const elsewhere = rightly ? ', as this draft cites it elsewhere' : '';
  return {
    message: findingMessage({
      written: problem.written,
      right: problem.right,
      why: `Security Council resolution ${citation.number} was adopted ${adoptedWhen(problem)}${elsewhere}${didYouMean}${repeated}`,
      source: problem.entry?.titleKind === 'title' ? 'your registry file' : undefined,
    }),
    start: citation.start,
    end: Math.max(citation.end, problem.end),
    fixes,
    related,
  };
}

/** The same resolution cited with its right year elsewhere in the draft: the wrong one is what to fix. */
function rightCitationOf(input: CheckInput, citation: Citation, year: number): Citation | null {
  return (
    input.citations.find(
      (c) => c !== citation && c.number === citation.number && c.session === null && (c.year ?? c.statedDate?.year) === year,
    ) ?? null
  );
}
