/** `repeated-word`: "the the", "in in", and repeated runs of words ("United Nations United Nations Office"). */
import type { Check, Finding } from './types';

/** Doubled words that are grammatical: "that that", "had had". */
const ALLOWED_DOUBLES = new Set(['that', 'had']);
/** "what is mine is mine": a repeated run that opens with a verb of being is a figure of speech. */
const COPULA_START = /^(?:is|are|was|were)\s/i;
/** "Abdullah Abdullah", "Bora Bora": a doubled capitalised word is a name. */
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
/**
 * Latin letters, accented ones included, rather than \p{L}: a non-Unicode pattern runs in little more than half the
 * time, and statements are drafted in English or French.
 */
const REPEATED_RUN = /(?<![A-Za-zÀ-ɏ])((?:[A-Za-zÀ-ɏ]+[ \t\r\n]+){0,3}[A-Za-zÀ-ɏ]+)([ \t\r\n]+)\1(?![A-Za-zÀ-ɏ])/gi;

export const repeatedWord: Check = {
  code: 'repeated-word',
  summary: 'a word or phrase written twice in a row, "the the"',
  defaultSeverity: 'warning',
  run(input) {
    const findings: Array<Omit<Finding, 'code' | 'severity'>> = [];
    for (const match of input.text.matchAll(REPEATED_RUN)) {
      const [whole, run, gap] = match;
      const start = match.index ?? 0;
      const words = run.split(/\s+/);
      if (words.length === 1 && (ALLOWED_DOUBLES.has(run.toLowerCase()) || CAPITALISED.test(run))) continue;
      if (COPULA_START.test(run)) continue;
      // The same words in different case ("Nations nations") are rarely a slip; in the same case they are.
      if (run !== input.text.slice(start + run.length + gap.length, start + whole.length)) continue;
      const what = words.length === 1 ? `"${run}" twice` : `"${run.replace(/\s+/g, ' ')}" twice in a row`;
      findings.push({
        message: `Repeated ${words.length === 1 ? 'word' : 'words'}: ${what}`,
        start: start + run.length + gap.length,
        end: start + whole.length,
        fixes: [
          {
            title: `Remove the repeated "${run.replace(/\s+/g, ' ')}"`,
            start: start + run.length,
            end: start + whole.length,
            replacement: '',
          },
        ],
        related: [],
      });
    }
    return findings;
  },
};
