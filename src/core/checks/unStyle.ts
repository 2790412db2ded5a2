/**
 * The UN Editorial Manual as checks, opt-in (`"style": "un"` in .precedent.json, or `precedent.style`): each rule its
 * own code, so one can be turned off alone, and each finding offers the fix. Seed 000, a verbatim record edited by
 * the UN itself, raises almost nothing.
 */
import { inCaseOf, inProperName, unSpelling } from './spellingTable';
import { MONTH_ALTERNATIVES } from '../text/dates';
import { NUMBER_WORD_ALTERNATIVES, numberWordValue, unitWord } from '../text/numberWords';
import { opensSentence, styleCheck } from './styleRule';
import type { Check } from './types';

const MONTH = `(${MONTH_ALTERNATIVES})`;
/** Words after which a small figure is a label, not a count: "resolution 5", "Goal 3", "paragraph 2". */
const LABEL_WORDS =
  String.raw`resolution|paragraph|article|goal|sdg|page|chapter|annex|item|rule|section|phase|level|category|step|point|` +
  String.raw`objective|target|option|pillar|clause|no\.|number|table|figure|box|part|session|round|cycle|stage|type|grade|agenda`;
const LABELLED = new RegExp(String.raw`(?:${LABEL_WORDS})\s*$`, 'i');

const unResolutionCase: Check = styleCheck({
  code: 'un-resolution-case',
  summary: '"resolution" in lower case in running text',
  pattern: /\bResolution(s?)(?=\s+\d)/g,
  message: () => '"resolution" is lower case in running text (UN Editorial Manual): "Security Council resolution 2331 (2016)"',
  replacement: (m) => `resolution${m[1]}`,
  allows: opensSentence,
});

const unBodyInFull: Check = styleCheck({
  code: 'un-body-in-full',
  summary: 'the issuing body in full',
  pattern: /\b(UNSC|UNGA|SC|GA)(?=\s+[Rr]esolutions?\b)|\bUNSC\b|\bUNGA\b/g,
  message: (m) => `Name the issuing body in full: "${body(m[0])}", not "${m[0]}"`,
  replacement: (m) => body(m[0]),
});

function body(abbreviation: string): string {
  return /SC$/.test(abbreviation) ? 'Security Council' : 'General Assembly';
}

const unDateFormat: Check = styleCheck({
  code: 'un-date-format',
  summary: 'dates as "20 December 2016"',
  pattern: new RegExp(
    `\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b|\\b(\\d{1,2})(?:st|nd|rd|th)\\s+(?:of\\s+)?${MONTH}\\b`,
    'g',
  ),
  message: (m) => `Dates are written day, month, year: "${unDate(m)}"`,
  replacement: unDate,
});

function unDate(m: RegExpMatchArray): string {
  return m[1] ? `${m[2]} ${m[1]} ${m[3]}` : `${m[4]} ${m[5]}`;
}

const unMemberStates: Check = styleCheck({
  code: 'un-member-states',
  summary: '"Member States"',
  pattern: /\b(?:member states|Member states|MEMBER STATES)\b/g,
  message: () => '"Member States" of the United Nations take capitals',
  replacement: () => 'Member States',
});

const unSecretaryGeneral: Check = styleCheck({
  code: 'un-secretary-general',
  summary: '"Secretary-General"',
  pattern: /\b[Ss]ecretary(?:\s+|\s*-\s*)[Gg]eneral\b/g,
  message: () => 'The title is written "Secretary-General"',
  replacement: () => 'Secretary-General',
  allows: (m) => m[0] === 'Secretary-General',
});

const unSpellingRule: Check = styleCheck({
  code: 'un-spelling',
  summary: 'Oxford spelling',
  pattern: /\p{L}+/gu,
  message: (m) => `UN spelling (Oxford): "${inCaseOf(m[0], unSpelling(m[0].toLowerCase())!)}"`,
  replacement: (m) => inCaseOf(m[0], unSpelling(m[0].toLowerCase())!),
  allows: (m, body) => {
    const wanted = unSpelling(m[0].toLowerCase());
    return wanted === null || wanted === m[0].toLowerCase() || inProperName(body, m.index ?? 0, (m.index ?? 0) + m[0].length);
  },
});

const unNumbers: Check = styleCheck({
  code: 'un-numbers',
  summary: 'one to nine in words, 10 and above in figures',
  // A count: a figure or number word before a plural noun ("5 missions", "twelve experts"), not before "is" or "this".
  pattern: new RegExp(
    `(?<![\\d.,/$€£¥%-])\\b(?:([1-9])|(${NUMBER_WORD_ALTERNATIVES}))(?=\\s+(?!(?:this|thus|does|was|has|its|his)\\b)\\p{Ll}{3,}s\\b)`,
    'gu',
  ),
  message: (m) =>
    m[1]
      ? `Numbers one to nine are written in words: "${unitWord(Number(m[1]))}"`
      : `Numbers 10 and above are written in figures: "${numberWordValue(m[2])}"`,
  replacement: (m) => (m[1] ? unitWord(Number(m[1])) : String(numberWordValue(m[2]))),
  allows: (m, text) => {
    // One to nine in words is the style itself.
    if (m[2] && numberWordValue(m[2])! < 10) return true;
    const before = text.slice(Math.max(0, (m.index ?? 0) - 20), m.index ?? 0);
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 20);
    // "5 per cent", "5 million", a label ("Goal 5"), a figure opening a sentence (then spelt out anyway).
    return (
      LABELLED.test(before) ||
      /^\s+(?:per|percent|million|billion|thousand|hundred|times)\b/i.test(after) ||
      (m[2] !== undefined && opensSentence(m, text))
    );
  },
});

const unPerCent: Check = styleCheck({
  code: 'un-per-cent',
  summary: '"per cent"',
  pattern: /(?<=\d)\s?%|\bpercent\b/gi,
  message: () => '"per cent", in words',
  replacement: (m) => (m[0].endsWith('%') ? ' per cent' : inCaseOf(m[0], 'per cent')),
});

const unAbbreviationStops: Check = styleCheck({
  code: 'un-abbreviation-stops',
  summary: 'no full stops in abbreviations',
  pattern: /\b(?:[A-Z]\.){2,}(?![A-Za-z])/g,
  message: (m) => `No full stops in abbreviations: "${m[0].replace(/\./g, '')}"`,
  // "in the U.S. The next…": the last stop also ends the sentence, and stays.
  replacement: (m, body) => m[0].replace(/\./g, '') + (/^(?:\s+\p{Lu}|\s*$)/u.test(body.slice((m.index ?? 0) + m[0].length)) ? '.' : ''),
  // A title and a place keep theirs: "H.E.", "Washington, D.C.".
  allows: (m) => m[0] === 'H.E.' || m[0] === 'D.C.',
});

export const UN_STYLE_CHECKS: readonly Check[] = [
  unResolutionCase,
  unBodyInFull,
  unDateFormat,
  unMemberStates,
  unSecretaryGeneral,
  unSpellingRule,
  unNumbers,
  unPerCent,
  unAbbreviationStops,
];
