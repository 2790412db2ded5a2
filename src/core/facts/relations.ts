/**
 * The relations a fact can state — who pledged, contributed, dispatched, adopted what — each with the verb forms
 * that express it and the words a drafter may search it by ("contribution", "donor", "deployment").
 */

export interface Relation {
  /** The name facts carry: "pledged". */
  name: string;
  /** Money and people change hands: such a fact needs a figure or a time to be worth recording. */
  transfer: boolean;
  /** Words that ask for this relation in a query, the verb's own forms included. */
  searchWords: string[];
}

interface RelationSpec extends Relation {
  forms: string[];
}

const SPECS: RelationSpec[] = [
  {
    name: 'pledged',
    transfer: true,
    forms: ['pledge', 'pledges', 'pledged'],
    searchWords: ['pledge', 'pledges', 'commitment', 'commitments', 'promised'],
  },
  {
    name: 'contributed',
    transfer: true,
    forms: ['contribute', 'contributes', 'contributed'],
    searchWords: ['contribution', 'contributions', 'contributor', 'donor', 'funding'],
  },
  {
    name: 'provided',
    transfer: true,
    forms: ['provide', 'provides', 'provided'],
    searchWords: ['provision', 'assistance', 'aid', 'support'],
  },
  {
    name: 'allocated',
    transfer: true,
    forms: ['allocate', 'allocates', 'allocated', 'earmarked'],
    searchWords: ['allocation', 'budget', 'funding'],
  },
  { name: 'disbursed', transfer: true, forms: ['disburse', 'disburses', 'disbursed'], searchWords: ['disbursement', 'funding'] },
  { name: 'donated', transfer: true, forms: ['donate', 'donates', 'donated'], searchWords: ['donation', 'donor', 'contribution'] },
  { name: 'invested', transfer: true, forms: ['invest', 'invests', 'invested'], searchWords: ['investment'] },
  {
    name: 'dispatched',
    transfer: true,
    forms: ['dispatch', 'dispatches', 'dispatched', 'deploy', 'deploys', 'deployed', 'sent'],
    searchWords: ['deployment', 'personnel', 'troops', 'peacekeepers'],
  },
  { name: 'trained', transfer: true, forms: ['train', 'trains', 'trained'], searchWords: ['training', 'capacity'] },
  { name: 'adopted', transfer: false, forms: ['adopt', 'adopts', 'adopted'], searchWords: ['adoption', 'resolution'] },
  {
    name: 'established',
    transfer: false,
    forms: ['establish', 'establishes', 'established', 'founded', 'created', 'set up'],
    searchWords: ['establishment', 'creation', 'founded'],
  },
  {
    name: 'held',
    transfer: false,
    forms: ['hold', 'holds', 'held', 'convene', 'convenes', 'convened', 'hosted', 'host', 'hosts', 'co-hosted', 'co-host'],
    searchWords: ['meeting', 'conference', 'summit', 'hosted'],
  },
  { name: 'elected', transfer: false, forms: ['elect', 'elects', 'elected'], searchWords: ['election', 'member', 'seat'] },
  { name: 'launched', transfer: false, forms: ['launch', 'launches', 'launched'], searchWords: ['launch', 'initiative'] },
  { name: 'signed', transfer: false, forms: ['sign', 'signs', 'signed'], searchWords: ['signature', 'agreement'] },
  {
    name: 'ratified',
    transfer: false,
    forms: ['ratify', 'ratifies', 'ratified', 'acceded'],
    searchWords: ['ratification', 'accession', 'convention', 'treaty'],
  },
  { name: 'announced', transfer: false, forms: ['announce', 'announces', 'announced'], searchWords: ['announcement'] },
  { name: 'received', transfer: true, forms: ['receive', 'receives', 'received', 'accepted'], searchWords: ['refugees', 'hosting'] },
];

const RELATION_OF_FORM = new Map<string, Relation>();
for (const { forms, ...relation } of SPECS) {
  for (const form of forms)
    if (!RELATION_OF_FORM.has(form)) RELATION_OF_FORM.set(form, { ...relation, searchWords: [...forms, ...relation.searchWords] });
}

/**
 * Every relation verb in a sentence, in order. Plain word boundaries (no Unicode lookbehind: three times faster);
 * `relationVerbsIn` drops the parts of hyphenated words ("well-established") and capitalised words of names.
 */
const RELATION_VERB = new RegExp(`\\b(${[...RELATION_OF_FORM.keys()].sort((a, b) => b.length - a.length).join('|')})\\b`, 'gi');

export function relationVerbsIn(sentence: string): RegExpMatchArray[] {
  return [...sentence.matchAll(RELATION_VERB)].filter((m) => {
    const start = m.index ?? 0;
    // "the Intergovernmental Conference to Adopt the Global Compact": a capital inside a sentence is a name's word.
    const inName = start > 0 && /^\p{Lu}/u.test(m[0]) && !/[.!?:;"“(]\s*$/.test(sentence.slice(0, start));
    return sentence[start - 1] !== '-' && sentence[start + m[0].length] !== '-' && !inName;
  });
}

export function relationOfVerb(verb: string): Relation | null {
  return RELATION_OF_FORM.get(verb.toLowerCase()) ?? null;
}
