/**
 * The word-level difference between two texts: what a drafter sees change from one wording to another. Words are
 * compared as the search compares them (case, accents and quote styles folded), punctuation marks count as words, and
 * the longest common subsequence of words is kept.
 */
import { normalizeForMatch } from './normalize';

export type DiffKind = 'same' | 'added' | 'removed';

/** A run of words of one kind; `text` is as written, with the white space before it (from its own text). */
export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/** One change between two wordings: "welcomes" → "strongly welcomes"; either side may be empty. */
export interface WordChange {
  from: string;
  to: string;
}

interface WordToken {
  key: string;
  /** From the end of the previous token, so that the white space before the word travels with it. */
  start: number;
  end: number;
}

/** Words (with their inner apostrophes, hyphens and number separators) and single punctuation marks. */
const WORD_OR_MARK = /[\p{L}\p{N}]+(?:['’\-./,:][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Above this many word pairs (after the common start and end are set aside) the texts are shown as replaced. */
const MAX_CELLS = 4_000_000;

function words(text: string): WordToken[] {
  const normalized = normalizeForMatch(text);
  const tokens: WordToken[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD_OR_MARK)) {
    const start = match.index;
    const end = start + match[0].length;
    tokens.push({ key: normalized.slice(start, end), start: previousEnd, end });
    previousEnd = end;
  }
  return tokens;
}

/** The parts that turn `from` into `to`, in reading order: same words (as `to` has them), removed, added. */
export function wordDiff(from: string, to: string): DiffPart[] {
  const a = words(from);
  const b = words(to);
  let head = 0;
  while (head < a.length && head < b.length && a[head].key === b[head].key) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail].key === b[b.length - 1 - tail].key) tail++;
  const ops: Array<{ kind: DiffKind; token: WordToken; text: string }> = [];
  const push = (kind: DiffKind, token: WordToken, source: string) => ops.push({ kind, token, text: source.slice(token.start, token.end) });
  for (let i = 0; i < head; i++) push('same', b[i], to);
  middle(a.slice(head, a.length - tail), b.slice(head, b.length - tail), from, to, push);
  for (let i = b.length - tail; i < b.length; i++) push('same', b[i], to);
  const parts: DiffPart[] = [];
  for (const op of ops) {
    const last = parts[parts.length - 1];
    if (last && last.kind === op.kind) last.text += op.text;
    else parts.push({ kind: op.kind, text: op.text });
  }
  return parts;
}

function middle(
  a: WordToken[],
  b: WordToken[],
  from: string,
  to: string,
  push: (kind: DiffKind, token: WordToken, source: string) => void,
): void {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    for (const token of a) push('removed', token, from);
    for (const token of b) push('added', token, to);
    return;
  }
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const width = m + 1;
  const lengths = new Int32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i].key === b[j].key ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i].key === b[j].key) {
      push('same', b[j++], to);
      i++;
    } else if (j >= m || (i < n && lengths[(i + 1) * width + j] >= lengths[i * width + j + 1])) {
      push('removed', a[i++], from);
    } else {
      push('added', b[j++], to);
    }
  }
}

/** Whether two texts hold the same words in the same order (case, accents, spacing and quote styles aside). */
export function sameWording(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  return x.length === y.length && x.every((token, i) => token.key === y[i].key);
}

/**
 * The changes of a diff, each with one unchanged word beside it when a side is empty, so that an insertion reads
 * "welcomes" → "strongly welcomes" rather than "" → "strongly".
 */
export function wordChanges(parts: DiffPart[]): WordChange[] {
  const changes: WordChange[] = [];
  let i = 0;
  while (i < parts.length) {
    if (parts[i].kind === 'same') {
      i++;
      continue;
    }
    let from = '';
    let to = '';
    const first = i;
    for (; i < parts.length && parts[i].kind !== 'same'; i++) {
      if (parts[i].kind === 'removed') from += parts[i].text;
      else to += parts[i].text;
    }
    if (!from.trim() || !to.trim()) {
      const after = parts[i]?.kind === 'same' ? firstWord(parts[i].text) : '';
      const before = first > 0 ? lastWord(parts[first - 1].text) : '';
      if (after) {
        from += after;
        to += after;
      } else if (before) {
        from = before + from;
        to = before + to;
      }
    }
    changes.push({ from: tidy(from), to: tidy(to) });
  }
  return changes;
}

function firstWord(text: string): string {
  return /^\s*\S+/.exec(text)?.[0] ?? '';
}

function lastWord(text: string): string {
  return /\S+\s*$/.exec(text)?.[0] ?? '';
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
