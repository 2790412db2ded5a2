/**
 * `bracket-left`: square-bracketed alternatives ("[encourages/calls upon]") and "bis"/"ter" paragraphs left in a
 * draft whose front matter says `status: final` — negotiated texts carry them until agreed, a final text never.
 * Each alternative is offered as a fix.
 */
import { findingMessage } from './message';
import type { Check, Finding } from './types';

/** Not a Markdown link ("[text](url)", "[text][ref]"), footnote ("[^1]") or reference definition ("[ref]: url"). */
const BRACKETED = /\[(?!\^)([^\]\n]{1,200})\](?![([:])/g;
/** A quotation's editorial brackets and a task box are at home in a final text: "[…]", "[sic]", "[ ]", "[x]". */
const EDITORIAL = /^(?:\.\.\.|…|sic|\s|x|X)$/;
const BIS_TER = /\b\d+\s+(bis|ter|quater)\b/g;

export const bracketLeft: Check = {
  code: 'bracket-left',
  summary: 'brackets and "bis" left in a draft marked final',
  defaultSeverity: 'warning',
  run(input) {
    if (input.documentStatus?.toLowerCase() !== 'final') return [];
    const body = input.text.slice(input.bodyStart);
    const findings: Array<Omit<Finding, 'code' | 'severity'>> = [];
    for (const match of body.matchAll(BRACKETED)) {
      if (EDITORIAL.test(match[1])) continue;
      const start = input.bodyStart + (match.index ?? 0);
      const end = start + match[0].length;
      const alternatives = match[1].includes('/')
        ? match[1]
            .split('/')
            .map((a) => a.trim())
            .filter(Boolean)
        : [];
      findings.push({
        message: findingMessage({
          ...(alternatives.length > 0 ? { written: match[0], right: alternatives.map((a) => `"${a}"`).join(' or ') } : {}),
          why: 'brackets left in a final text',
        }),
        start,
        end,
        fixes: alternatives.map((alternative) => ({ title: `Keep "${alternative}"`, start, end, replacement: alternative, choice: true })),
        related: [],
      });
    }
    for (const match of body.matchAll(BIS_TER)) {
      const start = input.bodyStart + (match.index ?? 0);
      findings.push({
        message: findingMessage({ why: `"${match[0]}" left in a final text: number the paragraphs anew` }),
        start,
        end: start + match[0].length,
        fixes: [],
        related: [],
      });
    }
    return findings;
  },
};
