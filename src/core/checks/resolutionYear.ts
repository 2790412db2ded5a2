/**
 * `resolution-year`: a Security Council citation whose year — in parentheses or stated in the prose beside it — is
 * not the year the resolution was adopted. Seed 000's "Resolution 2231 (2016)" is the case: 2231 is of 2015, and
 * the speech meant 2331 (2016).
 */
import type { Citation } from '../citations/extract';
import { looksLikeGeneralAssembly } from './resolutionBody';
import { followsClosely } from './precedentText';
import type { Check, CheckInput, Fix } from './types';

export const resolutionYear: Check = {
  code: 'resolution-year',
  summary: 'a Security Council citation whose year is not its year of adoption',
  defaultSeverity: 'warning',
  run(input) {
    return input.citations.flatMap((citation) => {
      if (citation.body !== 'security-council' || looksLikeGeneralAssembly(citation, input.registry)) return [];
      const cited = citation.year ?? citation.statedDate?.year ?? null;
      const actual = input.registry.securityCouncilYear(citation.number);
      if (cited === null || actual === null || cited === actual) return [];
      const entry = input.registry.entry(citation.number);
      const adopted = entry ? `on ${entry.date}${entry.title ? ` (${entry.title})` : ''}` : `in ${actual}`;
      const fixes: Fix[] = [];
      if (citation.yearStart !== null && citation.yearEnd !== null) {
        fixes.push({
          title: `Change the year to ${actual}`,
          start: citation.yearStart,
          end: citation.yearEnd,
          replacement: String(actual),
        });
      }
      const alternatives = oneDigitAway(citation.number).filter(
        (n) => input.registry.securityCouncilYear(n) === cited && corpusCitesAlike(input, citation, n),
      );
      for (const n of alternatives) {
        fixes.push({
          title: `Did you mean resolution ${n} (${cited})?`,
          start: citation.numberStart,
          end: citation.numberEnd,
          replacement: String(n),
        });
      }
      const stated = citation.year !== null ? '' : ` ("${citation.statedDate!.text}")`;
      const suggestion = alternatives.length > 0 ? `; did you mean resolution ${alternatives.join(' or ')} (${cited})?` : '';
      return [
        {
          message: `Security Council resolution ${citation.number} was adopted ${adopted}, not in ${cited}${stated}${suggestion}`,
          start: citation.start,
          end: citation.year !== null ? citation.end : citation.statedDate!.end,
          fixes,
          related: [],
        },
      ];
    });
  },
};

/** Numbers that differ from `n` in one digit: the slip that turns 2331 into 2231. */
function oneDigitAway(n: number): number[] {
  const digits = String(n);
  const found: number[] = [];
  for (let i = 0; i < digits.length; i++) {
    for (let d = 0; d <= 9; d++) {
      if (String(d) === digits[i] || (i === 0 && d === 0)) continue;
      found.push(Number(digits.slice(0, i) + d + digits.slice(i + 1)));
    }
  }
  return found;
}

/** Whether the corpus cites resolution `n` in a passage close to the sentence that cites this one. */
function corpusCitesAlike(input: CheckInput, citation: Citation, n: number): boolean {
  const sentence = input.sentences.find((s) => s.start <= citation.start && citation.start < s.end);
  if (!sentence) return false;
  const replaced = input.text.slice(sentence.start, citation.numberStart) + n + input.text.slice(citation.numberEnd, sentence.end);
  return followsClosely(input.precedentOf({ text: replaced, start: sentence.start, end: sentence.end }, n));
}
