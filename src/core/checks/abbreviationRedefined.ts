/**
 * `abbreviation-redefined`: an abbreviation spelt out a second time, or two different ways, in one draft. The fix
 * keeps the abbreviation alone where the same expansion is repeated.
 */
import { draftAbbreviations } from './draftAbbreviations';
import type { Check, Finding } from './types';

export const abbreviationRedefined: Check = {
  code: 'abbreviation-redefined',
  summary: 'an abbreviation spelt out twice, or two ways',
  defaultSeverity: 'warning',
  run(input) {
    const { definitions } = draftAbbreviations(input);
    const findings: Array<Omit<Finding, 'code' | 'severity'>> = [];
    definitions.forEach((definition, i) => {
      const first = definitions.slice(0, i).find((d) => d.acronym === definition.acronym);
      if (!first) return;
      const line = input.rangeOf(first.start, first.start).startLine + 1;
      const same = first.expansion.toLowerCase() === definition.expansion.toLowerCase();
      findings.push({
        message: same
          ? `${definition.acronym} is already spelt out on line ${line}; the abbreviation alone will do`
          : `${definition.acronym} is spelt out as "${definition.expansion}" here but as "${first.expansion}" on line ${line}`,
        start: definition.start,
        end: definition.end,
        fixes: same
          ? [{ title: `Use ${definition.acronym} alone`, start: definition.start, end: definition.end, replacement: definition.acronym }]
          : [],
        related: [{ file: input.file, range: input.rangeOf(first.start, first.end), text: input.text.slice(first.start, first.end) }],
      });
    });
    return findings;
  },
};
