/**
 * Makes copy k of a statement read like another statement: other words from a synonym list, numbers moved,
 * sentences of a paragraph in another order, another speaker and date. The file keeps its shape (front matter,
 * hard-wrapped lines) so ingestion does the same work as on the original, and no two copies share a hash.
 */
import { hashOf } from './random';

/**
 * Words and what may stand for them. Only the first word of a group is replaced (by any of the group), and only
 * lower-case occurrences, so names ("United Nations") and words with other senses ("part of") stay.
 */
const SYNONYMS: string[][] = [
  ['important', 'vital', 'crucial', 'essential'],
  ['countries', 'nations'],
  ['country', 'nation'],
  ['must', 'should'],
  ['efforts', 'endeavours'],
  ['challenges', 'difficulties'],
  ['problems', 'issues'],
  ['achieve', 'attain', 'reach'],
  ['achieved', 'attained'],
  ['ensure', 'guarantee'],
  ['strengthen', 'reinforce', 'bolster'],
  ['promote', 'foster', 'advance'],
  ['commitment', 'dedication'],
  ['however', 'nevertheless'],
  ['therefore', 'thus', 'hence'],
  ['significant', 'considerable', 'substantial'],
  ['serious', 'grave'],
  ['threat', 'danger', 'menace'],
  ['threats', 'dangers', 'menaces'],
  ['believe', 'consider'],
  ['welcome', 'applaud', 'commend'],
  ['region', 'area'],
  ['crisis', 'emergency'],
  ['conflicts', 'wars', 'hostilities'],
  ['urgent', 'pressing'],
  ['goals', 'objectives'],
  ['goal', 'objective'],
  ['measures', 'steps', 'actions'],
  ['fully', 'wholly', 'entirely'],
  ['particularly', 'especially', 'notably'],
  ['clearly', 'plainly', 'evidently'],
  ['strongly', 'firmly', 'resolutely'],
  ['numerous', 'many'],
  ['several', 'various'],
  ['recent', 'latest'],
  ['together', 'jointly'],
  ['rapid', 'swift'],
  ['cooperation', 'collaboration'],
  ['opportunity', 'chance'],
  ['improve', 'enhance'],
  ['reaffirm', 'reiterate'],
  ['express', 'convey'],
  ['appreciation', 'gratitude'],
  ['grateful', 'thankful'],
  ['sincere', 'heartfelt'],
  ['achievements', 'accomplishments'],
];

const SYNONYM_GROUP = new Map<string, string[]>(SYNONYMS.map((group) => [group[0], group]));

const SPEAKERS = [
  'Amara Okafor',
  'Lucía Ferrer',
  'Tomasz Wójcik',
  'Nilufar Rahimova',
  'Kenji Sato',
  'Ingrid Halvorsen',
  'Mateo Salazar',
  'Aïcha Diallo',
  'Rahul Menon',
  'Elena Popescu',
  'Jonas Lindqvist',
  'Farah Haddad',
  'Kwame Mensah',
  'Sofia Andrade',
  'Dmitri Volkov',
  'Mei Lin',
  'Tariq Aziz Khan',
  'Clara Moreau',
];

const LOWER_WORD = /\b[a-z]+\b/g;
/** A number standing alone (not "COVID-19" or "A/67"), two digits or more, and not a day of the month. */
const STANDALONE_NUMBER =
  /(?<=^|[\s(])[1-9]\d+(?=$|[\s.,;:)%])(?!\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)/g;
const TERMINAL = /[.!?]["'”’)]*$/;
const SENTENCE_END = /[.!?]["'”’)]*\s+(?=["'“‘(]?\p{Lu})/gu;
const NOT_SENTENCE_END = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|St|No|Nos|Art|H\.E|U\.S|U\.N|e\.g|i\.e|\p{Lu})$/u;

/** The text of `copy` (1 or more) of a file; `key` (its relative path) makes the choices differ between files. */
export function varyStatement(text: string, key: string, copy: number): string {
  const { frontMatter, body } = splitFrontMatter(text);
  const choose = (what: string, count: number) => hashOf(`${copy}:${key}:${what}`) % count;
  const rotated = rotateSentences(body, copy);
  let occurrence = 0;
  const varied = rotated
    .replace(LOWER_WORD, (word) => {
      const group = SYNONYM_GROUP.get(word);
      return group ? group[choose(`w${occurrence++}`, group.length)] : word;
    })
    .replace(STANDALONE_NUMBER, (number) => String(Number(number) + copy));
  return varyFrontMatter(frontMatter, copy, SPEAKERS[choose('speaker', SPEAKERS.length)]) + varied;
}

function splitFrontMatter(text: string): { frontMatter: string; body: string } {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return match ? { frontMatter: match[0], body: text.slice(match[0].length) } : { frontMatter: '', body: text };
}

/** Another speaker, an earlier date (up to 29 years), and the session in the title and venue to match. */
function varyFrontMatter(frontMatter: string, copy: number, speaker: string): string {
  const yearsBack = copy % 30;
  return frontMatter.replace(/^(\w+):[ \t]*(.*)$/gm, (line, field: string, value: string) => {
    if (field === 'speaker') return `speaker: "${speaker}"`;
    if (field === 'date') return `date: ${value.replace(/\b(19|20)\d\d\b/, (year) => String(Number(year) - yearsBack))}`;
    if (field === 'title' || field === 'venue') {
      const shifted = value
        .replace(/\b(\d+)(?:st|nd|rd|th) session\b/, (_, session: string) => `${ordinal(Number(session) - yearsBack)} session`)
        .replace(/\b(19|20)\d\d\b/g, (year) => String(Number(year) - yearsBack));
      return `${field}: ${shifted}`;
    }
    return line;
  });
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * Rotates the sentences of each paragraph by `copy` places and wraps the paragraph again to its own width.
 * A paragraph is a run of lines ending where a line ends a sentence and the next word would still have fitted.
 */
function rotateSentences(body: string, copy: number): string {
  const bom = body.startsWith('\ufeff') ? '\ufeff' : '';
  const lines = body.slice(bom.length).split('\n');
  const width = lineWidth(lines);
  const out: string[] = [];
  let block: string[] = [];
  const flush = () => {
    if (block.length > 0) out.push(...rotateBlock(block, copy));
    block = [];
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      flush();
      out.push(line);
      return;
    }
    block.push(line);
    const nextWord = (lines[i + 1] ?? '').trim().split(/\s+/)[0];
    if (TERMINAL.test(line.trimEnd()) && line.trimEnd().length + 1 + nextWord.length <= width) flush();
  });
  flush();
  return bom + out.join('\n');
}

/** The width the text was wrapped to: most lines come close to it. */
function lineWidth(lines: string[]): number {
  const lengths = lines
    .map((line) => line.trimEnd().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  return lengths.length === 0 ? 0 : lengths[Math.floor(lengths.length * 0.95)];
}

function rotateBlock(lines: string[], copy: number): string[] {
  // A word hyphenated across lines could not be put back together faithfully: leave such paragraphs as they are.
  if (lines.some((line) => /\p{L}-$/u.test(line.trimEnd()))) return lines;
  const text = lines
    .map((line) => line.trim())
    .join(' ')
    .replace(/\s+/g, ' ');
  const sentences = splitSentences(text);
  if (sentences.length < 2) return lines;
  const shift = copy % sentences.length;
  const rotated = [...sentences.slice(shift), ...sentences.slice(0, shift)].join(' ');
  const width = Math.max(...lines.map((line) => line.trimEnd().length));
  return wrap(rotated, width);
}

function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const stop = match.index ?? 0;
    if (NOT_SENTENCE_END.test(text.slice(Math.max(0, stop - 6), stop))) continue;
    sentences.push(text.slice(start, stop + match[0].trimEnd().length));
    start = stop + match[0].length;
  }
  sentences.push(text.slice(start));
  return sentences;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
