/**
 * `resolution-year`: a Security Council citation whose year in parentheses, or whose date stated beside it, is not
 * when the resolution was adopted. Seed 000's "Resolution 2231 (2016)" is the case: 2231 is of 2015, and the speech
 * meant 2331 (2016). The year fix comes first (with a wrong date stated beside the year, it mends both); resolutions a
 * slip of the pen away that were adopted in the written year follow, when the sentence's subject or a corpus passage in
 * like words points to them — and then neither is preferred, since either may be the slip. When the month stated
 * beside the year is that of such a resolution's adoption too ("adopted in December 2016"), the number is the slip:
 * its fix comes first, preferred. When the written year is that of the General Assembly's resolution of the same
 * number, `resolution-body` reports it instead.
 */
import * as path from 'path';
import { adoptedWhen, citationProblem, type CitationProblem } from '../citations/diagnose';
import type { Citation } from '../citations/extract';
import { alternativesFor, precedentRepeating } from './citationContext';
import { findingMessage } from './message';
import { findDateInProse } from '../text/dates';
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
  // The written year is taken as meant only when it is in parentheses: a stated date is too loose to pick a number by.
  const found = problem.part === 'year' ? alternativesFor(input, citation, problem.writtenYear) : [];
  // A month and year stated beside the written year that are when another resolution was adopted ("2231 (2016), which
  // was adopted in December 2016": 2331's) make two parts of the citation agree on it: the number is the slip.
  const confirmed = found.find((alternative) => adoptedAsStated(input, citation, alternative.number));
  const alternatives = confirmed ? [confirmed, ...found.filter((a) => a !== confirmed)] : found;
  const numberFixes = alternatives.map((alternative): Fix => ({
    title: `Cite resolution ${alternative.number} (${alternative.year})`,
    start: citation.numberStart,
    end: citation.numberEnd,
    replacement: String(alternative.number),
  }));
  const fixes = confirmed ? [...numberFixes, adoptionFix(input, problem)] : [adoptionFix(input, problem), ...numberFixes];
  // The preferred fix is the confirmed number; when the sentence's subject points to another resolution, the number
  // may be the slip as well as the year, and neither is preferred.
  fixes.forEach((fix, i) => {
    if ((confirmed && i > 0) || (!confirmed && alternatives.some((a) => a.bySubject))) fix.choice = true;
  });
  const [best, ...others] = alternatives;
  const asStated = best && best === confirmed ? ` adopted in ${citation.statedDate!.text} as this sentence says,` : '';
  const orOthers = others.map((o) => ` (or ${o.number})`).join('');
  const didYouMean = best ? `. Did you mean resolution ${best.number} (${best.year}),${asStated} ${best.reason}${orOthers}?` : '';
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

/** The year or date set to when the resolution was adopted; a wrong date stated beside a wrong year, with it. */
function adoptionFix(input: CheckInput, problem: CitationProblem): Fix {
  const { statedToo } = problem;
  if (!statedToo) {
    const what = problem.part === 'year' ? 'the year' : 'the date';
    return { title: `Change ${what} to ${problem.right}`, start: problem.start, end: problem.end, replacement: problem.right };
  }
  return {
    title: `Change the year to ${problem.right} and the date to ${statedToo.right}`,
    start: problem.start,
    end: statedToo.end,
    replacement: problem.right + input.text.slice(problem.end, statedToo.start) + statedToo.right,
  };
}

/** Whether the month (or day) stated beside a citation is when resolution `number` was adopted. */
function adoptedAsStated(input: CheckInput, citation: Citation, number: number): boolean {
  const stated = citation.statedDate;
  const adopted = input.registry.entry(number)?.date;
  if (!stated || stated.relative || !adopted) return false;
  const written = findDateInProse(stated.text);
  return written !== null && written.length >= 7 && adopted.startsWith(written);
}

/** The same resolution cited with its right year elsewhere in the draft: the wrong one is what to fix. */
function rightCitationOf(input: CheckInput, citation: Citation, year: number): Citation | null {
  return (
    input.citations.find(
      (c) => c !== citation && c.number === citation.number && c.session === null && (c.year ?? c.statedDate?.year) === year,
    ) ?? null
  );
}
