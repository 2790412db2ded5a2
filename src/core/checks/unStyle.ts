/**
 * The UN Editorial Manual as checks, opt-in (`"style": "un"` in .precedent.json, or `precedent.style`): each rule its
 * own code, so one can be turned off alone, and each finding offers the fix. Seed 000, a verbatim record edited by
 * the UN itself, raises almost nothing.
 */
import { KNOWN_EXPANSIONS, WIDELY_KNOWN } from './knownAbbreviations';
import { inCaseOf, inProperName, unSpelling } from './spellingTable';
import { MONTH_ALTERNATIVES } from '../text/dates';
import { NUMBER_WORD_ALTERNATIVES, numberWordValue, unitWord } from '../text/numberWords';
import { opensSentence, styleCheck } from './styleRule';
import type { Check } from './types';

const MONTH = `(${MONTH_ALTERNATIVES})`;
/** A measure takes figures: "3 metres", "2 degrees", "40 hectares". */
const MEASURED = new RegExp(
  String.raw`^\s+(?:(?:square|cubic)\s+)?` +
    String.raw`(?:metres|meters|kilometres|kilometers|miles|feet|degrees|litres|liters|hectares|acres|tons|tonnes|kilograms|megawatts)\b`,
  'i',
);
/** An age takes figures: "5 years old", "under 5 years of age". */
const AGED = /^\s+(?:years?|months?)\s+(?:old|of\s+age)\b/i;
/** Figures of a series, 10 to 999 (not years), within a few words: "24 channels, 7 news agencies, 11 FM stations". */
const SERIES_REACH = 45;

function inSeriesWithLarger(text: string, at: number): boolean {
  const around = text.slice(Math.max(0, at - SERIES_REACH), at + SERIES_REACH);
  return /(?:^|[\s(])(?:[1-9]\d{1,2})(?=\s+\p{Ll})/u.test(around) && /[,;]|\band\b/.test(around);
}

/** What follows an abbreviation that also ends its sentence: the end of the text, or a word a sentence opens with. */
const NEW_SENTENCE_AFTER =
  /^(?:\s*$|\s+(?:The|This|These|That|Those|We|I|It|In|On|At|For|Our|They|He|She|But|And|As|A|An|There|Its|His|Her)\b)/;

/** Words after which a small figure is a label, not a count: "resolution 5", "Goal 3", "paragraph 2". */
const LABEL_WORDS =
  String.raw`resolution|paragraph|article|goal|sdg|page|chapter|annex|item|rule|section|phase|level|category|step|point|` +
  String.raw`objective|target|option|pillar|clause|no\.|number|table|figure|box|part|session|round|cycle|stage|type|grade|agenda`;
const LABELLED = new RegExp(String.raw`(?:${LABEL_WORDS})\s*$`, 'i');

const unResolutionCase: Check = styleCheck({
  code: 'un-resolution-case',
  summary: '"resolution" in lower case in running text',
  pattern: /\bResolution(s?)(?=\s+\d)/g,
  message: () => '"resolution" is lower case in running text: "Security Council resolution 2331 (2016)"',
  replacement: (m) => `resolution${m[1]}`,
  allows: opensSentence,
});

const unBodyInFull: Check = styleCheck({
  code: 'un-body-in-full',
  summary: 'the issuing body in full',
  pattern: /\b(UNSC|UNGA|SC|GA)(?=\s+[Rr]esolutions?\b)|\bUNSC\b|\bUNGA\b/g,
  message: () => 'the issuing body is named in full',
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
  message: () => 'dates are written day, month, year',
  replacement: unDate,
});

function unDate(m: RegExpMatchArray): string {
  return m[1] ? `${m[2]} ${m[1]} ${m[3]}` : `${m[4]} ${m[5]}`;
}

const unMemberStates: Check = styleCheck({
  code: 'un-member-states',
  summary: '"Member States"',
  // In capitals a text has no case to correct.
  pattern: /\b(?:member states|Member states)\b/g,
  message: () => 'the Member States of the United Nations take capitals',
  replacement: () => 'Member States',
  // Members of another body are "member States" in UN style, not "Member States": "AU member states", "European
  // Union member states", "the member
  // states of the Southern African Development Community", Somalia's "federal member states".
  allows: (m, text) => {
    const at = m.index ?? 0;
    const before = text.slice(Math.max(0, at - 30), at);
    const after = text.slice(at + m[0].length, at + m[0].length + 60);
    const ofAnother = /^\s+of\s+(?:the\s+)?(?!United Nations|UN\b|Organization|this (?:Organization|Assembly)|our Organization)\p{Lu}/u;
    const anotherName = /\b(?!UN\b)\p{Lu}{2,}\s+$|\p{Lu}\p{L}+\s+(?!Nations\b)\p{Lu}\p{L}+\s+$/u;
    return anotherName.test(before) || /\bfederal\s+$/i.test(before) || ofAnother.test(after);
  },
});

const unSecretaryGeneral: Check = styleCheck({
  code: 'un-secretary-general',
  summary: '"Secretary-General"',
  pattern: /\b[Ss]ecretary(?:\s+|\s*-\s*)[Gg]eneral\b/g,
  message: () => 'the title takes capitals and a hyphen',
  replacement: () => 'Secretary-General',
  allows: (m) => m[0] === 'Secretary-General',
});

const unSpellingRule: Check = styleCheck({
  code: 'un-spelling',
  summary: 'Oxford spelling',
  pattern: /\p{L}+/gu,
  message: () => 'the UN spells as the Oxford English Dictionary does',
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
    `(?<![\\d.,/$€£¥%+–—-])\\b(?:([1-9])|(${NUMBER_WORD_ALTERNATIVES}))(?=\\s+(?!(?:this|thus|does|was|has|its|his)\\b)\\p{Ll}{3,}s\\b)`,
    'gu',
  ),
  message: (m) => (m[1] ? 'numbers one to nine are written in words' : 'numbers 10 and above are written in figures'),
  replacement: (m) => (m[1] ? unitWord(Number(m[1])) : String(numberWordValue(m[2]))),
  allows: (m, text) => {
    // One to nine in words is the style itself.
    if (m[2] && numberWordValue(m[2])! < 10) return true;
    const before = text.slice(Math.max(0, (m.index ?? 0) - 20), m.index ?? 0);
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 20);
    // "5 per cent", "5 million", a label ("Goal 5"), a figure opening a sentence (then spelt out anyway), a measure or
    // an age ("3 metres", "2 degrees", "5 years old"), part of a number spelt out whole ("eight hundred and fifty"), a
    // range ("4–5 years"), and a figure in a series with larger ones ("24 channels, 7 news agencies, 11 stations").
    return (
      LABELLED.test(before) ||
      /^\s+(?:per|percent|million|billion|thousand|hundred|times)\b/i.test(after) ||
      (m[2] !== undefined && opensSentence(m, text)) ||
      MEASURED.test(after) ||
      AGED.test(after) ||
      (m[2] !== undefined && /\b(?:hundred|thousand)\s+(?:and\s+)?$/i.test(before)) ||
      /^\s*[–—-]\s*\d/.test(after) ||
      // "11-51378 4": the record's page furniture, its job number then the page.
      /\b\d{2}-\d{5}\s*$/.test(before) ||
      (m[1] !== undefined && inSeriesWithLarger(text, m.index ?? 0))
    );
  },
});

const unPerCent: Check = styleCheck({
  code: 'un-per-cent',
  summary: '"per cent"',
  pattern: /(?<=\d)\s?%|\bpercent\b/gi,
  message: () => '"per cent" is written in words',
  replacement: (m) => (m[0].endsWith('%') ? ' per cent' : inCaseOf(m[0], 'per cent')),
});

const unAbbreviationStops: Check = styleCheck({
  code: 'un-abbreviation-stops',
  summary: 'no full stops in abbreviations',
  pattern: /\b(?:[A-Z]\.){2,}(?![A-Za-z])/g,
  message: () => 'abbreviations take no full stops',
  // "in the U.S. The next…": the last stop also ends the sentence, and stays; "the U.N. Charter" goes on.
  replacement: (m, body) => m[0].replace(/\./g, '') + (NEW_SENTENCE_AFTER.test(body.slice((m.index ?? 0) + m[0].length)) ? '.' : ''),
  // A title and a place keep theirs: "H.E.", "Washington, D.C."; so do a person's initials ("P.C. Chang", "Captain
  // H.W.D. Jayawickrama") and a name's ("the O.K. Corral"): letters that are no known abbreviation, before a name.
  allows: (m, body) => {
    if (m[0] === 'H.E.' || m[0] === 'D.C.') return true;
    const letters = m[0].replace(/\./g, '');
    const known = WIDELY_KNOWN.has(letters) || KNOWN_EXPANSIONS[letters] !== undefined;
    return !known && /^\s+\p{Lu}\p{Ll}/u.test(body.slice((m.index ?? 0) + m[0].length));
  },
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
