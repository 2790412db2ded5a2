/** Offsets in a file's text to the 0-based line and UTF-16 column VS Code shows. */
import type { SourceRange } from '../types';
import { lastAtOrBelow } from '../text/sorted';

export interface Line {
  start: number;
  /** End of the line's content, before its line break. */
  end: number;
}

const LINE_BREAK = /\r\n|\r|\n/g;

export function splitLines(text: string, from = 0): Line[] {
  const lines: Line[] = [];
  LINE_BREAK.lastIndex = from;
  let start = from;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    lines.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length });
  return lines;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(text: string) {
    this.starts = splitLines(text).map((line) => line.start);
  }

  position(offset: number): { line: number; column: number } {
    const line = lastAtOrBelow(this.starts, offset);
    return { line, column: offset - this.starts[line] };
  }

  offset(line: number, column: number): number {
    return this.starts[line] + column;
  }

  range(start: number, end: number): SourceRange {
    const from = this.position(start);
    const to = this.position(end);
    return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
  }
}
