/**
 * `resolution-precedent`: a draft sentence that closely follows a corpus passage but cites a different resolution
 * number. The mission's text of the 2017 speech says "Resolution 2331, which was adopted last December, calls upon
 * the Member States to fully implement …"; a draft that says 2231 in those words is flagged, naming that passage.
 * A passage whose own citation is wrong (the audit would flag it) is no authority: its number is never offered.
 */
import { citationProblem } from '../citations/diagnose';
import { extractCitations } from '../citations/extract';
import { findingMessage } from './message';
import type { Check, Finding } from './types';
import { describePrecedent, followsClosely } from './precedentText';

export const resolutionPrecedent: Check = {
  code: 'resolution-precedent',
  summary: 'a sentence that closely follows a corpus passage but cites another resolution',
  defaultSeverity: 'warning',
  run(input) {
    const findings: Array<Omit<Finding, 'code' | 'severity'>> = [];
    for (const sentence of input.sentences) {
      const cited = input.citations.filter((c) => c.start >= sentence.start && c.start < sentence.end && c.session === null);
      if (cited.length === 0) continue;
      const precedent = input.precedentOf(sentence);
      if (!followsClosely(precedent)) continue;
      const theirs = extractCitations(precedent.text)
        .filter((c) => c.session === null && citationProblem(c, input.registry) === null)
        .map((c) => c.number);
      if (theirs.length === 0) continue;
      for (const citation of cited) {
        if (theirs.includes(citation.number)) continue;
        const other = theirs.length === 1 ? `resolution ${theirs[0]}` : `resolutions ${theirs.join(', ')}`;
        findings.push({
          message: findingMessage({
            written: String(citation.number),
            right: theirs.join(' or '),
            why: `this sentence follows ${describePrecedent(precedent)} closely, which cites ${other}`,
          }),
          start: citation.numberStart,
          end: citation.numberEnd,
          fixes: theirs.map((n) => ({
            title: `Cite resolution ${n}, as the precedent does`,
            start: citation.numberStart,
            end: citation.numberEnd,
            replacement: String(n),
          })),
          related: [{ file: precedent.file, range: precedent.range, text: precedent.text }],
        });
      }
    }
    return findings;
  },
};
