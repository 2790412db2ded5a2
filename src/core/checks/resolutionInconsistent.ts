/**
 * `resolution-inconsistent`: one resolution cited with different years, or by different bodies, within one draft.
 * The first citation is taken as the draft's intent; each later one that disagrees is flagged and points to it.
 */
import type { Citation } from '../citations/extract';
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
      const yearsDiffer = year !== null && earlierYear !== null && year !== earlierYear;
      const bodiesDiffer = citation.bodyNamed && earlier.bodyNamed && citation.body !== earlier.body;
      if (!yearsDiffer && !bodiesDiffer) continue;
      const what = yearsDiffer ? `with the year ${earlierYear}` : `as a ${describe(earlier)} resolution`;
      const earlierText = input.text.slice(earlier.start, earlier.end);
      findings.push({
        message: `Resolution ${citation.label} is cited ${what} earlier in this draft ("${earlierText}")`,
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
