/**
 * Every fact the corpus states, with its source, and lookup over them: "unodc pledge" finds Japan's pledges to the
 * United Nations Office on Drugs and Crime, grouped by subject (best match first) and newest first within one.
 * A term index picks the facts the query's words point to; Fuse.js ranks those few by their fields. The same
 * fact stated by two documents (a mission's text and the UN's verbatim record of one speech) is kept once, with the
 * other source beside it.
 */
import Fuse from 'fuse.js';
import type { CorpusDocument, CorpusPlace } from '../types';
import { AcronymTable } from './acronyms';
import { extractFacts, type SentenceFact } from './extract';
import { type FactField, FactTermIndex } from './factTerms';
import { relationOfVerb } from './relations';
import { timeEnd } from './times';

/** A fact with the sentence that states it, where it stands, and its document's title, speaker and date. */
export interface Fact extends SentenceFact, CorpusPlace {
  /** When it holds, for ordering: its time, else the period the document reports on, else the document's date. */
  asOf: string | null;
  /** Other documents stating the same fact in the same words or figures. */
  alsoIn: string[];
}

/** Facts the term index hands to Fuse.js, and how the two scores combine. */
const CANDIDATES = 20;
const WEIGHT_TERMS = 0.7;
const WEIGHT_FUSE = 0.3;

const FUSE_OPTIONS = {
  includeScore: true,
  ignoreLocation: true,
  useTokenSearch: true,
  threshold: 0.4,
  minMatchCharLength: 2,
  keys: [
    { name: 'subject', weight: 3 },
    { name: 'relation', weight: 2 },
    { name: 'actor', weight: 1.5 },
    { name: 'counted', weight: 1.5 },
    { name: 'object', weight: 1 },
  ],
};

type SearchableFact = Record<FactField, string>;

export class FactBase {
  private readonly searchable: SearchableFact[];
  private readonly terms: FactTermIndex;
  /** Facts by actor, relation and subject, newest first: what a draft's figure is compared with, at every check. */
  private readonly bySubject = new Map<string, Fact[]>();

  /** `factCount`: how many facts the corpus has, when these are only some of them (a server's candidates). */
  constructor(
    readonly facts: Fact[],
    factCount = facts.length,
  ) {
    this.searchable = facts.map(searchable);
    this.terms = new FactTermIndex(this.searchable, factCount);
    for (const fact of facts) {
      const key = subjectKeyOf(fact);
      const same = this.bySubject.get(key);
      if (same) same.push(fact);
      else this.bySubject.set(key, [fact]);
    }
    for (const same of this.bySubject.values()) same.sort(newestFirst);
  }

  static build(documents: readonly CorpusDocument[], acronyms: AcronymTable): FactBase {
    const reader = new FactReader(acronyms);
    for (const document of documents) reader.read(document);
    return reader.finish();
  }

  /**
   * The facts of a corpus that changed, from its facts before: those of files kept (at `fileOf(file)`, their
   * place now; null for a file taken out) and those read from the added documents. A fact stated first by a file
   * taken out goes with it, though another file may state it too, until the facts are next read from every passage.
   */
  static withChanges(
    previous: readonly Fact[],
    fileOf: (file: string) => string | null,
    added: readonly CorpusDocument[],
    acronyms: AcronymTable,
  ): FactBase {
    const reader = new FactReader(acronyms);
    for (const fact of previous) {
      const file = fileOf(fact.file);
      if (file === null) continue;
      const alsoIn = fact.alsoIn.map(fileOf).filter((other): other is string => other !== null);
      reader.keep({ ...fact, file, alsoIn });
    }
    for (const document of added) reader.read(document);
    return reader.finish();
  }

  /** The same, in slices of a few milliseconds, so that an editor's event loop never waits long for it. */
  static async buildInSlices(documents: readonly CorpusDocument[], acronyms: AcronymTable, sliceMs: number): Promise<FactBase> {
    const reader = new FactReader(acronyms);
    let sliceStarted = performance.now();
    for (const document of documents) {
      reader.read(document);
      if (performance.now() - sliceStarted >= sliceMs) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStarted = performance.now();
      }
    }
    return reader.finish();
  }

  /** Facts matching a query: the best matching subject first, and within a subject the newest first. */
  lookup(query: string, limit = 20): Fact[] {
    const scores = this.terms.score(query);
    if (scores.size === 0) return [];
    const candidates = [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, Math.max(CANDIDATES, limit));
    const top = candidates[0][1];
    const fuse = new Fuse(
      candidates.map(([fact]) => this.searchable[fact]),
      FUSE_OPTIONS,
    );
    const similarity = new Map(fuse.search(query).map((result) => [result.refIndex, 1 - (result.score ?? 1)]));
    const ranked = candidates
      .map(([fact, score], i) => ({ fact: this.facts[fact], score: WEIGHT_TERMS * (score / top) + WEIGHT_FUSE * (similarity.get(i) ?? 0) }))
      .sort((a, b) => b.score - a.score);
    const groups = new Map<string, Fact[]>();
    for (const { fact } of ranked) {
      const group = groups.get(fact.subject.key);
      if (group) group.push(fact);
      else groups.set(fact.subject.key, [fact]);
    }
    return [...groups.values()].flatMap((group) => group.sort(newestFirst)).slice(0, limit);
  }

  /** Facts on the same subject as a fact read from a draft: same actor, relation and subject, newest first. */
  sameSubject(fact: SentenceFact): Fact[] {
    return this.bySubject.get(subjectKeyOf(fact)) ?? [];
  }

  /** The facts on these subjects (their `subjectKeyOf`) or about these names (subject or actor), each once. */
  factsFor(subjectKeys: readonly string[], names: readonly string[]): Fact[] {
    const found = new Set<Fact>();
    for (const key of subjectKeys) for (const fact of this.bySubject.get(key) ?? []) found.add(fact);
    if (names.length > 0) {
      const named = new Set(names);
      for (const fact of this.facts) if (named.has(fact.subject.key) || named.has(fact.actor.key)) found.add(fact);
    }
    return [...found];
  }

  /** Facts whose subject or actor is a name (an acronym, an organisation), newest first. */
  about(nameKey: string, limit = 8): Fact[] {
    return this.facts
      .filter((f) => f.subject.key === nameKey || f.actor.key === nameKey)
      .sort(newestFirst)
      .slice(0, limit);
  }
}

/** Reads documents one by one into facts, keeping each fact once. */
class FactReader {
  private readonly byIdentity = new Map<string, Fact>();

  constructor(private readonly acronyms: AcronymTable) {}

  /** A fact read before, as it was. */
  keep(fact: Fact): void {
    this.byIdentity.set(identityOf(fact), fact);
  }

  read(document: CorpusDocument): void {
    for (const fact of documentFacts(document, this.acronyms, document.file)) this.add(fact);
  }

  /** A fact stated again by another document is kept once, the other source beside it. */
  add(fact: Fact): void {
    const identity = identityOf(fact);
    const same = this.byIdentity.get(identity);
    if (same) same.alsoIn.push(fact.file, ...fact.alsoIn);
    else this.byIdentity.set(identity, { ...fact, alsoIn: [...fact.alsoIn] });
  }

  finish(factCount?: number): FactBase {
    const facts = [...this.byIdentity.values()];
    return new FactBase(facts, factCount ?? facts.length);
  }
}

/** Facts as documents state them (or as fact bases kept them), each kept once, the other sources beside it. */
export function factBaseOf(stated: Iterable<Fact>, factCount?: number): FactBase {
  const reader = new FactReader(new AcronymTable());
  for (const fact of stated) reader.add(fact);
  return reader.finish(factCount);
}

/** Every fact a document states, in its order, named by `file` (its path, or a reference to it on a server). */
export function documentFacts(document: CorpusDocument, acronyms: AcronymTable, file: string): Fact[] {
  const { meta } = document;
  const context = { documentDate: meta.date, country: meta.country, venue: meta.venue, acronyms };
  const facts: Fact[] = [];
  for (const passage of document.passages) {
    const text = document.paragraphs[passage.paragraph].text.slice(passage.start, passage.end);
    for (const found of extractFacts(text, context)) {
      facts.push({
        ...found,
        text,
        file,
        range: passage.range,
        title: meta.title,
        speaker: meta.speaker,
        date: meta.date,
        asOf: found.time ? timeEnd(found.time) : (meta.period ?? meta.date),
        alsoIn: [],
      });
    }
  }
  return facts;
}

/** The words a fact is found by, as FactBase.lookup weighs them. */
export function searchableFact(fact: Fact): Record<FactField, string> {
  return searchable(fact);
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

export function subjectKeyOf(fact: SentenceFact): string {
  return [fact.actor.key, fact.relation, fact.subject.key].join('|');
}

/** Two documents state the same fact when its parts and figures agree ("$23 million" = "23 million US dollars"). */
export function identityOf(fact: Fact): string {
  const figures = fact.quantities.map((q) => `${q.value} ${q.unit} ${q.noun ?? ''}`).join(';');
  return [subjectKeyOf(fact), figures, fact.time ?? fact.date ?? ''].join('|');
}

export function newestFirst(a: Fact, b: Fact): number {
  return (b.asOf ?? '').localeCompare(a.asOf ?? '') || a.file.localeCompare(b.file);
}

/**
 * A fact in one line, as hovers, lookups and the command line show it: "Japan pledged approximately 23 million US
 * dollars"; background as it was written, "Crime Prevention and Criminal Justice Fund established by UNODC".
 */
export function describeFact(fact: Fact): string {
  if (fact.background) return `${fact.object} ${fact.relation} by ${fact.actor.display}`;
  const figures = fact.quantities.map((q) => q.text).join(', ');
  return `${fact.actor.display} ${fact.relation}${figures ? ` ${figures}` : ''}`;
}

/** When a fact holds, as shown: the time it states, else the date of its document; background is undated. */
export function factWhen(fact: Fact): string {
  if (fact.background) return 'undated';
  return fact.time ?? (fact.date ? `document of ${fact.date}` : 'undated');
}
