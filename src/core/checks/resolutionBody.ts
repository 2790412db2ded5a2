/**
 * `resolution-body`: a Security Council citation that is really a General Assembly resolution. "Security Council
 * resolution 1514 (1960)" — Security Council resolution 1514 is of 2003; the 1960 text is General Assembly
 * resolution 1514 (XV). Such a citation, whose year does not fit, whose number is at most 3541 (the last of the
 * old General Assembly numbering) and whose year is before 1976, is of the Assembly's session year − 1945.
 */
import type { Citation } from '../citations/extract';
import { GENERAL_ASSEMBLY_FIRST_YEAR, type ResolutionRegistry } from '../citations/registry';
import type { Check } from './types';

const LAST_OLD_STYLE_GA_NUMBER = 3541;
const FIRST_NEW_STYLE_GA_YEAR = 1976;

export function looksLikeGeneralAssembly(citation: Citation, registry: ResolutionRegistry): boolean {
  if (citation.body !== 'security-council' || citation.year === null) return false;
  const actual = registry.securityCouncilYear(citation.number);
  return (
    actual !== citation.year &&
    citation.number <= LAST_OLD_STYLE_GA_NUMBER &&
    citation.year < FIRST_NEW_STYLE_GA_YEAR &&
    citation.year > GENERAL_ASSEMBLY_FIRST_YEAR
  );
}

export const resolutionBody: Check = {
  code: 'resolution-body',
  summary: 'a "Security Council" citation of a General Assembly resolution',
  defaultSeverity: 'warning',
  run(input) {
    return input.citations
      .filter((c) => looksLikeGeneralAssembly(c, input.registry))
      .map((citation) => {
        const session = toRoman(citation.year! - GENERAL_ASSEMBLY_FIRST_YEAR);
        const assembly = `General Assembly resolution ${citation.number} (${session})`;
        const actual = input.registry.securityCouncilYear(citation.number);
        const councils = actual ? `Security Council resolution ${citation.number} is of ${actual}; ` : '';
        return {
          message: `${councils}the ${citation.year} text is ${assembly}`,
          start: citation.start,
          end: citation.end,
          fixes: [{ title: `Cite ${assembly}`, start: citation.start, end: citation.end, replacement: assembly }],
          related: [],
        };
      });
  },
};

export function toRoman(n: number): string {
  const numerals: Array<[number, string]> = [
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let roman = '';
  for (const [value, numeral] of numerals) {
    while (rest >= value) {
      roman += numeral;
      rest -= value;
    }
  }
  return roman;
}
