/**
 * What the Precedent panel shows, computed here from the corpus's answers so that the webview only renders it and a
 * test can read it: cards of whole passages (the words they share with the draft marked, the word difference from
 * the draft sentence), search results, and the history of a phrase as a timeline of changes. Plain data, posted to
 * the webview as JSON.
 */
import * as path from 'path';
import { passageCautions } from '../checks/passageCautions';
import type { ResolutionRegistry } from '../citations/registry';
import { serverCollectionOf } from '../db/reference';
import type { PhraseHistory } from '../search/phraseHistory';
import type { SentencePassage } from '../search/sentencePassages';
import { mergeTwins } from '../search/twins';
import { normalizeForMatch } from '../text/normalize';
import { tokenize } from '../text/tokenize';
import type { DiffPart } from '../text/wordDiff';
import type { SearchMatch, CorpusPlace, SourceRange } from '../types';

/** A stretch of text as the panel marks it: shared with the draft (or matching the query), added, removed, or plain. */
export interface Run {
  text: string;
  mark: 'shared' | 'added' | 'removed' | null;
}

/** What a card is about: enough to insert it, open its source and cite it. */
export type CardSource = CorpusPlace;

export interface PassageCard {
  id: string;
  /** Title · speaker · date. */
  heading: string;
  /** The document's date (full or partial ISO), shown first and used for ordering. */
  date: string | null;
  /** The speaker's name (without the office after it) · title: who, then where. */
  source: string;
  /** "84% alike": the share of words it has in common with the draft sentence. */
  closeness: string | null;
  /** "Also in …": the other texts of the same speech. */
  also: string | null;
  /** What the passage gets wrong (a citation, a doubled word), said before its wording is used. */
  caution: string | null;
  /** The whole passage. */
  passage: Run[];
  /** From the draft sentence to the passage; null where there is no draft sentence to compare with. */
  diff: Run[] | null;
  /** The ghost text offered in the draft continues this passage. */
  fromSuggestion: boolean;
  /** For screen readers: where it comes from, how close it is, and the passage. */
  label: string;
  /** What Use this wording and Insert put in the draft. */
  text: string;
  /** The passage with a citation line, for Copy with Citation. */
  citation: string;
  file: string;
  range: SourceRange;
}

export interface HistoryCard {
  id: string;
  /** "First use", "Changed", "Latest use", or both of the last two. */
  step: string;
  /** "2015-06-22 – 2015-11-03 · 2 uses". */
  when: string;
  /** Who said it where, oldest first. */
  uses: Array<{ label: string; file: string; range: SourceRange }>;
  /** The changes from the version before, in short: "welcomes" → "strongly welcomes". */
  changes: string[];
  /** The wording, with the words added since the version before marked and the ones dropped struck through. */
  wording: Run[];
  label: string;
  text: string;
  citation: string;
  file: string;
  range: SourceRange;
}

export type SortOrder = 'relevance' | 'date';

export interface PanelViewModel {
  /** Whether the corpus is loaded. */
  ready: boolean;
  atCursor: { sentence: string | null; busy: boolean; message: string | null; cards: PassageCard[] };
  search: { query: string; sort: SortOrder; busy: boolean; message: string | null; cards: PassageCard[] };
  /** The item active in Find Past Phrasing or Look Up Facts, shown whole. */
  picked: PassageCard | null;
  history: { phrase: string | null; busy: boolean; message: string | null; rule: string | null; cards: HistoryCard[] };
}

export const PANEL_MESSAGES = {
  indexing: 'The corpus is still being indexed…',
  noSentence: 'Put the cursor in a sentence of a draft to see the passages it follows.',
  nothingClose: 'Nothing in the corpus is close to this sentence.',
  noResults: 'No passage matches.',
  noHistoryPhrase: 'Select a phrase, or put the cursor in a sentence, and ask for its history.',
  noHistory: 'No close variant of this phrase in the corpus.',
  serverUnavailable: 'Server unavailable: the local corpus only.',
} as const;

/** A section's message, and that its results lack the team server's part when they do (`shortfall` is why). */
export function panelMessage(message: string | null, shortfall: string | null): string | null {
  if (!shortfall) return message;
  return [message, `${PANEL_MESSAGES.serverUnavailable} (${shortfall})`].filter(Boolean).join(' ');
}

export function emptyViewModel(ready: boolean): PanelViewModel {
  return {
    ready,
    atCursor: { sentence: null, busy: false, message: ready ? PANEL_MESSAGES.noSentence : PANEL_MESSAGES.indexing, cards: [] },
    search: { query: '', sort: 'relevance', busy: false, message: null, cards: [] },
    picked: null,
    history: { phrase: null, busy: false, message: PANEL_MESSAGES.noHistoryPhrase, rule: null, cards: [] },
  };
}

/**
 * Title · speaker · date, or the file's name when the document says nothing of itself; a team server's passage
 * also names its collection ("· server: team").
 */
export function sourceLine(source: Pick<CardSource, 'title' | 'speaker' | 'date' | 'file'>): string {
  const collection = serverCollectionOf(source.file);
  const line = [source.title, source.speaker, source.date].filter(Boolean).join(' · ') || path.basename(source.file);
  return collection === null ? line : `${line} · server: ${collection}`;
}

/** The passage, then where it comes from: title, speaker, date. */
export function withCitation(source: CardSource): string {
  const cited = [source.title, source.speaker, source.date].filter(Boolean).join(', ');
  return `${source.text}\n— ${cited || path.basename(source.file)}`;
}

/** The passages beside the draft sentence; the one a ghost-text suggestion continues is marked. */
export function sentenceCards(passages: SentencePassage[], suggestion: GhostSource | null, registry: ResolutionRegistry): PassageCard[] {
  return passages.map((passage, i) => {
    const closeness = `${Math.round(passage.similarity * 100)}% alike`;
    const fromSuggestion = continues(passage, suggestion);
    return {
      ...card(
        `cursor-${i}`,
        passage,
        passage.shared,
        closeness,
        passage.twins.map((t) => t.title ?? path.basename(t.file)),
        registry,
      ),
      diff: diffRuns(passage.diff),
      fromSuggestion,
    };
  });
}

/** Where the text a ghost-text suggestion offers starts in its source. */
export interface GhostSource {
  file: string;
  line: number;
  column: number;
}

/** Whether a ghost-text suggestion continues this passage: its text starts inside the passage. */
export function continues(passage: { file: string; range: SourceRange }, source: GhostSource | null): boolean {
  if (source === null || source.file !== passage.file) return false;
  const { startLine, startColumn, endLine, endColumn } = passage.range;
  const afterStart = source.line > startLine || (source.line === startLine && source.column >= startColumn);
  const beforeEnd = source.line < endLine || (source.line === endLine && source.column <= endColumn);
  return afterStart && beforeEnd;
}

/** Search results, twin texts once, by relevance or newest first. */
export function searchCards(matches: SearchMatch[], sort: SortOrder, registry: ResolutionRegistry): PassageCard[] {
  const merged = mergeTwins(matches);
  if (sort === 'date') merged.sort((a, b) => newestFirst(a.match.date, b.match.date));
  return merged.map(({ match, twins }, i) =>
    card(
      `search-${i}`,
      match,
      match.matches,
      null,
      twins.map((t) => t.title ?? path.basename(t.file)),
      registry,
    ),
  );
}

/** One passage or sentence shown whole, with spans to mark (the words a query matched). */
export function passageCard(
  id: string,
  source: CardSource,
  marked: Array<[number, number]>,
  also: string[],
  registry: ResolutionRegistry,
): PassageCard {
  return card(id, source, marked, null, also, registry);
}

export function historyCards(history: PhraseHistory): HistoryCard[] {
  const last = history.entries.length - 1;
  return history.entries.map((entry, i) => {
    const [first] = entry.uses;
    const uses = entry.uses.flatMap(({ passage, twins }) => [
      { label: sourceLine(passage), file: passage.file, range: passage.range },
      ...twins.map((twin) => ({ label: `also in ${twin.title ?? path.basename(twin.file)}`, file: twin.file, range: twin.range })),
    ]);
    const dates =
      entry.firstDate === entry.lastDate ? (entry.firstDate ?? 'undated') : `${entry.firstDate ?? '?'} – ${entry.lastDate ?? '?'}`;
    const count = entry.uses.length === 1 ? '1 use' : `${entry.uses.length} uses`;
    const step = i === 0 ? (last === 0 ? 'Only use' : 'First use') : i === last ? 'Changed · latest use' : 'Changed';
    const source = { ...first.passage, text: entry.text };
    return {
      id: `history-${i}`,
      step,
      when: `${dates} · ${count}`,
      uses,
      changes: entry.changes.map((change) => `${quote(change.from)} → ${quote(change.to)}`),
      wording: entry.diff ? diffRuns(entry.diff) : [{ text: entry.text, mark: null }],
      label: `${step}, ${dates}, ${count}: ${entry.text}`,
      text: entry.text,
      citation: withCitation(source),
      file: first.passage.file,
      range: first.passage.range,
    };
  });
}

/** The rule a version of the phrase met, as the panel states it. */
export function historyRule(history: PhraseHistory): string {
  const found = history.versions === 1 ? '1 version' : `${history.versions} versions`;
  return (
    `${found}, oldest first: passages with at least ${Math.round(history.minSimilarity * 100)}% of words in common, ` +
    `or ${Math.round(history.contained * 100)}% of the phrase's words`
  );
}

function card(
  id: string,
  source: CardSource,
  marked: Array<[number, number]>,
  closeness: string | null,
  also: string[],
  registry: ResolutionRegistry,
): PassageCard {
  const heading = sourceLine(source);
  const caution = passageCautions(source.text, registry).join(' ') || null;
  return {
    id,
    heading,
    date: source.date,
    source: [source.speaker?.split(',')[0], source.title].filter(Boolean).join(' · ') || path.basename(source.file),
    closeness,
    also: also.length > 0 ? `Also in ${also.join(', ')}` : null,
    caution,
    passage: markedRuns(source.text, marked),
    diff: null,
    fromSuggestion: false,
    label: [heading, closeness, caution, source.text].filter(Boolean).join('. '),
    text: source.text,
    citation: withCitation(source),
    file: source.file,
    range: source.range,
  };
}

/** The text cut into plain and marked runs at [start, end) spans (sorted, possibly overlapping). */
export function markedRuns(text: string, spans: Array<[number, number]>): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (end <= at) continue;
    if (start > at) runs.push({ text: text.slice(at, start), mark: null });
    runs.push({ text: text.slice(Math.max(start, at), end), mark: 'shared' });
    at = end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), mark: null });
  return runs;
}

function diffRuns(parts: DiffPart[]): Run[] {
  return parts.map((part) => ({ text: part.text, mark: part.kind === 'same' ? null : part.kind }));
}

function quote(text: string): string {
  return text ? `“${text}”` : '(nothing)';
}

function newestFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

/**
 * A label of about `width` characters from a passage: the stretch around the words a query matched, cut at word
 * boundaries, with an ellipsis where it was cut — so a picker shows why the item matched, not the passage's start.
 */
export function matchWindow(text: string, spans: Array<[number, number]>, width = 90): string {
  // One space for each white-space character, so that the spans' offsets still hold.
  const flat = text.replace(/\s/g, ' ');
  if (flat.length <= width || spans.length === 0) return flat.length <= width ? flat : `${flat.slice(0, width).replace(/\s+\S*$/, '')} …`;
  // The densest stretch of matches: the start of the window that holds the most matched characters.
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let best = sorted[0][0];
  let bestCovered = -1;
  for (const [start] of sorted) {
    const covered = sorted.reduce((sum, [s, e]) => sum + Math.max(0, Math.min(e, start + width) - Math.max(s, start)), 0);
    if (covered > bestCovered) {
      bestCovered = covered;
      best = start;
    }
  }
  // A little context before the first matched word.
  let from = Math.max(0, Math.min(best - Math.round(width / 5), flat.length - width));
  let to = Math.min(flat.length, from + width);
  if (from > 0) from = flat.indexOf(' ', from) + 1 || from;
  if (to < flat.length) to = flat.lastIndexOf(' ', to) > from ? flat.lastIndexOf(' ', to) : to;
  return `${from > 0 ? '… ' : ''}${flat.slice(from, to).trim()}${to < flat.length ? ' …' : ''}`;
}

/** The spans of a text's words that a query's words name (a word typed short, three letters or more, names its completions). */
export function querySpans(text: string, query: string): Array<[number, number]> {
  const wanted = tokenize(normalizeForMatch(query)).map((t) => t.term);
  return tokenize(normalizeForMatch(text))
    .filter((token) => wanted.some((word) => token.term === word || (word.length >= 3 && token.term.startsWith(word))))
    .map((token): [number, number] => [token.start, token.end]);
}
