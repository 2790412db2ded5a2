/**
 * `resolution-body`: a Security Council citation whose year is that of the General Assembly's resolution of the same
 * number, before the Assembly numbered by session (1976). "Security Council resolution 2758 (1971)": the Council's
 * 2758 is of 2024; the Assembly adopted its resolution 2758 (XXVI) in 1971. The Assembly's reading is offered only
 * when the shipped table of its sessions says so, and then first; the Council's year fix follows. When the number
 * lies between two sessions' known numbers, or the sentence's subject fits the Council's resolution too, both
 * readings are offered and neither is preferred.
 */
import { adoptedWhen, citationProblem, type CitationProblem, sessionNumeral } from '../citations/diagnose';
import { SUBJECT_FIT, sentenceOf } from './citationContext';
import { findingMessage } from './message';
import type { Check, CheckInput, Finding, Fix } from './types';

export const resolutionBody: Check = {
  code: 'resolution-body',
  summary: 'a "Security Council" citation whose year is that of the General Assembly resolution of the same number',
  defaultSeverity: 'warning',
  run(input) {
    const findings: Array<Omit<Finding, 'code' | 'severity'>> = [];
    for (const citation of input.citations) {
      const problem = citationProblem(citation, input.registry);
      if (problem && problem.assembly.length > 0) findings.push(bodyFinding(input, problem));
    }
    return findings;
  },
};

function bodyFinding(input: CheckInput, problem: CitationProblem): Omit<Finding, 'code' | 'severity'> {
  const { citation } = problem;
  const n = citation.number;
  const readings = problem.assembly.map((s) => `General Assembly resolution ${n} (${sessionNumeral(s.session)})`);
  const inGap = input.registry.generalAssemblySessions(n).length > 1;
  const sentence = sentenceOf(input, citation);
  const councilFits =
    input.subjects.subject(n, input.registry).citations > 0 && input.subjects.fit(sentence.text, n, input.registry) >= SUBJECT_FIT;
  const fixes: Fix[] = [
    ...readings.map((reading) => ({ title: `Cite ${reading}`, start: citation.start, end: citation.end, replacement: reading })),
    { title: `Change the year to ${problem.right}`, start: problem.start, end: problem.end, replacement: problem.right },
  ];
  const undecided = inGap || councilFits;
  if (undecided) for (const fix of fixes) fix.choice = true;
  const written = input.text.slice(citation.start, citation.end).replace(/\s+/g, ' ');
  const council = `Security Council resolution ${n} was adopted ${adoptedWhen(problem)}`;
  const sessions = problem.assembly.map((s) => sessionNumeral(s.session)).join(' or ');
  const assembly = inGap
    ? `General Assembly resolution ${n} is of session ${sessions} (the table cannot tell which), adopted in ${problem.writtenYear}`
    : `the General Assembly adopted its resolution ${n} in ${problem.writtenYear}`;
  const why = councilFits ? `${assembly}; ${council}, and this sentence's subject fits it too` : `${assembly}; ${council}`;
  return {
    message: findingMessage({ written, right: undecided ? `${readings.join(' or ')}, or ${problem.right}` : readings[0], why }),
    start: citation.start,
    end: Math.max(citation.end, problem.end),
    fixes,
    related: [],
  };
}
