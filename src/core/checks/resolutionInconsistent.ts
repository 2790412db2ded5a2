/**
 * `resolution-inconsistent`: one resolution cited with different years, or by different bodies, within one draft.
 * The first citation is taken as the draft's intent; each later one that disagrees is flagged and points to it. A
 * Security Council resolution whose year the registry knows is left to `resolution-year`, which flags the citation
 * that is wrong — whichever comes first — and points to the right one.
 */
import { isSecurityCouncilCitation } from '../citations/diagnose';
import type { Citation } from '../citations/extract';
import { findingMessage } from './message';
import type { Check, Finding } from './types';

export const resolutionInconsistent: Check = {
  code: 'resolution-inconsistent',
  summary: 'one resolution cited with different years or bodies in one draft',
  defaultSeverity: 'warning',
  run(input) {
    const first = new Map<string, Citation>();
    const findings: Array<Omit<Finding, 'code' | 'severity'>> = [];
    for (const citation of input.citations) {
      const key = citation.session === null ? citation.label : `${citation.session}/${citation.number}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, citation);
        continue;
      }
      const year = citation.year ?? citation.statedDate?.year ?? null;
      const earlierYear = earlier.year ?? earlier.statedDate?.year ?? null;
      const registryDecides = isSecurityCouncilCitation(citation) && input.registry.securityCouncilYear(citation.number) !== null;
      const yearsDiffer = year !== null && earlierYear !== null && year !== earlierYear && !registryDecides;
      const bodiesDiffer = citation.bodyNamed && earlier.bodyNamed && citation.body !== earlier.body;
      if (!yearsDiffer && !bodiesDiffer) continue;
      const earlierText = input.text.slice(earlier.start, earlier.end);
      findings.push({
        message: findingMessage(
          yearsDiffer
            ? {
                written: String(year),
                right: String(earlierYear),
                why: `resolution ${citation.label} is cited with the year ${earlierYear} earlier in this text ("${earlierText}")`,
              }
            : {
                written: describe(citation),
                right: describe(earlier),
                why: `resolution ${citation.label} is cited as a ${describe(earlier)} resolution earlier in this text ("${earlierText}")`,
              },
        ),
        start: citation.start,
        end: citation.end,
        fixes:
          yearsDiffer && citation.yearStart !== null && citation.yearEnd !== null
            ? [
                {
                  title: `Change the year to ${earlierYear}`,
                  start: citation.yearStart,
                  end: citation.yearEnd,
                  replacement: String(earlierYear),
                },
              ]
            : [],
        related: [{ file: input.file, range: input.rangeOf(earlier.start, earlier.end), text: earlierText }],
      });
    }
    return findings;
  },
};

function describe(citation: Citation): string {
  return citation.body === 'security-council' ? 'Security Council' : 'General Assembly';
}
