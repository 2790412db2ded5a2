/**
 * `figure-precedent`: a figure that differs from what the corpus records. Where the sentence states a fact the
 * corpus also records (same actor, relation and subject: "Japan · pledged · UNODC"), the figure is compared with the
 * latest one: equal is never flagged, an older one is named as such ("this is the 2014 figure; the 2023 statement
 * says …"). Other figures are compared with the passage the sentence closely follows. Equal amounts written
 * differently ("$23 million", "23 million US dollars") are never flagged. Figures change legitimately, so this
 * informs rather than warns.
 */
import * as path from 'path';
import type { Fact } from '../facts/factBase';
import { comparableQuantities, extractQuantities, type Quantity, sameQuantity } from '../facts/quantities';
import type { Check, CheckInput, Finding, Sentence } from './types';
import { describePrecedent, followsClosely } from './precedentText';

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
        message: older
          ? `This is ${when(older.fact)} figure; ${source(latest.fact)} says "${latest.quantity.text}" (${subject.trim()})`
          : `${capitalise(source(latest.fact))} says ${subject}"${latest.quantity.text}", not ${quantity.text}`,
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
  const theirs = extractQuantities(precedent.text);
  for (const quantity of ours) {
    const comparable = theirs.filter((q) => comparableQuantities(q, quantity));
    if (comparable.length === 0 || comparable.some((q) => sameQuantity(q, quantity))) continue;
    const start = sentence.start + quantity.start;
    const end = sentence.start + quantity.end;
    findings.push({
      message: `${describePrecedent(precedent)} says ${quoted(comparable)} where this sentence says ${quantity.text}`,
      start,
      end,
      fixes: comparable.map((q) => ({ title: `Use the precedent's figure: ${q.text}`, start, end, replacement: q.text, choice: true })),
      related: [{ file: precedent.file, range: precedent.range, text: precedent.text }],
    });
  }
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

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function quoted(quantities: Quantity[]): string {
  return quantities.map((q) => `"${q.text}"`).join(' and ');
}
