/**
 * `figure-precedent`: a figure that differs from the one in the corpus passage the sentence closely follows —
 * "32 million US dollars" where the precedent says 23 million. Equal amounts written differently ("$23 million",
 * "23 million US dollars") are never flagged. Figures change legitimately, so this informs rather than warns.
 */
import { extractQuantities, Quantity } from '../facts/quantities';
import type { Check, Finding } from './types';
import { describePrecedent, followsClosely } from './precedentText';

export const figurePrecedent: Check = {
  code: 'figure-precedent',
  defaultSeverity: 'information',
  run(input) {
    const findings: Array<Omit<Finding, 'code' | 'severity'>> = [];
    for (const sentence of input.sentences) {
      const ours = extractQuantities(input.text.slice(sentence.start, sentence.end));
      if (ours.length === 0) continue;
      const precedent = input.precedentOf(sentence);
      if (!followsClosely(precedent)) continue;
      const theirs = extractQuantities(precedent.text);
      for (const quantity of ours) {
        const sameUnit = theirs.filter((q) => q.unit === quantity.unit);
        if (sameUnit.length === 0 || sameUnit.some((q) => q.value === quantity.value)) continue;
        findings.push({
          message: `${describePrecedent(precedent)} says ${list(sameUnit)} where this sentence says ${quantity.text}`,
          start: sentence.start + quantity.start,
          end: sentence.start + quantity.end,
          fixes: sameUnit.map((q) => ({ title: `Use the precedent's figure: ${q.text}`, start: sentence.start + quantity.start, end: sentence.start + quantity.end, replacement: q.text })),
          related: [{ file: precedent.file, range: precedent.range, text: precedent.text }],
        });
      }
    }
    return findings;
  },
};

function list(quantities: Quantity[]): string {
  return quantities.map((q) => `"${q.text}"`).join(' and ');
}
