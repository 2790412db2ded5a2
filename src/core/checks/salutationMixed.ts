/**
 * `salutation-mixed`: "Mr. President" and "Madam President" (or "Mr. Chair" and "Madam Chair") in one statement —
 * the presiding officer is one person. The fix uses the form the statement opens with.
 */
import type { Check, Finding } from './types';

const SALUTATION =
  /\b(Mr\.?|Mister|Madam|Madame|Mme\.?)\s+(President|Vice-President|Chair|Chairperson|Chairman|Chairwoman|Co-Chair|Co-Chairs|Secretary-General|Moderator|Facilitator)\b/g;

export const salutationMixed: Check = {
  code: 'salutation-mixed',
  summary: '"Mr. President" and "Madam President" in one statement',
  defaultSeverity: 'warning',
  run(input) {
    const findings: Array<Omit<Finding, 'code' | 'severity'>> = [];
    const firstByOffice = new Map<string, RegExpMatchArray>();
    for (const match of input.text.slice(input.bodyStart).matchAll(SALUTATION)) {
      const [whole, address, office] = match;
      const first = firstByOffice.get(office);
      if (!first) {
        firstByOffice.set(office, match);
        continue;
      }
      if (isMale(first[1]) === isMale(address)) continue;
      const start = input.bodyStart + (match.index ?? 0);
      const end = start + whole.length;
      const firstStart = input.bodyStart + (first.index ?? 0);
      findings.push({
        message: `"${whole}" here, but the statement opens with "${first[0]}" (line ${input.rangeOf(firstStart, firstStart).startLine + 1})`,
        start,
        end,
        fixes: [{ title: `Use "${first[0]}"`, start, end, replacement: first[0] }],
        related: [{ file: input.file, range: input.rangeOf(firstStart, firstStart + first[0].length), text: first[0] }],
      });
    }
    return findings;
  },
};

function isMale(address: string): boolean {
  return /^M(?:r|ister)/.test(address);
}
