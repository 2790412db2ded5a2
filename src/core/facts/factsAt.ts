/**
 * What the corpus records about the figure or name at a place in a draft, for a hover card: for a figure, the facts
 * on the same subject as the one its sentence states ("Japan · pledged · UNODC"); for a name — an acronym or an
 * organisation — the facts about it. Newest first, so a drafter sees at once which year the draft's figure is from.
 */
import type { AcronymTable } from './acronyms';
import type { SentenceFact } from './extract';
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

const NAME = /\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:of|on|and|for|the)\s+)*\p{Lu}[\p{L}’'-]*)*/gu;

/**
 * The facts about what stands at `at` in a draft's sentence (which begins at `sentenceStart` of the draft);
 * `factsOf` reads the sentence's own facts as the draft's checks do.
 */
export function factsAt(
  base: Pick<FactBase, 'sameSubject' | 'about'>,
  acronyms: AcronymTable,
  sentence: string,
  sentenceStart: number,
  at: number,
  factsOf: (sentence: string) => SentenceFact[],
  limit: number,
): FactsAt | null {
  const figure = extractQuantities(sentence).find((q) => q.start <= at && at <= q.end);
  if (figure) {
    const fact = factsOf(sentence).find((f) => f.quantities.some((q) => q.start === figure.start));
    const facts = fact ? base.sameSubject(fact).slice(0, limit) : [];
    if (!fact || facts.length === 0) return null;
    return {
      start: sentenceStart + figure.start,
      end: sentenceStart + figure.end,
      about: `${fact.actor.display} ${fact.relation} · ${fact.subject.display}`,
      facts,
    };
  }
  for (const match of sentence.matchAll(NAME)) {
    const nameStart = match.index ?? 0;
    if (at < nameStart || at > nameStart + match[0].length) continue;
    const name = unifyName(match[0], acronyms);
    const facts = base.about(name.key, limit);
    return facts.length > 0
      ? { start: sentenceStart + nameStart, end: sentenceStart + nameStart + match[0].length, about: name.display, facts }
      : null;
  }
  return null;
}
