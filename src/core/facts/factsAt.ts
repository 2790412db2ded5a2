/**
 * What the corpus records about the figure or name at a place in a draft, for a hover card: for a figure, the facts
 * on the same subject as the one its sentence states ("Japan · pledged · UNODC"); for a name — an acronym or an
 * organisation — the facts about it. Newest first, so a drafter sees at once which year the draft's figure is from.
 */
import type { AcronymTable } from './acronyms';
import { extractFacts } from './extract';
import type { Fact, FactBase } from './factBase';
import { unifyName } from './names';
import { extractQuantities } from './quantities';

export interface FactsAt {
  /** [start, end) of the figure or name in the text. */
  start: number;
  end: number;
  /** What the facts are about: "Japan pledged · United Nations Office on Drugs and Crime (UNODC)". */
  about: string;
  facts: Fact[];
}

const SENTENCE_REACH = 400;
const NAME = /\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:of|on|and|for|the)\s+)*\p{Lu}[\p{L}’'-]*)*/gu;

export function factsAt(base: FactBase, acronyms: AcronymTable, text: string, offset: number, limit: number): FactsAt | null {
  const { sentence, start } = sentenceAround(text, offset);
  const at = offset - start;
  const figure = extractQuantities(sentence).find((q) => q.start <= at && at <= q.end);
  if (figure) {
    const fact = extractFacts(sentence, { documentDate: null, country: null, venue: null, acronyms }).find((f) => f.quantities.some((q) => q.start === figure.start));
    const facts = fact ? base.sameSubject(fact).slice(0, limit) : [];
    if (!fact || facts.length === 0) return null;
    return { start: start + figure.start, end: start + figure.end, about: `${fact.actor.display} ${fact.relation} · ${fact.subject.display}`, facts };
  }
  for (const match of sentence.matchAll(NAME)) {
    const nameStart = match.index ?? 0;
    if (at < nameStart || at > nameStart + match[0].length) continue;
    const name = unifyName(match[0], acronyms);
    const facts = base.about(name.key, limit);
    return facts.length > 0 ? { start: start + nameStart, end: start + nameStart + match[0].length, about: name.display, facts } : null;
  }
  return null;
}

/** The sentence holding an offset, found by its full stops within a few hundred characters. */
function sentenceAround(text: string, offset: number): { sentence: string; start: number } {
  const from = Math.max(0, offset - SENTENCE_REACH);
  const before = text.slice(from, offset);
  const lastStop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('.\n'), before.lastIndexOf('\n\n'));
  const start = lastStop >= 0 ? from + lastStop + 2 : from;
  const rest = text.slice(offset, offset + SENTENCE_REACH);
  const nextStop = rest.search(/[.!?](?:\s|$)|\n\n/);
  const end = nextStop >= 0 ? offset + nextStop + 1 : Math.min(text.length, offset + SENTENCE_REACH);
  return { sentence: text.slice(start, end), start };
}
