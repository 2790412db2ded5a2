/** `abbreviation-before-definition`: an abbreviation used before the place where the draft spells it out. */
import { draftAbbreviations, sameAbbreviation } from './draftAbbreviations';
import type { Check, Finding } from './types';

export const abbreviationBeforeDefinition: Check = {
  code: 'abbreviation-before-definition',
  summary: 'an abbreviation used before it is spelt out',
  defaultSeverity: 'warning',
  run(input) {
    const { definitions, uses } = draftAbbreviations(input);
    const findings: Array<Omit<Finding, 'code' | 'severity'>> = [];
    for (const definition of definitions) {
      if (definitions.find((d) => d.acronym === definition.acronym) !== definition) continue;
      const early = uses.find((use) => sameAbbreviation(use.abbreviation, definition.acronym) && use.end <= definition.start);
      if (!early) continue;
      const spelled = `${definition.expansion} (${definition.acronym})`;
      findings.push({
        message: `${early.abbreviation} is used here before it is spelt out, further down ("${definition.expansion}")`,
        start: early.start,
        end: early.end,
        fixes: [{ title: `Spell it out here: ${spelled}`, start: early.start, end: early.end, replacement: spelled }],
        related: [
          {
            file: input.file,
            range: input.rangeOf(definition.start, definition.end),
            text: input.text.slice(definition.start, definition.end),
          },
        ],
      });
    }
    return findings;
  },
};
