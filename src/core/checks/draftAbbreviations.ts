/**
 * The abbreviations of a draft: where each is defined ("United Nations Office on Drugs and Crime (UNODC)") and where
 * it is used. Shared by the abbreviation checks; front matter, comments, headings in capitals and Roman numerals
 * are not uses.
 */
import { type AcronymDefinition, findAcronymDefinitions } from '../facts/acronyms';
import type { CheckInput } from './types';

export interface AbbreviationUse {
  abbreviation: string;
  start: number;
  end: number;
}

export interface DraftAbbreviations {
  /** In the order they stand. */
  definitions: AcronymDefinition[];
  /**
   * Every abbreviation the draft puts in parentheses after a name, whether or not its initials spell it:
   * "Cooperation Council for the Arab States of the Gulf (GCC)" defines GCC too.
   */
  parenthesised: Set<string>;
  /** Outside definitions, in order. */
  uses: AbbreviationUse[];
}

/** ASCII capitals: a Unicode pattern with look-arounds tried every position of the draft, at three times the cost. */
const ABBREVIATION = /\b[A-Z][A-Z0-9&]*[A-Z]s?\b/g;
/** What may not stand right before or after an abbreviation: "U.N.", "AU-UN", a word in other letters. */
const JOINED_BEFORE = /[\p{L}\p{N}.&-]/u;
const JOINED_AFTER = /[\p{L}\p{N}&-]/u;
const ROMAN_NUMERAL = /^[IVXLCDM]+$/;
const PARENTHESISED_AFTER_WORD = /\p{L}\s+\((\p{Lu}[\p{Lu}\p{N}&]*\p{Lu}s?)\)/gu;
const COMMENT = /<!--[\s\S]*?-->/g;
/** A line of capitals is a heading ("STATEMENT BY JAPAN"), not running text. */
const CAPITALS_LINE = /^[^\p{Ll}]*$/u;
/**
 * A small word in capitals beside an abbreviation marks a heading run into the text, as PDF extraction leaves them
 * ("THE SDGs: A LIFELINE FOR OUR FUTURE The pandemic …"); lists of abbreviations have their "and" in lower case.
 */
const CAPITAL_SMALL_WORD = /^(?:THE|A|AN|OF|FOR|OUR|AND|IN|TO|ON|WITH|BY)$/;
const HEADING_REACH = 3;

const cache = new WeakMap<CheckInput, DraftAbbreviations>();

export function draftAbbreviations(input: CheckInput): DraftAbbreviations {
  let found = cache.get(input);
  if (found) return found;
  const body = input.text.slice(input.bodyStart).replace(COMMENT, (comment) => ' '.repeat(comment.length));
  const definitions = findAcronymDefinitions(body).map((d) => ({ ...d, start: d.start + input.bodyStart, end: d.end + input.bodyStart }));
  const uses: AbbreviationUse[] = [];
  for (const match of body.matchAll(ABBREVIATION)) {
    const start = input.bodyStart + (match.index ?? 0);
    const end = start + match[0].length;
    if (JOINED_BEFORE.test(input.text[start - 1] ?? '') || JOINED_AFTER.test(input.text[end] ?? '')) continue;
    const inParentheses = input.text[start - 1] === '(' && input.text[end] === ')';
    if (
      ROMAN_NUMERAL.test(match[0]) ||
      inParentheses ||
      definitions.some((d) => start >= d.start && end <= d.end) ||
      inCapitalsLine(input.text, start) ||
      inCapitalsHeading(input.text, start, end)
    )
      continue;
    uses.push({ abbreviation: match[0], start, end });
  }
  const parenthesised = new Set([...body.matchAll(PARENTHESISED_AFTER_WORD)].map((m) => m[1]));
  found = { definitions, parenthesised, uses };
  cache.set(input, found);
  return found;
}

/** The singular an abbreviation is defined under: "NGOs" is a use of "NGO". */
export function sameAbbreviation(use: string, defined: string): boolean {
  return use === defined || use === `${defined}s`;
}

function inCapitalsHeading(text: string, start: number, end: number): boolean {
  const before = text
    .slice(Math.max(0, start - 40), start)
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .slice(-HEADING_REACH);
  const after = text
    .slice(end, end + 40)
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .slice(0, HEADING_REACH);
  return [...before, ...after].some((word) => CAPITAL_SMALL_WORD.test(word));
}

function inCapitalsLine(text: string, offset: number): boolean {
  const start = text.lastIndexOf('\n', offset) + 1;
  const end = text.indexOf('\n', offset);
  const line = text.slice(start, end < 0 ? text.length : end);
  return line.trim().split(/\s+/).length >= 3 && CAPITALS_LINE.test(line);
}
