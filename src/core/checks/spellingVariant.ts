/**
 * `spelling-variant`: one word spelt two ways in one draft ("programme" and "program", "organization" and
 * "organisation"). The fix is the draft's majority form; with the UN style sheet chosen, `un-spelling` names the
 * style's form for every variant instead. Names keep their own spelling ("World Health Organization", "Global Center
 * for Combating Extremist Ideology") and do not count.
 */
import { findingMessage } from './message';
import { inCaseOf, inProperName, spellingKey } from './spellingTable';
import type { Check, Finding } from './types';

const WORD = /\p{L}+/gu;

export const spellingVariant: Check = {
  code: 'spelling-variant',
  summary: 'one word spelt two ways in a draft',
  defaultSeverity: 'warning',
  run(input) {
    if (input.style === 'un') return [];
    const byKey = new Map<string, Array<{ lower: string; written: string; start: number }>>();
    for (const match of input.text.slice(input.bodyStart).matchAll(WORD)) {
      const lower = match[0].toLowerCase();
      const key = spellingKey(lower);
      const start = input.bodyStart + (match.index ?? 0);
      if (!key || inProperName(input.text, start, start + match[0].length)) continue;
      const list = byKey.get(key) ?? [];
      list.push({ lower, written: match[0], start });
      byKey.set(key, list);
    }
    const findings: Array<Omit<Finding, 'code' | 'severity'>> = [];
    for (const words of byKey.values()) {
      const counts = new Map<string, number>();
      for (const { lower } of words) counts.set(lower, (counts.get(lower) ?? 0) + 1);
      if (counts.size < 2) continue;
      const chosen = [...counts.entries()].sort(
        (a, b) => b[1] - a[1] || words.findIndex((w) => w.lower === a[0]) - words.findIndex((w) => w.lower === b[0]),
      )[0][0];
      for (const word of words) {
        if (word.lower === chosen) continue;
        const end = word.start + word.written.length;
        const replacement = inCaseOf(word.written, chosen);
        findings.push({
          message: findingMessage({
            written: word.written,
            right: replacement,
            why: `this text spells it "${chosen}" too, more often or first: use one spelling`,
          }),
          start: word.start,
          end,
          fixes: [{ title: `Use "${replacement}"`, start: word.start, end, replacement }],
          related: [],
        });
      }
    }
    return findings;
  },
};
