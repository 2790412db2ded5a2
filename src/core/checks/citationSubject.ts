/**
 * `citation-subject`: number and year agree, but the sentence speaks of what another resolution, a slip of the pen
 * away, is about. "Resolution 2231 (2015) calls upon Member States to fully implement the … Protocol to Prevent,
 * Suppress and Punish Trafficking in Persons": 2231 is the resolution the corpus cites on the Iran nuclear deal; the
 * trafficking resolution is 2331 (2016). A registry alone cannot catch it; the words the corpus writes around each
 * resolution's citations can. Information: it is a judgement on the sentence's subject, so its fix is a choice.
 */
import { isSecurityCouncilCitation, citationProblem, nearNumbers } from '../citations/diagnose';
import { FIT_RATIO, SUBJECT_FIT, sentenceOf } from './citationContext';
import { findingMessage } from './message';
import type { Check, Finding } from './types';

/** Another resolution's subject counts only when the corpus cites it this often (its words are then its own). */
const MIN_CITATIONS = 2;

export const citationSubject: Check = {
  code: 'citation-subject',
  summary: 'a resolution cited with its right year, in a sentence about what another resolution a slip of the pen away is cited for',
  defaultSeverity: 'information',
  run(input) {
    const findings: Array<Omit<Finding, 'code' | 'severity'>> = [];
    for (const citation of input.citations) {
      if (!isSecurityCouncilCitation(citation) || citationProblem(citation, input.registry)) continue;
      const year = input.registry.securityCouncilYear(citation.number);
      if (year === null) continue;
      const sentence = sentenceOf(input, citation);
      const ownFit = input.subjects.fit(sentence.text, citation.number, input.registry);
      if (ownFit >= SUBJECT_FIT) continue;
      // A resolution the sentence cites too is no slip for this one.
      const cited = new Set(input.citations.filter((c) => c.start >= sentence.start && c.start < sentence.end).map((c) => c.number));
      let best: { number: number; fit: number } | null = null;
      for (const number of nearNumbers(citation.number)) {
        if (cited.has(number) || input.subjects.subject(number, input.registry).citations < MIN_CITATIONS) continue;
        const fit = input.subjects.fit(sentence.text, number, input.registry);
        if (fit >= SUBJECT_FIT && fit >= FIT_RATIO * ownFit && (!best || fit > best.fit)) best = { number, fit };
      }
      const theirYear = best && input.registry.securityCouncilYear(best.number);
      if (!best || !theirYear) continue;
      const theirSubject = input.subjects.subject(best.number, input.registry);
      const ourSubject = input.subjects.subject(citation.number, input.registry);
      const theirs = theirSubject.named ? `, ${theirSubject.named}` : '';
      const ourDescription = ourSubject.named ?? ourSubject.agendaItem;
      const ours = ourDescription ? `; resolution ${citation.number} is ${ourDescription}` : '';
      const end = citation.year !== null ? citation.end : citation.numberEnd;
      const written = input.text.slice(citation.numberStart, end).replace(/\s+/g, ' ');
      const right = citation.year !== null ? `${best.number} (${theirYear})` : String(best.number);
      findings.push({
        message: findingMessage({
          written,
          right: `${right}?`,
          why: `this sentence is about what the corpus cites resolution ${best.number} (${theirYear}) for${theirs}${ours}`,
        }),
        start: citation.start,
        end: citation.end,
        fixes: [{ title: `Cite resolution ${right}`, start: citation.numberStart, end, replacement: right, choice: true }],
        related: [],
      });
    }
    return findings;
  },
};
