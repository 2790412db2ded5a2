/**
 * `salutation-mixed`: "Mr. President" and "Madam President" (or "Mr. Chair" and "Madam Chair") in one statement —
 * the presiding officer is one person. The fix uses the form the statement opens with. Only addresses count: a
 * salutation set off as one ("Mr. President, …", "…, Madam President.", "Thank you, Mr. Chair"), not one a sentence
 * talks about ("next year delegates will address Madam President").
 */
import type { Check, Finding } from './types';

const TITLES = 'President|Vice-President|Chair|Chairperson|Chairman|Chairwoman|Co-Chair|Co-Chairs|Secretary-General|Moderator|Facilitator';
const SALUTATION = new RegExp(String.raw`\b(Mr\.?|Mister|Madam|Madame|Mme\.?)\s+(${TITLES})\b`, 'g');

export const salutationMixed: Check = {
  code: 'salutation-mixed',
  summary: '"Mr. President" and "Madam President" in one statement',
  defaultSeverity: 'warning',
  run(input) {
    const findings: Array<Omit<Finding, 'code' | 'severity'>> = [];
    const firstByOffice = new Map<string, RegExpMatchArray>();
    for (const match of input.text.slice(input.bodyStart).matchAll(SALUTATION)) {
      const [whole, address, office] = match;
      const at = input.bodyStart + (match.index ?? 0);
      if (!isAddress(input.text, at, at + whole.length)) continue;
      const first = firstByOffice.get(office);
      if (!first) {
        firstByOffice.set(office, match);
        continue;
      }
      if (isMale(first[1]) === isMale(address)) continue;
      const [start, end] = [at, at + whole.length];
      const firstStart = input.bodyStart + (first.index ?? 0);
      const firstLine = input.rangeOf(firstStart, firstStart).startLine + 1;
      findings.push({
        message: `"${whole}" here, but the statement opens with "${first[0]}" (line ${firstLine})`,
        start,
        end,
        fixes: [{ title: `Use "${first[0]}"`, start, end, replacement: first[0] }],
        related: [{ file: input.file, range: input.rangeOf(firstStart, firstStart + first[0].length), text: first[0] }],
      });
    }
    return findings;
  },
};

/** Emphasis marks and spaces around a salutation ("**Mr President,**") are not what sets it off. */
const BEFORE_ADDRESS = /(?:^|[.!?:;,\n—–-])[\s*_]*$/;
const COMMA_AFTER = /^[\s*_]*,/;
const END_AFTER = /^[\s*_]*(?:[.!?;:\n—–]|$)/;

/** A salutation addresses someone when a comma follows it, or when it stands alone between sentence marks. */
function isAddress(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 8);
  return COMMA_AFTER.test(after) || (BEFORE_ADDRESS.test(text.slice(Math.max(0, start - 8), start)) && END_AFTER.test(after));
}

function isMale(address: string): boolean {
  return /^M(?:r|ister)/.test(address);
}
