/**
 * Findings a drafter has dismissed in the text itself: `<!-- precedent-disable-next-line CODE -->`, and
 * `precedent-disable` / `precedent-enable` blocks (all codes, or those named). In plain-text drafts the same words
 * work on a line of their own, without the comment marks.
 */
import { splitLines } from '../corpus/lines';

const DIRECTIVE = /^\s*(?:<!--\s*)?precedent-(disable-next-line|disable|enable)\b([^>]*?)(?:\s*-->)?\s*$/;

export interface Suppressions {
  isSuppressed(code: string, line: number): boolean;
}

export function readSuppressions(text: string): Suppressions {
  const lines = splitLines(text);
  const nextLine = new Map<number, Set<string> | 'all'>();
  const blocks: Array<{ codes: Set<string> | 'all'; from: number; to: number }> = [];
  const open = new Map<string, number>();
  lines.forEach((line, number) => {
    const directive = DIRECTIVE.exec(text.slice(line.start, line.end));
    if (!directive) return;
    const codes = directive[2].split(/[\s,]+/).filter(Boolean);
    const keys = codes.length === 0 ? ['*'] : codes;
    if (directive[1] === 'disable-next-line') {
      nextLine.set(number + 1, codes.length === 0 ? 'all' : new Set(codes));
    } else if (directive[1] === 'disable') {
      for (const key of keys) if (!open.has(key)) open.set(key, number);
    } else {
      for (const key of codes.length > 0 ? codes : [...open.keys()]) {
        const from = open.get(key);
        if (from === undefined) continue;
        blocks.push({ codes: key === '*' ? 'all' : new Set([key]), from, to: number });
        open.delete(key);
      }
    }
  });
  for (const [key, from] of open) blocks.push({ codes: key === '*' ? 'all' : new Set([key]), from, to: lines.length });
  const covers = (codes: Set<string> | 'all', code: string) => codes === 'all' || codes.has(code);
  return {
    isSuppressed(code, line) {
      const onLine = nextLine.get(line);
      if (onLine && covers(onLine, code)) return true;
      return blocks.some((block) => line > block.from && line < block.to && covers(block.codes, code));
    },
  };
}
