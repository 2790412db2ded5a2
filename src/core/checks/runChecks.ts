/** Runs every check over a text and applies what the drafter decided: severities, suppressions, dismissals. */
import { abbreviationBeforeDefinition } from './abbreviationBeforeDefinition';
import { abbreviationRedefined } from './abbreviationRedefined';
import { abbreviationUndefined } from './abbreviationUndefined';
import { bracketLeft } from './bracketLeft';
import { citationSubject } from './citationSubject';
import type { CheckConfig } from './config';
import { figurePrecedent } from './figurePrecedent';
import { repeatedWord } from './repeatedWord';
import { resolutionBody } from './resolutionBody';
import { resolutionInconsistent } from './resolutionInconsistent';
import { resolutionPrecedent } from './resolutionPrecedent';
import { resolutionYear } from './resolutionYear';
import { salutationMixed } from './salutationMixed';
import { spellingVariant } from './spellingVariant';
import { readSuppressions } from './suppression';
import type { Check, CheckInput, Finding } from './types';
import { UN_STYLE_CHECKS } from './unStyle';

export const CHECKS: readonly Check[] = [
  resolutionYear,
  resolutionBody,
  resolutionInconsistent,
  resolutionPrecedent,
  citationSubject,
  figurePrecedent,
  repeatedWord,
  abbreviationUndefined,
  abbreviationBeforeDefinition,
  abbreviationRedefined,
  salutationMixed,
  spellingVariant,
  bracketLeft,
  ...UN_STYLE_CHECKS,
];

export function runChecks(input: CheckInput, config: CheckConfig): Finding[] {
  // Suppressions are HTML comments: read from the text as written, not from its prose.
  const suppressions = readSuppressions(input.draft.text);
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    const severity = config.checks[check.code] ?? check.defaultSeverity;
    if (severity === 'off' || (check.style && check.style !== config.style)) continue;
    for (const finding of check.run(input)) {
      const line = input.rangeOf(finding.start, finding.start).startLine;
      if (suppressions.isSuppressed(check.code, line)) continue;
      const text = input.text.slice(finding.start, finding.end);
      if (config.ignore.some((i) => i.file === input.file && i.code === check.code && i.text === text)) continue;
      findings.push({ ...finding, code: check.code, severity });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
}
