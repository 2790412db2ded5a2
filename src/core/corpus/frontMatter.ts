/** YAML front matter between `---` fences at the top of a file, parsed with the `yaml` library. */
import { parse as parseYaml } from 'yaml';
import type { DocumentMeta } from '../types';
import { normalizeDateValue } from '../text/dates';

export interface FrontMatter {
  meta: Partial<DocumentMeta>;
  /** Offset in the text where the body starts (after the closing fence), 0 without front matter. */
  bodyStart: number;
  /** Why the front matter could not be used, with its line; the body is still read. */
  problem: string | null;
}

const OPENING = /^\ufeff?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
const TEXT_FIELDS = ['title', 'speaker', 'venue', 'country', 'source', 'kind', 'status'] as const;
const DATE_FIELDS = ['date', 'period'] as const;

export function readFrontMatter(text: string): FrontMatter {
  const opening = OPENING.exec(text);
  if (!opening) return { meta: {}, bodyStart: 0, problem: null };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    return { meta: {}, bodyStart: 0, problem: 'front matter opened on line 1 is never closed with "---"; read as plain text' };
  }
  const yamlText = rest.slice(0, closing.index);
  const bodyStart = opening[0].length + closing.index + closing[0].length;
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    const where = (error as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
    // yaml counts lines from the first line after the opening fence.
    const position = where ? ` at line ${where.line + 1}, column ${where.col}` : '';
    const firstLine = String((error as Error).message)
      .split('\n')[0]
      .replace(/ at line \d+, column \d+:?$/, '');
    return { meta: {}, bodyStart, problem: `malformed front matter${position}: ${firstLine}` };
  }
  if (data === null || data === undefined) return { meta: {}, bodyStart, problem: null };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { meta: {}, bodyStart, problem: 'front matter is not a set of "key: value" fields' };
  }
  return { ...metaFromFields(data as Record<string, unknown>), bodyStart };
}

function metaFromFields(fields: Record<string, unknown>): { meta: Partial<DocumentMeta>; problem: string | null } {
  const meta: Partial<DocumentMeta> = {};
  for (const key of TEXT_FIELDS) {
    const value = fields[key];
    if (typeof value === 'string' || typeof value === 'number') meta[key] = String(value).trim() || null;
  }
  let problem: string | null = null;
  for (const key of DATE_FIELDS) {
    if (fields[key] === undefined || fields[key] === null) continue;
    meta[key] = normalizeDateValue(fields[key]);
    if (meta[key] === null) problem = `front matter ${key} ${JSON.stringify(fields[key])} is not a date; ignored`;
  }
  return { meta, problem };
}
