/**
 * `figure-precedent`: a figure that differs from what the corpus records. Where the sentence states a fact the
 * corpus also records (same actor, relation and subject: "Japan · pledged · UNODC"), the figure is compared with the
 * latest one: equal is never flagged, an older one is named as such ("this is the 2014 figure; the 2023 statement
 * says …"). Other figures are compared with the passage the sentence closely follows, unless the sentence changes
 * another of its numbers too (another year, another count: another occasion). Equal amounts written
 * differently ("$23 million", "23 million US dollars") are never flagged. Figures change legitimately, so this
 * informs rather than warns.
 */
import * as path from 'path';
import type { Fact } from '../facts/factBase';
import { comparableQuantities, extractQuantities, type Quantity, sameQuantity } from '../facts/quantities';
import type { Check, CheckInput, Finding, Sentence } from './types';
import { describePrecedent, followsClosely } from './precedentText';
import { findingMessage } from './message';
import { numberWordValue } from '../text/numberWords';
import { tokenize } from '../text/tokenize';
import { wordChanges, wordDiff } from '../text/wordDiff';

type FigureFinding = Omit<Finding, 'code' | 'severity'>;

export const figurePrecedent: Check = {
  code: 'figure-precedent',
  summary: 'a figure that differs from what the corpus records on the same subject',
  defaultSeverity: 'information',
  run(input) {
    const findings: FigureFinding[] = [];
    for (const sentence of input.sentences) {
      const text = input.text.slice(sentence.start, sentence.end);
      const quantities = extractQuantities(text);
      if (quantities.length === 0) continue;
      const compared = compareWithFacts(input, sentence, findings);
      const rest = quantities.filter((q) => !compared.has(q.start));
      if (rest.length > 0) compareWithPrecedent(input, sentence, rest, findings);
    }
    return findings;
  },
};

/** Figures of facts the corpus records; returns the offsets (in the sentence) of the figures it compared. */
function compareWithFacts(input: CheckInput, sentence: Sentence, findings: FigureFinding[]): Set<number> {
  const compared = new Set<number>();
  for (const fact of input.factsIn(sentence)) {
    // "Japan provided $5 billion" names no recipient: its figures cannot be matched to another statement's.
    if (fact.quantities.length === 0 || !fact.object || fact.subject.key === fact.actor.key) continue;
    const recorded = input.recordedFacts(fact);
    for (const quantity of fact.quantities) {
      // Counts ("two resolutions") and rankings describe an occasion, not a running figure.
      if (quantity.unit === 'count' || quantity.unit === 'ordinal') continue;
      const history = recorded.flatMap((f) =>
        f.quantities.filter((q) => comparableQuantities(q, quantity)).map((q) => ({ fact: f, quantity: q })),
      );
      if (history.length === 0) continue;
      compared.add(quantity.start);
      const [latest] = history;
      if (sameQuantity(latest.quantity, quantity)) continue;
      const older = history.find((h) => sameQuantity(h.quantity, quantity));
      const start = sentence.start + quantity.start;
      const end = sentence.start + quantity.end;
      const recipient = fact.subject.display === fact.actor.display ? '' : `to ${fact.subject.display} `;
      const subject = `${fact.actor.display} ${fact.relation} ${recipient}`;
      findings.push({
        message: findingMessage({
          written: quantity.text,
          right: latest.quantity.text,
          why: older
            ? `this is ${when(older.fact)} figure; ${source(latest.fact)} gives the latest (${subject.trim()})`
            : `${source(latest.fact)} says ${subject}"${latest.quantity.text}"`,
        }),
        start,
        end,
        fixes: [{ title: `Use the latest figure: ${latest.quantity.text}`, start, end, replacement: latest.quantity.text, choice: true }],
        related: [latest, ...(older ? [older] : [])].map(({ fact: f }) => ({ file: f.file, range: f.range, text: f.text })),
      });
    }
  }
  return compared;
}

/** Other figures, against the corpus passage the sentence closely follows. */
function compareWithPrecedent(input: CheckInput, sentence: Sentence, ours: Quantity[], findings: FigureFinding[]): void {
  const precedent = input.precedentOf(sentence);
  if (!followsClosely(precedent)) return;
  const text = input.text.slice(sentence.start, sentence.end);
  const theirs = extractQuantities(precedent.text);
  for (const quantity of ours) {
    const comparable = theirs.filter((q) => comparableQuantities(q, quantity));
    if (comparable.length === 0 || comparable.some((q) => sameQuantity(q, quantity))) continue;
    if (changesOtherNumbers(precedent.text, text, quantity)) continue;
    const start = sentence.start + quantity.start;
    const end = sentence.start + quantity.end;
    findings.push({
      message: findingMessage({
        written: quantity.text,
        right: comparable.map((q) => q.text).join(' or '),
        why: `${describePrecedent(precedent)} says ${quoted(comparable)}`,
      }),
      start,
      end,
      fixes: comparable.map((q) => ({ title: `Use the precedent's figure: ${q.text}`, start, end, replacement: q.text, choice: true })),
      related: [{ file: precedent.file, range: precedent.range, text: precedent.text }],
    });
  }
}

/**
 * Whether the sentence, worded after the passage, changes a number of it other than figures of this kind: a year
 * ("for 2023" → "for 2024"), a count ("those two conferences" → "those three"), a report's period. The two then speak
 * of different occasions, and their figures may rightly differ. A number only one of them has changes nothing.
 */
function changesOtherNumbers(passage: string, sentence: string, kind: Quantity): boolean {
  const changes = wordChanges(wordDiff(withoutFigures(passage, kind), withoutFigures(sentence, kind)));
  return changes.some(({ from, to }) => {
    const before = numbersIn(from);
    const after = numbersIn(to);
    return before !== '' && after !== '' && before !== after;
  });
}

/** The text with each figure of this kind replaced by one mark, the same in any text. */
function withoutFigures(text: string, kind: Quantity): string {
  let result = '';
  let at = 0;
  for (const figure of extractQuantities(text).filter((q) => comparableQuantities(q, kind))) {
    result += `${text.slice(at, figure.start)}#`;
    at = figure.end;
  }
  return result + text.slice(at);
}

/** The numbers of a text, in digits or words, in a canonical order. */
function numbersIn(text: string): string {
  const numbers: string[] = [];
  for (const { term } of tokenize(text)) {
    const number = /\d/.test(term) ? term : numberWordValue(term)?.toString();
    if (number) numbers.push(number);
  }
  return numbers.sort().join(' ');
}

/** "the 2014", or "an earlier" for an undated fact. */
function when(fact: Fact): string {
  return fact.asOf ? `the ${fact.asOf.slice(0, 4)}` : 'an earlier';
}

/** "the 2023 statement (2023-12-07-ishikane….md:41)". */
function source(fact: Fact): string {
  const year = fact.date?.slice(0, 4);
  return `the ${year ? `${year} ` : ''}statement (${path.basename(fact.file)}:${fact.range.startLine + 1})`;
}

function quoted(quantities: Quantity[]): string {
  return quantities.map((q) => `"${q.text}"`).join(' and ');
}
