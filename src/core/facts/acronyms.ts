/**
 * Acronyms and their expansions as the corpus defines them: "United Nations Office on Drugs and Crime (UNODC)".
 * The expansion is the run of words before the parenthesis whose initials spell the acronym, so seed 000's
 * doubled "United Nations United Nations Office on Drugs and Crime (UNODC)" still gives the right one, and
 * "Financial Action Task Force on Money Laundering (FATF)3" (a footnote marker glued on) gives the whole name.
 */

export interface AcronymDefinition {
  acronym: string;
  expansion: string;
}

const DEFINITION = /((?:[\p{L}][\p{L}'’.-]*\s+){1,14})\((\p{Lu}[\p{Lu}\p{Ll}&]{1,11})\)/gu;
/** Words that an acronym's letters skip: "Office on Drugs and Crime" is ODC. */
const MINOR_WORDS = new Set(['of', 'on', 'and', 'for', 'the', 'in', 'to', 'at', 'de', 'du', 'des', 'la', 'le', 'et', '&']);

export function findAcronymDefinitions(text: string): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  for (const match of text.matchAll(DEFINITION)) {
    const words = match[1].trim().split(/\s+/);
    const acronym = match[2];
    const expansion = expansionFor(acronym, words);
    if (expansion) found.push({ acronym, expansion });
  }
  return found;
}

/** The shortest run of final words whose initials spell the acronym from its first letter on. */
function expansionFor(acronym: string, words: string[]): string | null {
  const letters = acronym.replace(/[^\p{Lu}]/gu, '').toLowerCase();
  for (let start = words.length - 1; start >= 0; start--) {
    const initials = words
      .slice(start)
      .filter((w) => !MINOR_WORDS.has(w.toLowerCase()))
      .map((w) => (/^\p{Lu}{2,}$/u.test(w) ? w.toLowerCase() : w[0].toLowerCase()))
      .join('');
    if (!/^\p{Lu}/u.test(words[start])) continue;
    if (initials === letters || (initials.startsWith(letters) && initials.length > letters.length && start === firstCapitalRun(words))) {
      return words.slice(start).join(' ').replace(/[,;:]$/, '');
    }
  }
  return null;
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

/** Every acronym the corpus defines, with its most common expansion. */
export class AcronymTable {
  private readonly expansions = new Map<string, Map<string, number>>();

  add(text: string): void {
    for (const { acronym, expansion } of findAcronymDefinitions(text)) {
      let counts = this.expansions.get(acronym);
      if (!counts) this.expansions.set(acronym, (counts = new Map()));
      counts.set(expansion, (counts.get(expansion) ?? 0) + 1);
    }
  }

  /** The expansion spelt out in full ("United Nations …" over "UN …"), then the most used. */
  expansion(acronym: string): string | null {
    const counts = this.expansions.get(acronym);
    if (!counts) return null;
    const abbreviated = (expansion: string) => (/\b\p{Lu}{2,}\b/u.test(expansion) ? 1 : 0);
    return [...counts.entries()].sort((a, b) => abbreviated(a[0]) - abbreviated(b[0]) || b[1] - a[1] || a[0].length - b[0].length)[0][0];
  }
}
