/**
 * `abbreviation-undefined`: an abbreviation the draft never spells out, when the corpus or the United Nations
 * system's list knows what it stands for. The fix spells it out at its first use: "United Nations Office on Drugs
 * and Crime (UNODC)". Widely known ones (UN, UNICEF, …) are exempt.
 */
import { comparableName } from '../facts/acronyms';
import { draftAbbreviations, sameAbbreviation } from './draftAbbreviations';
import { KNOWN_EXPANSIONS, WIDELY_KNOWN } from './knownAbbreviations';
import type { Check, Finding } from './types';
import { findingMessage } from './message';

/** A name as names are compared ("UN" for "United Nations", case, "the"), hyphens and spacing aside: "Co-operation". */
function comparable(text: string): string {
  return comparableName(text).replace(/\s+/g, '');
}

export const abbreviationUndefined: Check = {
  code: 'abbreviation-undefined',
  summary: 'an abbreviation the draft never spells out',
  defaultSeverity: 'information',
  run(input) {
    const { definitions, parenthesised, uses } = draftAbbreviations(input);
    const findings: Array<Omit<Finding, 'code' | 'severity'>> = [];
    const reported = new Set<string>();
    const wholeText = comparable(input.text);
    for (const use of uses) {
      const abbreviation = use.abbreviation;
      const singular = abbreviation.endsWith('s') && !KNOWN_EXPANSIONS[abbreviation] ? abbreviation.slice(0, -1) : abbreviation;
      if (reported.has(singular) || WIDELY_KNOWN.has(abbreviation) || WIDELY_KNOWN.has(singular)) continue;
      if (
        definitions.some((d) => sameAbbreviation(abbreviation, d.acronym)) ||
        parenthesised.has(abbreviation) ||
        parenthesised.has(singular)
      )
        continue;
      const expansion = input.corpusExpansion(singular) ?? KNOWN_EXPANSIONS[singular] ?? null;
      // Spelt out elsewhere without the abbreviation beside it ("Organization for Security and Co-operation in Europe").
      if (!expansion || wholeText.includes(comparable(expansion))) continue;
      reported.add(singular);
      // The expansion is singular: "United Nations Office … (UNODC)", also where the draft wrote a plural.
      const spelled = `${expansion} (${singular})`;
      findings.push({
        message: findingMessage({
          written: abbreviation,
          right: spelled,
          why: 'not spelt out in this text; spell it out at its first use',
        }),
        start: use.start,
        end: use.end,
        fixes: [{ title: `Spell out: ${spelled}`, start: use.start, end: use.end, replacement: spelled }],
        related: [],
      });
    }
    return findings;
  },
};
