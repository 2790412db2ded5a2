/**
 * What the corpus records about the figure or name at a place in a draft, for a hover card: for a figure, the facts
 * on the same subject as the one its sentence states ("Japan · pledged · UNODC"); for a name — an acronym or an
 * organisation — the facts about it. Newest first, so a drafter sees at once which year the draft's figure is from.
 */
import type { CorpusEvidence } from '../checks/checkDraft';
import type { Draft } from '../draft/draft';
import type { Fact } from './factBase';
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

/** How many facts a hover card shows. */
const FACTS_SHOWN = 6;

/**
 * What the facts are read against: one corpus (its facts, its acronyms), or the evidence gathered from several, so
 * that a hover and a check read the same facts.
 */
export type FactEvidence = Pick<CorpusEvidence, 'acronymTable' | 'factsOfSentence' | 'sameSubject'> & {
  /** Facts whose subject or actor is a name, newest first. */
  about(nameKey: string, limit: number): Fact[];
};

/** The facts about what stands at `offset` of a draft, its sentence's facts read as the draft's checks read them. */
export function factsAt(draft: Draft, offset: number, evidence: FactEvidence, limit = FACTS_SHOWN): FactsAt | null {
  const sentence = draft.sentences.find((s) => s.start <= offset && offset <= s.end);
  if (!sentence) return null;
  const text = draft.prose.slice(sentence.start, sentence.end);
  const at = offset - sentence.start;
  const figure = extractQuantities(text).find((q) => q.start <= at && at <= q.end);
  if (figure) {
    const fact = evidence.factsOfSentence(text, draft.meta).find((f) => f.quantities.some((q) => q.start === figure.start));
    const facts = fact ? evidence.sameSubject(fact).slice(0, limit) : [];
    if (!fact || facts.length === 0) return null;
    return {
      start: sentence.start + figure.start,
      end: sentence.start + figure.end,
      about: `${fact.actor.display} ${fact.relation} · ${fact.subject.display}`,
      facts,
    };
  }
  for (const match of text.matchAll(NAME)) {
    const nameStart = match.index ?? 0;
    if (at < nameStart || at > nameStart + match[0].length) continue;
    const name = unifyName(match[0], evidence.acronymTable());
    const facts = evidence.about(name.key, limit);
    return facts.length > 0
      ? { start: sentence.start + nameStart, end: sentence.start + nameStart + match[0].length, about: name.display, facts }
      : null;
  }
  return null;
}
