/**
 * Words spelt two ways in English — British and American, -ise and -ize — and which form the UN Editorial Manual
 * (Oxford spelling) prefers. One table for `spelling-variant` and the style sheet's `un-spelling`.
 */

/**
 * Pairs not related by a rule, each inflected form listed (English doubles and drops letters unevenly: "fulfilled"
 * is both spellings' past): [the UN's form, the other form]. Homographs ("meter", "license", "check") are left out.
 */
const PAIRS: Array<[string, string]> = [
  ['programme', 'program'],
  ['programmes', 'programs'],
  ['centre', 'center'],
  ['centres', 'centers'],
  ['centred', 'centered'],
  ['labour', 'labor'],
  ['defence', 'defense'],
  ['favour', 'favor'],
  ['favours', 'favors'],
  ['favoured', 'favored'],
  ['favourable', 'favorable'],
  ['honour', 'honor'],
  ['honours', 'honors'],
  ['honoured', 'honored'],
  ['behaviour', 'behavior'],
  ['behaviours', 'behaviors'],
  ['neighbour', 'neighbor'],
  ['neighbours', 'neighbors'],
  ['neighbouring', 'neighboring'],
  ['endeavour', 'endeavor'],
  ['endeavours', 'endeavors'],
  ['colour', 'color'],
  ['harbour', 'harbor'],
  ['rumour', 'rumor'],
  ['vigour', 'vigor'],
  ['analyse', 'analyze'],
  ['analysed', 'analyzed'],
  ['analysing', 'analyzing'],
  ['paralyse', 'paralyze'],
  ['catalogue', 'catalog'],
  ['dialogue', 'dialog'],
  ['fulfil', 'fulfill'],
  ['fulfils', 'fulfills'],
  ['fulfilment', 'fulfillment'],
  ['enrol', 'enroll'],
  ['enrolment', 'enrollment'],
  ['travelled', 'traveled'],
  ['travelling', 'traveling'],
  ['modelling', 'modeling'],
  ['counselling', 'counseling'],
  ['labelled', 'labeled'],
  ['offence', 'offense'],
  ['theatre', 'theater'],
  ['litre', 'liter'],
  ['fibre', 'fiber'],
  ['grey', 'gray'],
  ['judgement', 'judgment'],
  ['ageing', 'aging'],
  ['sceptical', 'skeptical'],
];
/** -ise words that never take -ize, nor do the words ending in them. */
const ALWAYS_ISE_WORDS =
  'advise advertise apprise arise bruise chastise circumcise comprise compromise concise cruise demise despise devise disguise ' +
  'enterprise exercise excise expertise franchise guise improvise incise liaise merchandise noise paradise poise porpoise ' +
  'practise praise precise premise promise raise reprise revise rise supervise surmise surprise televise tortoise treatise ' +
  'turquoise wise';
const ALWAYS_ISE = new RegExp(`(?:${ALWAYS_ISE_WORDS.split(' ').join('|')})$`);
const ISE_ENDING = /^(\p{L}{3,})is(e|es|ed|ing|ation|ations|er|ers)$/u;
/** A cheap first test: most words end otherwise. */
const MAY_END_ISE = /i[sz](?:e|es|ed|ing|ations?|ers?)$/;

/** Each form of a pair to the UN's form, which stands for both. */
const CANONICAL = new Map<string, string>(
  PAIRS.flatMap(([un, other]): Array<[string, string]> => [
    [un, un],
    [other, un],
  ]),
);

/** The spelling-independent form of a word ("organisation" and "organization" share one), or null. */
export function spellingKey(lowerWord: string): string | null {
  const paired = CANONICAL.get(lowerWord);
  if (paired) return paired;
  if (!MAY_END_ISE.test(lowerWord)) return null;
  const ise = ISE_ENDING.exec(lowerWord.replace(/iz(e|es|ed|ing|ation|ations|er|ers)$/, 'is$1'));
  // "fundraising", "enterprises": a word ending in one that never takes -ize.
  if (!ise || ALWAYS_ISE.test(`${ise[1]}ise`)) return null;
  return `${ise[1]}is${ise[2]}`;
}

/** The form the UN Editorial Manual uses (Oxford: -ize, but "programme", "centre", "analyse"), or null. */
export function unSpelling(lowerWord: string): string | null {
  const paired = CANONICAL.get(lowerWord);
  if (paired) return paired;
  const key = spellingKey(lowerWord);
  return key ? key.replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1') : null;
}

const NAME_JOINERS = /^(?:of|for|the|and|on|in|to|de)$/;

/**
 * Whether the word at [start, end) belongs to a proper name, which keeps its own spelling: "World Health
 * Organization", "Global Center for Combating Extremist Ideology", "Africa Adaptation Acceleration Program".
 */
export function inProperName(text: string, start: number, end: number): boolean {
  if (!/^\p{Lu}/u.test(text[start])) return false;
  const before = text
    .slice(Math.max(0, start - 60), start)
    .split(/\s+/)
    .filter(Boolean);
  const after = text
    .slice(end, end + 60)
    .split(/\s+/)
    .filter(Boolean);
  const capitalisedNeighbour = (words: string[]) => {
    const word = words.find((w) => !NAME_JOINERS.test(w));
    return word !== undefined && /^\p{Lu}/u.test(word) && !/[.!?:;]$/.test(word);
  };
  return capitalisedNeighbour(before.reverse()) || capitalisedNeighbour(after.map((w) => w.replace(/[,.;:]+$/, '')));
}

/** A replacement in the case of the word it replaces: "Organisation" → "Organization". */
export function inCaseOf(written: string, lower: string): string {
  if (written === written.toUpperCase()) return lower.toUpperCase();
  return /^\p{Lu}/u.test(written) ? lower[0].toUpperCase() + lower.slice(1) : lower;
}
