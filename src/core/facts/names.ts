/**
 * One name for one thing: "the UNODC", "UN Office on Drugs and Crime" and "United Nations Office on Drugs and
 * Crime (UNODC)" are the same subject; "we", "my Government" and "the Government of Japan" the same actor.
 */
import { type AcronymTable, comparableName } from './acronyms';

export interface Name {
  /** What facts about the same thing share: the acronym when there is one, else the name as compared. */
  key: string;
  /** How a reader is shown it: "United Nations Office on Drugs and Crime (UNODC)". */
  display: string;
}

/** Who "we" are and which council "the Council" is, for the document a sentence comes from. */
export interface Speaker {
  country: string | null;
  venue: string | null;
}

const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}&]{1,9}$/u;
const WITH_ACRONYM = /^(.*?)\s*\((\p{Lu}[\p{Lu}\p{Ll}&]{1,11})\)$/u;
const LEADING_WORDS = /^(?:the|a|an|its|their|our|my|this|these|that|those)(?:\s+|$)/i;
const POSSESSIVE = /['’]s?$/;
const FIRST_PERSON = /^(?:we|i|us|my|our)(?:\s+(?:own\s+)?(?:country|government|nation|delegation|people))?$/i;
const GOVERNMENT_OF = /^(?:the\s+)?(?:government|people|delegation)\s+of\s+(?:the\s+)?(.+)$/i;
const REPUBLIC = String.raw`(?:Federal\s+|Islamic\s+|Lebanese\s+)?Republic`;
/** "the State of Kuwait", "the Republic of Turkey": the country's short name groups its facts. */
const STATE_OF = new RegExp(
  String.raw`^(?:(?:Independent\s+)?State|${REPUBLIC}|Kingdom|Sultanate|Principality|Grand Duchy)\s+of\s+(?:the\s+)?`,
);
const PRONOUN = /^(?:it|they|he|she|this|these|that|those|which|who|one|all|each|both|some|many|others?|everyone)$/i;

export function unifyName(written: string, acronyms: AcronymTable): Name {
  const name = cleanName(written);
  const defined = WITH_ACRONYM.exec(name);
  const acronym = defined ? defined[2] : ACRONYM.test(name) ? name : acronyms.acronymOf(name);
  if (acronym) {
    const expansion = acronyms.expansion(acronym) ?? (defined ? defined[1] : null);
    return { key: acronym, display: expansion ? `${expansion} (${acronym})` : acronym };
  }
  return { key: comparableName(name), display: name };
}

/** The actor a sentence names, as the corpus should group it; null for a pronoun that cannot be resolved. */
export function actorName(written: string, speaker: Speaker & { acronyms: AcronymTable }): Name | null {
  if (FIRST_PERSON.test(written.trim())) return speaker.country ? countryName(speaker.country) : null;
  const name = cleanName(written);
  if (!name || PRONOUN.test(name)) return null;
  const governed = GOVERNMENT_OF.exec(name);
  if (governed) return countryName(governed[1]);
  if (STATE_OF.test(name)) return countryName(name);
  if (/^council$/i.test(name)) {
    const council =
      /\b(Security Council|Human Rights Council|Economic and Social Council)\b/.exec(speaker.venue ?? '')?.[1] ?? 'Security Council';
    return { key: comparableName(council), display: council };
  }
  return unifyName(name, speaker.acronyms);
}

function countryName(written: string): Name {
  const name = cleanName(written).replace(STATE_OF, '');
  return { key: comparableName(name), display: name };
}

function cleanName(written: string): string {
  let name = written.trim().replace(/\s+/g, ' ');
  while (LEADING_WORDS.test(name)) name = name.replace(LEADING_WORDS, '');
  return name
    .replace(POSSESSIVE, '')
    .replace(/[,;:.]+$/, '')
    .trim();
}
