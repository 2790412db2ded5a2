/** What a document without front matter says of itself in its first lines: title, date, speaker, venue. */
import type { DocumentMeta } from '../types';
import { findDateInProse } from '../text/dates';

const HEAD_PARAGRAPHS = 12;
const MARKDOWN_HEADING = /^#{1,3}\s+(.+?)\s*#*$/;
const STATEMENT_TITLE = /^(?:Statement|Remarks|Address|Speech|Explanation of (?:vote|position)|Intervention)\b/i;
const EXCELLENCY = String.raw`(?:H\.\s?E\.|His Excellency|Her Excellency)\s+`;
const SPEAKER_TITLE = String.raw`(?:Ambassador|Minister|Mr\.|Ms\.|Mrs\.|Dr\.|Prof\.)\s+`;
const NAME_WORD = String.raw`\p{Lu}[\p{L}.'’-]*`;
const NAME = String.raw`(?:${NAME_WORD})(?:[ \t]+${NAME_WORD}){0,3}`;
/** "Statement by H.E. Ambassador Kimihiro Ishikane": the name, up to four words. */
const STATEMENT_BY = new RegExp(
  String.raw`\b(?:Statement|Remarks|Address|Speech)\s+by\s+(?:${EXCELLENCY})?(?:${SPEAKER_TITLE})?(${NAME})`,
  'u',
);
const RECORD_TITLES = 'Mr|Ms|Mrs|Dr|Sir|Dame|Lord|Baroness|Prince|Princess|Sheikh|Archbishop|Cardinal';
/** A verbatim record's "Mr. Ishikane (Japan):": the speaker and, in brackets, the country. */
const RECORD_SPEAKER = new RegExp(
  String.raw`^((?:${RECORD_TITLES})\.?\s+[\p{Lu}][\p{L}'’ -]{1,40}?)\s+\(([^()]{2,60})\)(?:\s*\([^()]*\))?:`,
  'u',
);
const UN_BODY =
  'Security Council|General Assembly|Human Rights Council|Economic and Social Council|Peacebuilding Commission|' +
  String.raw`Commission on [\p{L} ]+?|High-level [\p{L} -]+?`;
const MEETING = 'Open Debate|Ministerial Open Debate|Open Debate|Debate|Briefing|Meeting';
const VENUE = new RegExp(
  String.raw`\b(?:at|At|before|in)\s+the\s+((?:United Nations\s+)?(?:${UN_BODY})(?:\s+(?:${MEETING}))?)(?=\s+on\b|[,.\n“"]|$)`,
  'u',
);

/**
 * `known` (front matter) is taken as written. Of a file's `properties`, the title is taken over what the text
 * suggests; author and creation date only where the text names no speaker or date (a file is often written by
 * someone else than the speaker, days before the statement is delivered).
 */
export function inferMeta(paragraphs: string[], known: Partial<DocumentMeta>, properties: Partial<DocumentMeta> = {}): DocumentMeta {
  const head = paragraphs.slice(0, HEAD_PARAGRAPHS);
  const joined = head.join('\n');
  const record = head.length > 0 ? RECORD_SPEAKER.exec(head[0]) : null;
  const title = known.title ?? properties.title ?? inferTitle(head);
  const speaker =
    known.speaker ?? (record ? `${record[1]} (${record[2]})` : (STATEMENT_BY.exec(joined)?.[1] ?? properties.speaker ?? null));
  const venue = known.venue ?? VENUE.exec(joined)?.[1] ?? null;
  return {
    title,
    speaker,
    date: known.date ?? findDateInProse(head.filter((p) => p.length <= 200).join('\n')) ?? properties.date ?? null,
    period: known.period ?? null,
    venue,
    country: known.country ?? record?.[2] ?? countryNamedIn([speaker, title, venue, known.source ?? null]),
    source: known.source ?? null,
    kind: known.kind ?? (record ? 'verbatim record' : null),
    status: known.status ?? null,
  };
}

/** "Statement by Japan", "Permanent Representative of Japan", "Ministry of Foreign Affairs of Japan". */
const BEFORE_COUNTRY = 'Statement by|Representative of|Mission of|Ministry of Foreign Affairs of|Government of';
const COUNTRY_IN_META = new RegExp(
  String.raw`\b(?:${BEFORE_COUNTRY})\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3})(?![\p{L}.])`,
  'u',
);
const NOT_A_COUNTRY = /^(?:H|His|Her|Ambassador|Minister|Mr|Ms|Mrs|Dr|Prof|Foreign|Prime|President)\b/;

function countryNamedIn(fields: Array<string | null>): string | null {
  for (const field of fields) {
    const found = field ? COUNTRY_IN_META.exec(field) : null;
    if (
      found &&
      !NOT_A_COUNTRY.test(found[1]) &&
      !(found[0].startsWith('Statement by') && mayBePerson(found[0].slice('Statement by'.length).trim()))
    )
      return found[1];
  }
  return null;
}

/**
 * "Statement by Kenji Suzuki" names a person; "Statement by Japan", "by the United Kingdom", "by Bosnia and
 * Herzegovina" a state. Two or more capitalised words without "the" or "and" are taken for a person.
 */
function mayBePerson(name: string): boolean {
  return name.split(/\s+/).length > 1 && !/\band\b/.test(name) && !/^the\s/i.test(name);
}

function inferTitle(head: string[]): string | null {
  for (const paragraph of head) {
    const heading = MARKDOWN_HEADING.exec(paragraph);
    if (heading) return heading[1];
  }
  const statement = head.find((paragraph) => STATEMENT_TITLE.test(paragraph) && paragraph.length <= 300);
  if (statement) return statement;
  const first = head[0];
  return first && first.length <= 120 && !/[.,;:]$/.test(first) && !RECORD_SPEAKER.test(first) ? first : null;
}
