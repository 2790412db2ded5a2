/**
 * Every fact the corpus states, with its source, and lookup over them: "unodc pledge" finds Japan's pledges to the
 * United Nations Office on Drugs and Crime, grouped by subject (best match first) and newest first within one.
 * Fuse.js ranks (typo-tolerant, per field); the same fact stated by two documents (a mission's text and the UN's
 * verbatim record of one speech) is kept once, with the other source beside it.
 */
import Fuse from 'fuse.js';
import type { CorpusDocument, SourceRange } from '../types';
import type { AcronymTable } from './acronyms';
import { extractFacts, SentenceFact } from './extract';
import { relationOfVerb } from './relations';
import { timeEnd } from './times';

export interface Fact extends SentenceFact {
  /** The sentence that states it. */
  text: string;
  file: string;
  range: SourceRange;
  title: string | null;
  /** The document's date. */
  date: string | null;
  /** When it holds, for ordering: its time, else the period the document reports on, else the document's date. */
  asOf: string | null;
  /** Other documents stating the same fact in the same words or figures. */
  alsoIn: string[];
}

const FUSE_OPTIONS = {
  includeScore: true,
  ignoreLocation: true,
  useTokenSearch: true,
  threshold: 0.35,
  minMatchCharLength: 2,
  keys: [
    { name: 'subject', weight: 3 },
    { name: 'relation', weight: 2 },
    { name: 'actor', weight: 1.5 },
    { name: 'counted', weight: 1.5 },
    { name: 'object', weight: 1 },
    { name: 'text', weight: 0.3 },
  ],
};

interface SearchableFact {
  subject: string;
  relation: string;
  actor: string;
  counted: string;
  object: string;
  text: string;
}

export class FactBase {
  private readonly fuse: Fuse<SearchableFact>;

  private constructor(readonly facts: Fact[]) {
    this.fuse = new Fuse(facts.map(searchable), FUSE_OPTIONS);
  }

  static build(documents: readonly CorpusDocument[], acronyms: AcronymTable): FactBase {
    const byIdentity = new Map<string, Fact>();
    for (const document of documents) {
      const { meta } = document;
      const context = { documentDate: meta.date, country: meta.country, venue: meta.venue, acronyms };
      for (const passage of document.passages) {
        const text = document.paragraphs[passage.paragraph].text.slice(passage.start, passage.end);
        for (const found of extractFacts(text, context)) {
          const fact: Fact = {
            ...found,
            text,
            file: document.file,
            range: passage.range,
            title: meta.title,
            date: meta.date,
            asOf: found.time ? timeEnd(found.time) : (meta.period ?? meta.date),
            alsoIn: [],
          };
          const identity = identityOf(fact);
          const same = byIdentity.get(identity);
          if (same) same.alsoIn.push(fact.file);
          else byIdentity.set(identity, fact);
        }
      }
    }
    return new FactBase([...byIdentity.values()]);
  }

  get size(): number {
    return this.facts.length;
  }

  /** Facts matching a query: the best matching subject first, and within a subject the newest first. */
  lookup(query: string, limit = 20): Fact[] {
    if (!query.trim()) return [];
    const results = this.fuse.search(query, { limit: limit * 4 });
    const groups = new Map<string, { score: number; facts: Fact[] }>();
    for (const result of results) {
      const fact = this.facts[result.refIndex];
      const group = groups.get(fact.subject.key);
      if (group) group.facts.push(fact);
      else groups.set(fact.subject.key, { score: result.score ?? 1, facts: [fact] });
    }
    return [...groups.values()]
      .sort((a, b) => a.score - b.score)
      .flatMap((group) => group.facts.sort(newestFirst))
      .slice(0, limit);
  }

  /** Facts on the same subject as a fact read from a draft: same actor, relation and subject, newest first. */
  sameSubject(fact: SentenceFact): Fact[] {
    return this.facts.filter((f) => f.actor.key === fact.actor.key && f.relation === fact.relation && f.subject.key === fact.subject.key).sort(newestFirst);
  }

  /** Facts whose subject or actor is a name (an acronym, an organisation), newest first. */
  about(nameKey: string, limit = 8): Fact[] {
    return this.facts.filter((f) => f.subject.key === nameKey || f.actor.key === nameKey).sort(newestFirst).slice(0, limit);
  }
}

function searchable(fact: Fact): SearchableFact {
  return {
    subject: `${fact.subject.display} ${fact.subject.key}`,
    relation: relationOfVerb(fact.relation)?.searchWords.join(' ') ?? fact.relation,
    actor: fact.actor.display,
    counted: fact.quantities.map((q) => q.noun ?? q.unit).join(' '),
    object: fact.object,
    text: fact.text,
  };
}

/** Two documents state the same fact when its parts and figures agree ("$23 million" = "23 million US dollars"). */
function identityOf(fact: Fact): string {
  const figures = fact.quantities.map((q) => `${q.value} ${q.unit} ${q.noun ?? ''}`).join(';');
  return [fact.actor.key, fact.relation, fact.subject.key, figures, fact.time ?? fact.date ?? ''].join('|');
}

function newestFirst(a: Fact, b: Fact): number {
  return (b.asOf ?? '').localeCompare(a.asOf ?? '') || a.file.localeCompare(b.file);
}
