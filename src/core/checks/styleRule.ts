/**
 * A style sheet's rule as a check: a pattern in the draft's body, a message, and the form the style sheet wants.
 * The rules themselves live in one table per style sheet (unStyle.ts).
 */
import { findingMessage } from './message';
import type { Check, Finding } from './types';

export interface StyleRule {
  code: string;
  /** What the rule wants, in a few words. */
  summary: string;
  pattern: RegExp;
  /** Why, in a clause: the finding's message leads with what is written → what the style sheet wants. */
  message(match: RegExpMatchArray): string;
  /** What replaces the match (read in the draft's body), or null when the rule names no single fix. */
  replacement(match: RegExpMatchArray, body: string): string | null;
  /** Matches the rule lets stand ("Resolution" opening a sentence). */
  allows?(match: RegExpMatchArray, body: string): boolean;
}

export function styleCheck(rule: StyleRule): Check {
  return {
    code: rule.code,
    summary: rule.summary,
    defaultSeverity: 'information',
    style: 'un',
    run(input) {
      const body = input.text.slice(input.bodyStart);
      const findings: Array<Omit<Finding, 'code' | 'severity'>> = [];
      for (const match of body.matchAll(rule.pattern)) {
        if (rule.allows?.(match, body)) continue;
        const start = input.bodyStart + (match.index ?? 0);
        const end = start + match[0].length;
        const replacement = rule.replacement(match, body);
        const changed = replacement !== null && replacement !== match[0];
        findings.push({
          message: findingMessage({
            ...(changed ? { written: match[0].trim(), right: replacement.trim() } : {}),
            why: rule.message(match),
            source: 'UN Editorial Manual',
          }),
          start,
          end,
          fixes: changed ? [{ title: `Use "${replacement}"`, start, end, replacement }] : [],
          related: [],
        });
      }
      return findings;
    },
  };
}

/** Whether a match opens a sentence (or a line), where capitals and spelt-out numbers belong. */
export function opensSentence(match: RegExpMatchArray, body: string): boolean {
  const before = body.slice(Math.max(0, (match.index ?? 0) - 3), match.index ?? 0);
  return (match.index ?? 0) === 0 || /(?:[.!?:]["”’)]?\s+|\n\s*|#\s+|^\s*)$/.test(before);
}
