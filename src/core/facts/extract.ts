/**
 * Facts from a sentence: who (actor) did what (relation) to or for what (object, subject), how much (quantities)
 * and when (time) — "Japan has pledged approximately 23 million US dollars to the UNODC which should be disbursed
 * by the end of this month" gives Japan · pledged · UNODC · 23,000,000 USD (approximate) · 2017-03-31.
 *
 * A shallow reading, clause by clause around each relation verb, that records only what it can attribute:
 * precision over recall. A fact needs an actor — a name, "we" of a known country, or a noun phrase joined to its
 * verb by an auxiliary ("the programme has trained"), never a noun a participle describes ("the agreement signed
 * in 2008"); a transfer (pledged, contributed, dispatched…) needs a figure, or a time and a named recipient; any
 * other relation a named object (its figures are not its own: "adopted resolution 73/338 with 73 co-sponsors").
 *
 * What a sentence only plans or wishes is no fact ("will host", "would consist", "must establish"), except a future
 * transfer, which is a commitment and read as a pledge ("will contribute €15 million" · pledged). A participle after
 * its noun is background, not an event: "the Fund established by the UNODC" is kept undated and shown so. A pledge is
 * dated only by a time of its own clause, never by a deadline ("to be disbursed by the end of this month"), so it
 * stands at the statement's date. A transfer named by a noun ("announced an additional contribution of $9 million to
 * UNICEF") is read with its recipient; a figure with no verb ("the provision of 15.5 million US dollars") is not read.
 */
import type { AcronymTable } from './acronyms';
import { actorName, type Name, type Speaker, unifyName } from './names';
import { extractQuantities, type Quantity } from './quantities';
import { type Relation, relationOfVerb, relationVerbsIn } from './relations';
import { findTimes, type TimeMention } from './times';
import { MONTH_ALTERNATIVES } from '../text/dates';

export interface SentenceFact {
  actor: Name;
  relation: string;
  /** The object or recipient as written: "Peacebuilding Fund (PBF)". */
  object: string;
  /** What the fact is about, for grouping: the object or recipient, else the actor. */
  subject: Name;
  /** Offsets inside the sentence. */
  quantities: Quantity[];
  time: string | null;
  /** Read from a participle after its noun ("the Fund established by the UNODC"): background, with no time of its own. */
  background: boolean;
}

export interface FactContext extends Speaker {
  documentDate: string | null;
  acronyms: AcronymTable;
}

/** Where a clause ends: a verb's words do not reach past these. */
const CLAUSE_BREAK = new RegExp(
  [
    String.raw`[;:]|,\s+(?:which|who|where|whereas|while|but|thereby)\b|,\s+\p{Ll}+ing\b`,
    String.raw`\s(?:which|who|whereby)\s|\s(?:in order|so as|so that)\s`,
    String.raw`\sto\s(?:enable|promote|strengthen|combat|ensure|address|improve|counter|build)\b`,
    // "received 100,000 refugees and extended $530 million": another verb, whose figures are its own.
    String.raw`\s(?:and|but)\s+(?:(?:has|have|had|also)\s+)?(?:\p{Ll}+ed|spent|sent|made|gave|built|took|paid)\b`,
  ].join('|'),
  'gu',
);
/** Auxiliaries of a commitment still to be carried out: a transfer is then a pledge, anything else no fact yet. */
const FUTURE_AUXILIARY = /\b(?:will|shall|going to|intends? to|plans? to)\b/i;
/** Auxiliaries of what may, must or would be, or of an act the actor only helped others do ("helped establish"): no fact. */
const UNREAL_AUXILIARY = /\b(?:would|should|can|could|may|might|must|wish(?:es)? to|ready to|determined to|help(?:s|ed)?(?: to)?)\b/i;
/** Words between an actor and its verb: "Japan has also decided to contribute". */
const AUXILIARY = new RegExp(
  String.raw`(?:^|\s)(?:has|have|had|will|would|shall|should|can|could|may|might|must|help(?:s|ed)?(?: to)?|decided to|` +
    String.raw`agreed to|intends? to|plans? to|continues? to|continued to|(?:is|are) going to|wish(?:es)? to|` +
    String.raw`(?:is|are|stands?|stood) ready to|` +
    String.raw`(?:is|am|are) pleased to|would like to|(?:is|are) determined to|(?:is|are) proud to)\s*$`,
  'i',
);
const ADVERB = new RegExp(
  String.raw`(?:^|\s)(?:also|further|already|now|again|once again|just|so far|to date|today|together|soon|still|not|yet|never|ever|` +
    String.raw`even|only|thus|therefore|in addition|moreover|furthermore|since then|(?:this|last|earlier this) (?:year|week|month))\s*$`,
  'i',
);
const LY_ADVERB = /(?:^|\s)\p{Ll}+ly\s*$/u;
const PASSIVE_TAIL = /(?:^|\s)(?:was|were|been|is|are|being|be)\s*$/i;
/** "the signed agreement", "the newly elected Government": the verb is an adjective. */
const DETERMINER_TAIL = /(?:^|\s)(?:the|a|an|its|their|our|my|his|her|this|these|those)(?:\s+(?:first|second|third|new|last|only))?\s*$/i;
/** A participle after its noun, not a verb after its actor: "the Action Plan adopted in 2004", "the summit held in Tehran". */
const PARTICIPLE_FOLLOWS = new RegExp(
  String.raw`^\s*(?:by|in|on|at|as|under|there|between|with|last|earlier|recently|during|for in|for under|(?:${MONTH_ALTERNATIVES})\b)\b`,
);
/** Words an actor's or object's phrase cannot contain: reading stops at them. */
const PHRASE_STOP = new Set(
  [
    'in on at of for with to from by that which who and or but as than if when while where because since though although once',
    'unless until whether through into under over during after before about against between among within without upon per via',
    'so then there here not worth —',
  ]
    .join(' ')
    .split(' '),
);
const PERSONAL_PRONOUN = /^(?:we|i|they|it|he|she|you)$/i;
/** What "we" do together in a general debate rather than as one country: adopt, hold, elect. */
const COLLECTIVE_ACTS = new Set(['adopted', 'held', 'elected']);
/** An actor phrase opening so is a fragment or a pronoun's thing: "only two", "his Office", "you". */
const NOT_AN_ACTOR = /^(?:only|some|many|most|all|both|few|several|more|less|cent|his|her|its|their|your|you)\b/i;
/** What a meeting is called: "held" and "hosted" are read only for these, not for a centre or a visitor hosted. */
const EVENT = new RegExp(
  String.raw`\b(?:conference|summit|forum|meeting|dialogue|session|consultations?|talks|event|games|expo|exhibition|congress|` +
    String.raw`symposium|seminar|workshop|round|festival|olympics|cup|week|retreat|debate|elections?|referendum|roundtable|review)\b`,
  'i',
);
/** "an additional contribution of $9 million to UNICEF": a transfer named by a noun, whose recipient is read. */
const TRANSFER_NOUN = new RegExp(
  String.raw`^(?:(?:an?|the|additional|new|further|its|our|total|first|second)\s+)*` +
    String.raw`(?:contributions?|pledges?|donations?|grants?|provision|allocation|package|aid package|financial support)\b`,
  'i',
);
/** "contribute the least … — a mere 0.2 per cent", "receives only 3 per cent of its budget": a share, not an amount. */
const SHARE_OF_WHOLE = /^(?:contributed|received)$/;
/** "when we convene the Second High-Level Event": a clause of what is still to come, in the present tense. */
const PENDING_CLAUSE = /\b(?:when|once|if|unless|until|as soon as)\b[^,;]*$/i;
const PAST_FORM = /(?:ed|held|sent|set up)$/i;
/** A time that closes a span ("by the end of this month", "before 2020"): a deadline, not when a pledge was made. */
const DEADLINE_BEFORE = /\b(?:by|before|until|no later than)\s+(?:the\s+end\s+of\s+)?$/i;
/** Time words that open a clause before its actor: "Yesterday we held", "10 years ago the Council adopted". */
const TIME_WORD = new RegExp(
  String.raw`^(?:\d+|years?|months?|weeks?|days?|ago|yesterday|today|tomorrow|last|next|this|earlier|later|recently|` +
    String.raw`${MONTH_ALTERNATIVES})$`,
  'i',
);
const TIME_UNIT = new RegExp(String.raw`^(?:years?|months?|weeks?|days?|ago|yesterday|today|tomorrow|${MONTH_ALTERNATIVES})$`, 'i');
const NOT_A_NAME = new RegExp(
  String.raw`^(?:The|A|An|This|These|That|Those|Its|Our|My|Their|His|Her|If|When|Once|Unless|Although|While|${MONTH_ALTERNATIVES})\b`,
);
/** A capitalised name; it does not run on into a month ("the Conference on Women in Afghanistan in September"). */
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{N}'’&.–-]*`;
/** Words a name lists: "… for the Implementation of Peace, Stability and Development", "… on Women, Peace and Security". */
const LISTED_WORDS = String.raw`${NAME_WORD}(?:,\s+${NAME_WORD})+,?\s+(?:and|or)\s+${NAME_WORD}`;
const NAME_RUN =
  String.raw`${NAME_WORD}(?:\s+(?:(?:of|on|and|for|the|de|against|in|to)\s+)*` +
  String.raw`(?!(?:${MONTH_ALTERNATIVES})\b)(?:${LISTED_WORDS}|${NAME_WORD}))*(?:\s*\(\p{Lu}[\p{L}&]{1,11}\))?`;
const NAME_AT_START = new RegExp(`^${NAME_RUN}`, 'u');
/** "the UN Comprehensive Response to COVID-19 launched by …": the whole name a participle follows. */
const NAME_AT_END = new RegExp(`${NAME_RUN}$`, 'u');
const RECIPIENT = new RegExp(
  String.raw`\b(?:to|for|towards|into|through|in support of|to (?:fund|support|assist|help))\s+(?:the\s+)?` +
    String.raw`(?:(?:efforts|work|operations) of\s+(?:the\s+)?)?(?<name>${NAME_RUN})`,
  'u',
);
/** People a transfer goes to, named by a group in lower case: "to developing countries", "for refugees". */
const GROUPS = 'countries|nations|states|peoples?|refugees|children|women|communities|populations?';
const GROUP_RECIPIENT = new RegExp(String.raw`\b(?:to|for)\s+(?:the\s+)?(?<name>(?:\p{Ll}+\s+){0,2}(?:${GROUPS}))\b`, 'u');
const GROUP_AFTER = new RegExp(String.raw`^\s+(${GROUPS})\b`, 'u');
/** How far after the verb a recipient may stand: "contributed … 42.5 million US dollars to the Peacebuilding Fund". */
const RECIPIENT_REACH = 90;
const RESOLUTION_OBJECT = /^\s*(?:the\s+)?(?:(?:Security Council|General Assembly)\s+)?(?<name>resolutions?\s+\d[\d/]*(?:\s*\(\d{4}\))?)/i;
const LEADING_FILLER = new RegExp(
  String.raw`^(?:\s|,|(?:a total of|the sum of|a sum of|an amount of|an additional|additional|another|a further|further|a new|new|` +
    String.raw`in total|the|a|an|of|its|their|our|his|her)\b)+`,
  'i',
);
/** An aside right after the verb: "launched, in cooperation with the UNV, the Asia Youth Volunteers Programme". */
const ASIDE = /^\s*,[^,]*,/;
const MAX_ACTOR_WORDS = 6;
const MAX_OBJECT_WORDS = 8;

interface ClauseSpan {
  relation: Relation;
  clauseStart: number;
  verbStart: number;
  verbEnd: number;
  clauseEnd: number;
}

export function extractFacts(sentence: string, context: FactContext): SentenceFact[] {
  // A question states no fact: "Where will we establish our State?"
  if (/\?\s*$/.test(sentence)) return [];
  const verbs = relationVerbsIn(sentence);
  if (verbs.length === 0) return [];
  const breaks = [...sentence.matchAll(CLAUSE_BREAK)].map((m) => m.index ?? 0);
  let figures: Figures | null = null;
  const facts: SentenceFact[] = [];
  for (let i = 0; i < verbs.length; i++) {
    const verb = verbs[i];
    const verbStart = verb.index ?? 0;
    const verbEnd = verbStart + verb[0].length;
    // "pledged to provide up to $500 million": one fact, the first verb's relation over the second verb's clause.
    let last = i;
    while (verbs[last + 1] && /^\s+to\s+$/.test(sentence.slice((verbs[last].index ?? 0) + verbs[last][0].length, verbs[last + 1].index)))
      last++;
    const lastEnd = (verbs[last].index ?? 0) + verbs[last][0].length;
    const span: ClauseSpan = {
      relation: relationOfVerb(verb[1])!,
      clauseStart: Math.max(0, ...breaks.filter((b) => b < verbStart).map((b) => b + 1)),
      verbStart,
      verbEnd: last > i ? lastEnd : verbEnd,
      clauseEnd: Math.min(verbs[last + 1]?.index ?? sentence.length, ...breaks.filter((b) => b >= lastEnd)),
    };
    i = last;
    // Figures and times are read only for sentences that may hold a fact: most relation verbs have no actor.
    const fact = readClause(sentence, span, () => (figures ??= readFigures(sentence, context.documentDate)), context);
    if (fact) facts.push(fact);
  }
  return facts;
}

interface Figures {
  quantities: Quantity[];
  times: TimeMention[];
  /** The sentence with its figures and times blanked out (same length), so that they are not read as the object. */
  blanked: string;
}

function readFigures(sentence: string, documentDate: string | null): Figures {
  const quantities = extractQuantities(sentence);
  const times = findTimes(sentence, documentDate);
  let blanked = sentence;
  for (const { start, end } of [...quantities, ...times]) blanked = blanked.slice(0, start) + ' '.repeat(end - start) + blanked.slice(end);
  return { quantities, times, blanked };
}

function readClause(sentence: string, span: ClauseSpan, figuresOf: () => Figures, context: FactContext): SentenceFact | null {
  const written = sentence.slice(span.verbEnd, span.clauseEnd);
  // "announced that the Government of Japan will provide…": the fact is the reported clause's own.
  if (/^\s*that\b/.test(written)) return null;
  const before = readBefore(sentence.slice(span.clauseStart, span.verbStart));
  if (!before || before.mood === 'unreal') return null;
  if (PENDING_CLAUSE.test(before.text) && !PAST_FORM.test(sentence.slice(span.verbStart, span.verbEnd))) return null;
  const future = before.mood === 'future';
  if (future && !span.relation.transfer) return null;
  // "the Fund established by the UNODC": a participle after its noun, background to the sentence's own event.
  const background = !PASSIVE_TAIL.test(before.text) && !before.auxiliary && PARTICIPLE_FOLLOWS.test(written);
  // "the centre in Timisoara, Romania, established by …": what the participle describes stands before the aside, unread.
  if (background && /,\s*$/.test(sentence.slice(span.clauseStart, span.verbStart))) return null;
  // "membership would consist of Member States elected by the Assembly": background of what is only imagined.
  if (background && UNREAL_AUXILIARY.test(sentence.slice(0, span.verbStart))) return null;
  const passive = background || PASSIVE_TAIL.test(before.text);
  const actor = passive ? agentOf(written, context) : actorBefore(before, span.relation, context);
  if (!actor) return null;
  const { quantities, times, blanked } = figuresOf();
  const after = blanked.slice(span.verbEnd, span.clauseEnd);
  // A ranking the sentence goes on to give belongs to the fact: "…, making it the fund's fifth-largest major donor".
  // "contributes to 70 per cent of employment" states a share, not an amount given.
  const nounTransfer = !span.relation.transfer && !passive && TRANSFER_NOUN.test(after.replace(/^[\s,]+/, ''));
  const transfer = span.relation.transfer || nounTransfer;
  // "pledged to reduce emissions by 28 per cent": a share in what is to be done, not an amount given.
  const sharesAreActs = !/^\s*to\s+\p{Ll}/u.test(written);
  const own = transfer
    ? quantities.filter(
        (q) =>
          q.start >= span.verbEnd &&
          (q.end <= span.clauseEnd || q.unit === 'ordinal') &&
          (q.unit !== 'percent' ||
            (sharesAreActs && !SHARE_OF_WHOLE.test(span.relation.name) && !/\bto\s+$/.test(sentence.slice(0, q.start)))) &&
          (!/^(?:dispatched|trained)$/.test(span.relation.name) || q.unit === 'persons' || q.unit === 'count') &&
          // "$300,000 per municipality" is a rate; "a haven for 50,000 refugees" counts those helped, not what was given.
          !/^\s*(?:per|each|a|an)\s+\p{Ll}/u.test(sentence.slice(q.end)) &&
          !(q.unit === 'persons' && span.relation.name === 'provided' && /\bfor\s+$/.test(sentence.slice(0, q.start))),
      )
    : [];
  const relation = future ? 'pledged' : span.relation.name;
  // A commitment's time is the statement's; background has none of its own.
  const time = future || background ? null : nearestTime(times, span, sentence, relation === 'pledged');
  // "to the Ocean Data Fund established by …": the name the participle describes, without its article.
  const object = passive
    ? (NAME_AT_END.exec(before.text.replace(PASSIVE_TAIL, '').slice(-160))?.[0] ??
      phraseBefore(before.text.replace(PASSIVE_TAIL, ''))?.replace(/^(?:the|a|an)\s+/i, '') ??
      null)
    : objectAfter(after, own, transfer);
  const named =
    object && (RESOLUTION_OBJECT.test(object) || isName(object))
      ? object
      : transfer && !object
        ? relativeRecipient(sentence.slice(0, span.verbStart))
        : null;
  if (span.relation.name === 'held' && !(named && EVENT.test(named))) return null;
  const attributable = transfer ? own.length > 0 : named !== null;
  if (!attributable) return null;
  const subject = named ? unifyName(named, context.acronyms) : object ? { key: object.toLowerCase(), display: object } : actor;
  return { actor, relation, object: object ?? named ?? '', subject, quantities: own, time: time?.value ?? null, background };
}

interface Before {
  /** The words before the verb, auxiliaries and adverbs removed. */
  text: string;
  /** An auxiliary stood between: "has pledged", "will host". */
  auxiliary: boolean;
  /** What the auxiliaries make of the verb: done, a commitment still to come, or what may or must be. */
  mood: 'done' | 'future' | 'unreal';
}

/** The words before the verb without auxiliaries and adverbs; null where the verb is no finite verb of a clause. */
function readBefore(raw: string): Before | null {
  let text = raw.replace(/\s+$/, '');
  let auxiliary = false;
  let mood: Before['mood'] = 'done';
  for (let previous = ''; previous !== text;) {
    previous = text;
    const auxiliaryWords = AUXILIARY.exec(text)?.[0];
    if (auxiliaryWords) {
      auxiliary = true;
      // "announced that Japan would provide": reported speech, the commitment of a future still to come.
      const reported = /^\s*would\b/i.test(auxiliaryWords) && /\bthat\b[^;]*$/i.test(text.slice(0, text.length - auxiliaryWords.length));
      if (UNREAL_AUXILIARY.test(auxiliaryWords) && !reported) mood = 'unreal';
      else if ((reported || FUTURE_AUXILIARY.test(auxiliaryWords)) && mood === 'done') mood = 'future';
    }
    text = text.replace(AUXILIARY, '').replace(ADVERB, '').replace(LY_ADVERB, '');
    const aside = /,([^,]*),\s*$/.exec(text);
    // "Tunisia, Turkey, the United Kingdom and the United States, jointly launched": the end of a list, not an aside.
    if (aside && /\band\b/.test(aside[1]) && /,\s*\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*$/u.test(text.slice(0, aside.index))) return null;
    text = text.replace(/,[^,]*,\s*$/, '').replace(/\s+$/, '');
  }
  // "to provide" (purpose), "by providing", "the signed agreement": not a verb with an actor of its own.
  if (/(?:^|\s)(?:to|by|of|for)$/i.test(text) || /ing$/i.test(text) || DETERMINER_TAIL.test(text)) return null;
  return { text, auxiliary, mood };
}

function actorBefore(before: Before, relation: Relation, context: FactContext): Name | null {
  const phrase = phraseBefore(before.text);
  if (!phrase || NOT_AN_ACTOR.test(phrase)) return null;
  const last = phrase.split(' ').pop()!;
  // "we adopted the 2030 Agenda", "we elected a Secretary-General": in a general debate the membership speaking together.
  if (/^we$/i.test(last) && COLLECTIVE_ACTS.has(relation.name)) return null;
  // "Together we established …": the partners together.
  if (/^we$/i.test(last) && /\btogether\s*,?\s*we$/i.test(before.text)) return null;
  if (PERSONAL_PRONOUN.test(last)) return actorName(last, context);
  // A common noun acts only through an auxiliary; without one it is a noun a participle describes.
  const proper = /^\p{Lu}/u.test(phrase.replace(/^(?:the|my|our)\s+/i, '')) || /^(?:my|our)\s/i.test(phrase);
  if (!proper && !before.auxiliary) return null;
  return actorName(phrase, context);
}

/** The agent of a passive: "was launched by His Majesty King Letsie III". */
function agentOf(after: string, context: FactContext): Name | null {
  const agent = /^\s*(?:[^,;]*?\s)?by\s+(?:the\s+)?([^,;]+)/.exec(after)?.[1];
  const name = agent ? NAME_AT_START.exec(agent)?.[0] : undefined;
  return name && !NOT_A_NAME.test(name) ? actorName(trimName(name), context) : null;
}

/**
 * The noun phrase that ends a stretch of text: the actor of "In 2014, the Government of Japan contributed", or of
 * "Japan, US and Australia held"; time words that open the clause are not part of it.
 */
function phraseBefore(text: string): string | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const phrase: string[] = [];
  const capitalised = (word: string | undefined) => word !== undefined && /^\p{Lu}/u.test(word);
  for (let i = words.length - 1; i >= 0 && phrase.length < MAX_ACTOR_WORDS; i--) {
    const word = words[i];
    // "Trinidad and Tobago and the United Nations": names joined, the second with its article.
    const named = capitalised(phrase[0]) || (phrase[0]?.toLowerCase() === 'the' && capitalised(phrase[1]));
    const joinsNames = named && capitalised(words[i - 1]) && !/[,;:]$/.test(words[i - 1]);
    const listed = /,$/.test(word) && capitalised(word) && phrase.includes('and') && capitalised(phrase[0]);
    if ((/[,;:()"“”]$/.test(word) && !listed) || /^[("“]/.test(word)) break;
    const lower = word.toLowerCase();
    if (PHRASE_STOP.has(lower) && !((lower === 'of' || lower === 'and') && joinsNames)) {
      // "the Forum summit in Port Moresby adopted": a place, and what stands there acted, unread.
      if ((lower === 'in' || lower === 'at') && phrase.length > 0 && !phrase.some((w) => TIME_WORD.test(w))) return null;
      break;
    }
    phrase.unshift(word);
    if (PERSONAL_PRONOUN.test(word) && phrase.length === 1) break;
  }
  // "Over the past 20 years Japan has sent": the actor follows the last word of the time.
  const timeEnds = phrase.findLastIndex((word) => TIME_UNIT.test(word));
  if (timeEnds >= 0 && timeEnds < phrase.length - 1) phrase.splice(0, timeEnds + 1);
  while (phrase.length > 0 && TIME_WORD.test(phrase[0])) phrase.shift();
  // "my country last April hosted": the time after the actor is no part of it.
  while (phrase.length > 1 && TIME_WORD.test(phrase[phrase.length - 1])) phrase.pop();
  return phrase.length > 0 ? phrase.join(' ') : null;
}

/**
 * The object: for a transfer the recipient first ("pledged … to the UNODC", "announced a contribution … to UNICEF"), for
 * other relations the thing itself ("adopted resolution 2331 (2016)", "held the Fifth Japan–Vietnam Strategic
 * Partnership Dialogue").
 */
function objectAfter(after: string, own: Quantity[], transfer: boolean): string | null {
  const text = after.replace(ASIDE, '');
  const resolution = RESOLUTION_OBJECT.exec(text)?.groups?.name ?? null;
  const direct = directObject(text);
  let found: string | null;
  if (transfer) {
    const recipient = RECIPIENT.exec(text) ?? GROUP_RECIPIENT.exec(text);
    const name = recipient && recipient.index < RECIPIENT_REACH ? trimName(recipient.groups!.name) : null;
    // "to Palestine refugees", "for the Syrian people": the group the name qualifies is the recipient.
    const group = name && recipient ? GROUP_AFTER.exec(text.slice(recipient.index + recipient[0].length))?.[1] : undefined;
    found = (name && group ? `${name} ${group}` : name) ?? resolution ?? direct;
  } else {
    found = resolution ?? direct;
  }
  if (found) return found;
  // "10,000 personnel on … 13 UN PKO missions": what is counted is the object.
  const counted = own.find((q) => q.unit === 'count');
  return counted ? counted.text.replace(/^[^\p{L}]*(?:\p{Ll}+\s+)*?[\d,.]+\s+|^\p{L}+\s+/u, '') : null;
}

/** The words right after the verb, up to a preposition or a comma; a name there is taken whole. */
const QUALIFIER_LIST = /^\s*\p{Ll}+(?:,\s+\p{Ll}+)+,?\s+(?:and|or)\s+\p{Ll}+\s+(\p{Ll}+)\b/u;

function directObject(after: string): string | null {
  const text = after.replace(LEADING_FILLER, '');
  const name = NAME_AT_START.exec(text)?.[0];
  // A name of several words is the object; a single one may be a modifier ("Yemeni peace talks").
  if (
    name &&
    !NOT_A_NAME.test(name) &&
    (/\s/.test(name) ||
      !/^\s+\p{Ll}/u.test(text.slice(name.length).replace(/^\s+(?:in|on|at|to|for|with|by|from|as|and|which|that)\b.*/su, '')))
  ) {
    return trimName(name);
  }
  // "humanitarian, economic, and technical assistance": the listed words qualify one noun, which the object is.
  const listed = QUALIFIER_LIST.exec(text);
  if (listed && !PHRASE_STOP.has(listed[1].toLowerCase())) return listed[0].trim();
  const words: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (words.length >= MAX_OBJECT_WORDS || PHRASE_STOP.has(word.toLowerCase()) || /^(?:it|them|this|these|those)$/i.test(word)) break;
    words.push(word.replace(/[,.]$/, ''));
    if (/[,.]$/.test(word)) break;
  }
  return words.length > 0 ? words.join(' ') : null;
}

/** "the International Centre for Counter-Terrorism, to which my country has contributed": the name "which" stands for. */
const RELATIVE_RECIPIENT = new RegExp(String.raw`(${NAME_RUN})\s*,?\s+(?:to|for)\s+which\s[^,;]*$`, 'u');

function relativeRecipient(before: string): string | null {
  const name = RELATIVE_RECIPIENT.exec(before.slice(-200))?.[1];
  return name && !NOT_A_NAME.test(name) ? trimName(name) : null;
}

function isName(phrase: string): boolean {
  const name = NAME_AT_START.exec(phrase)?.[0];
  return name !== undefined && name.length === phrase.length && !NOT_A_NAME.test(name);
}

/**
 * The time of a clause: one inside it, else one that opens the sentence before it ("In 2014, when …, Japan pledged");
 * never one of a later clause. A pledge's deadline ("by the end of this month") is not when it was made.
 */
function nearestTime(times: TimeMention[], span: ClauseSpan, sentence: string, pledge: boolean): TimeMention | null {
  const own = pledge
    ? times.filter(
        (t) => !DEADLINE_BEFORE.test(sentence.slice(0, t.start)) && !/^(?:by|before|until)\b/i.test(sentence.slice(t.start, t.end)),
      )
    : times;
  const inClause = own.filter((t) => t.start >= span.clauseStart && t.end <= span.clauseEnd);
  const earlier = own.filter((t) => t.end <= span.clauseStart);
  // "(as of December 2014)" dates the whole sentence, wherever it stands.
  const dating = own.filter((t) => /\(\s*(?:as (?:of|at)\s+)?$/i.test(sentence.slice(0, t.start)) && /^\s*\)/.test(sentence.slice(t.end)));
  const candidates = inClause.length > 0 ? inClause : earlier.length > 0 ? earlier : dating;
  const distance = (t: TimeMention) => (t.start >= span.verbEnd ? t.start - span.verbEnd : span.verbStart - t.end);
  return candidates.reduce<TimeMention | null>((nearest, t) => (nearest === null || distance(t) < distance(nearest) ? t : nearest), null);
}

/** A name without the full stop of the sentence it ends. */
function trimName(name: string): string {
  return name.trim().replace(/[.,]$/, '');
}
