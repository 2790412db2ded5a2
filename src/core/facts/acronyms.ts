/**
 * Acronyms and their expansions as the corpus defines them: "United Nations Office on Drugs and Crime (UNODC)".
 * The expansion is the run of words before the parenthesis whose initials spell the acronym, so the bundled verbatim record's
 * doubled "United Nations United Nations Office on Drugs and Crime (UNODC)" still gives the right one, and
 * "Financial Action Task Force on Money Laundering (FATF)3" (a footnote marker glued on) gives the whole name, and
 * a name that lists things keeps its commas: "Women, Peace and Security (WPS)".
 */

export interface AcronymDefinition {
  acronym: string;
  expansion: string;
  /** [start, end) of the whole definition in the text: from the expansion's first word to the closing parenthesis. */
  start: number;
  end: number;
}

/** An acronym in parentheses; the words before it are read back from there (a regex reaching back would backtrack). */
const PARENTHESISED = /\((\p{Lu}[\p{Lu}\p{Ll}&]{1,11})\)/gu;
const MAX_EXPANSION_WORDS = 14;
const WORD = /^\p{L}[\p{L}'’.-]*$/u;
/** A word of a name that lists things: "Women, Peace and Security (WPS)", "Disarmament, Demobilization and …". */
const LISTED_WORD = /^\p{L}[\p{L}'’.-]*,$/u;
/** Words that an acronym's letters skip: "Office on Drugs and Crime" is ODC. */
const MINOR_WORDS = new Set(['of', 'on', 'and', 'for', 'the', 'in', 'to', 'at', 'de', 'du', 'des', 'la', 'le', 'et', '&']);

export function findAcronymDefinitions(text: string): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  for (const match of text.matchAll(PARENTHESISED)) {
    const start = match.index ?? 0;
    // Words right before the parenthesis, separated by white space only, as they stand in the name.
    if (start === 0 || !/\s$/.test(text[start - 1])) continue;
    const candidates = text
      .slice(Math.max(0, start - 300), start)
      .split(/\s+/)
      .filter(Boolean)
      .slice(-MAX_EXPANSION_WORDS);
    let first = candidates.length;
    while (first > 0 && (WORD.test(candidates[first - 1]) || (first < candidates.length && LISTED_WORD.test(candidates[first - 1]))))
      first--;
    const words = candidates.slice(first);
    const expansion = words.length > 0 ? expansionFor(match[1], words) : null;
    if (expansion) {
      found.push({
        acronym: match[1],
        expansion,
        start: startOfLastWords(text, start, expansion.split(' ').length),
        end: start + match[0].length,
      });
    }
  }
  return found;
}

/** Where the last `count` words before `end` begin, white space between them being whatever the text has. */
function startOfLastWords(text: string, end: number, count: number): number {
  let at = end;
  for (let word = 0; word < count; word++) {
    while (at > 0 && /\s/.test(text[at - 1])) at--;
    while (at > 0 && !/\s/.test(text[at - 1])) at--;
  }
  return at;
}

/** The shortest run of final words whose initials spell the acronym from its first letter on. */
function expansionFor(acronym: string, words: string[]): string | null {
  const letters = acronym.replace(/[^\p{Lu}]/gu, '').toLowerCase();
  // "(General)" or "(Kiev)" in parentheses is a word, not an acronym.
  if (letters.length < 2) return null;
  for (let start = words.length - 1; start >= 0; start--) {
    const significant = words
      .slice(start)
      .map((w) => w.replace(/,$/, ''))
      .filter((w) => !MINOR_WORDS.has(w.toLowerCase()));
    const initials = significant.map((w) => (/^\p{Lu}{2,}$/u.test(w) ? w.toLowerCase() : w[0].toLowerCase())).join('');
    // "small island developing States (SIDS)": a name in lower case only where every initial is there.
    if (!/^\p{Lu}/u.test(words[start]) && !(initials === letters && letters.length >= 3)) continue;
    if (
      initials === letters ||
      spellsWithinWords(
        letters,
        words.slice(start).map((w) => w.replace(/,$/, '').toLowerCase()),
      ) ||
      (initials.startsWith(letters) && initials.length > letters.length && start === firstCapitalRun(words))
    ) {
      return words.slice(start).join(' ');
    }
  }
  return null;
}

/**
 * "Peacebuilding Fund (PBF)": every word gives its initial, and a compound word may give a letter from inside; a minor
 * word gives its initial or nothing ("Joint Comprehensive Plan of Action (JCPOA)", "Law of the Sea" in UNCLOS).
 */
function spellsWithinWords(letters: string, words: string[], letter = 0, word = 0): boolean {
  if (word === words.length) return letter === letters.length;
  const current = words[word];
  const minor = MINOR_WORDS.has(current);
  if (minor && spellsWithinWords(letters, words, letter, word + 1)) return true;
  if (current[0] !== letters[letter]) return false;
  let next = letter + 1;
  if (spellsWithinWords(letters, words, next, word + 1)) return true;
  if (minor) return false;
  for (let c = 1; c < current.length && next < letters.length; c++) {
    if (current[c] === letters[next] && spellsWithinWords(letters, words, ++next, word + 1)) return true;
  }
  return false;
}

/** Where the capitalised name before the parenthesis begins ("… to the Financial Action Task Force on Money Laundering"). */
function firstCapitalRun(words: string[]): number {
  let start = words.length;
  for (let i = words.length - 1; i >= 0; i--) {
    if (/^\p{Lu}/u.test(words[i])) start = i;
    else if (!MINOR_WORDS.has(words[i].toLowerCase())) break;
  }
  return start;
}

/** An acronym's expansion with how many passages define it so: the table as sources exchange it. */
export interface AcronymCount {
  acronym: string;
  expansion: string;
  uses: number;
}

/** Every acronym the corpus defines, with its most common expansion. */
/** An acronym table as plain data, to be stored with a snapshot: each acronym's expansions and their counts. */
export interface StoredAcronyms {
  expansions: Array<[string, Array<[string, number]>]>;
  acronymOfExpansion: Array<[string, string]>;
}

export class AcronymTable {
  private readonly expansions = new Map<string, Map<string, number>>();
  private readonly acronymOfExpansion = new Map<string, string>();

  /** The table as stored; `fromStored` makes it again, as it was. */
  toStored(): StoredAcronyms {
    return {
      expansions: [...this.expansions].map(([acronym, counts]) => [acronym, [...counts]]),
      acronymOfExpansion: [...this.acronymOfExpansion],
    };
  }

  static fromStored(stored: StoredAcronyms): AcronymTable {
    const table = new AcronymTable();
    for (const [acronym, counts] of stored.expansions) table.expansions.set(acronym, new Map(counts));
    for (const [name, acronym] of stored.acronymOfExpansion) table.acronymOfExpansion.set(name, acronym);
    return table;
  }

  /** The table of counted definitions, those of several sources together (their uses add up). */
  static of(counts: Iterable<AcronymCount>): AcronymTable {
    const table = new AcronymTable();
    for (const { acronym, expansion, uses } of counts) table.addDefinition(acronym, expansion, uses);
    return table;
  }

  add(text: string): void {
    for (const { acronym, expansion } of findAcronymDefinitions(text)) this.addDefinition(acronym, expansion, 1);
  }

  /** A definition seen `uses` times (as a database keeps the table). */
  addDefinition(acronym: string, expansion: string, uses: number): void {
    let counts = this.expansions.get(acronym);
    if (!counts) this.expansions.set(acronym, (counts = new Map<string, number>()));
    counts.set(expansion, (counts.get(expansion) ?? 0) + uses);
    this.acronymOfExpansion.set(comparableName(expansion), acronym);
  }

  /** Every definition with how often the corpus gives it, sorted, so two tables compare as their lists. */
  definitions(): AcronymCount[] {
    return [...this.expansions]
      .flatMap(([acronym, counts]) => [...counts].map(([expansion, uses]) => ({ acronym, expansion, uses })))
      .sort((a, b) => a.acronym.localeCompare(b.acronym) || a.expansion.localeCompare(b.expansion));
  }

  /** Forgets the definitions a text gave (a file taken out of the corpus), as `add` counted them. */
  remove(text: string): void {
    for (const { acronym, expansion } of findAcronymDefinitions(text)) {
      const counts = this.expansions.get(acronym);
      const count = counts?.get(expansion);
      if (!counts || count === undefined) continue;
      if (count > 1) counts.set(expansion, count - 1);
      else counts.delete(expansion);
      if (counts.size === 0) this.expansions.delete(acronym);
    }
  }

  /** The acronym the corpus gives a name ("UN Office on Drugs and Crime" → UNODC), or null. */
  acronymOf(name: string): string | null {
    return this.acronymOfExpansion.get(comparableName(name)) ?? null;
  }

  /** The expansion spelt out in full ("United Nations …" over "UN …"), then the most used. */
  expansion(acronym: string): string | null {
    const counts = this.expansions.get(acronym);
    if (!counts) return null;
    const abbreviated = (expansion: string) => (/\b\p{Lu}{2,}\b/u.test(expansion) ? 1 : 0);
    return [...counts.entries()].sort((a, b) => abbreviated(a[0]) - abbreviated(b[0]) || b[1] - a[1] || a[0].length - b[0].length)[0][0];
  }
}

/** A name as compared: case, "the", punctuation and the "UN"/"United Nations" spelling do not matter. */
export function comparableName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\bu\.?n\.?(?=\s|$)/g, 'united nations')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\bthe\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
