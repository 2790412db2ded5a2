/** A text's words as the database keeps them: the local index's terms (normalised, numbers whole), once each. */
import { normalizeForMatch } from '../text/normalize';
import { tokenize } from '../text/tokenize';

/** The distinct terms of a text, joined by spaces (no term holds one), for `string_to_array(…, ' ')` on the server. */
export function wordList(text: string): string {
  return [...new Set(tokenize(normalizeForMatch(text)).map((token) => token.term))].join(' ');
}

/** A tsquery that matches any of the terms: each quoted as a lexeme, `:*` for a prefix. */
export function anyOf(terms: Iterable<string>, prefix: ReadonlySet<string> = new Set()): string {
  return [...terms].map((term) => `${lexeme(term)}${prefix.has(term) ? ':*' : ''}`).join(' | ');
}

/** A tsquery that matches only passages holding every term. */
export function allOf(terms: Iterable<string>): string {
  return [...terms].map(lexeme).join(' & ');
}

function lexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
