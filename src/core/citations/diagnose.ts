/**
 * What the registry alone says is wrong with a Security Council citation — the year in parentheses, or a date stated
 * beside it — and whether the written year is that of the General Assembly resolution with the same number. The
 * checks, the hover's caution on a corpus passage and the precedent check all ask this one question here.
 */
import { formatUnDate, findDateInProse } from '../text/dates';
import { type Citation, extractCitations } from './extract';
import { type AssemblySession, type RegistryEntry, type ResolutionRegistry } from './registry';

/** The General Assembly numbered its resolutions by session from 1976 (31/1). */
const FIRST_SESSION_NUMBERED_YEAR = 1976;

export interface CitationProblem {
  citation: Citation;
  /** The year in parentheses, or the date stated beside the citation ("adopted in December 2015"). */
  part: 'year' | 'stated-date';
  /** As written, and where: "2001", "December 2015". */
  written: string;
  /** The year of what is written. */
  writtenYear: number;
  start: number;
  end: number;
  /** The registry's value at the written precision: "2000", "December 2016", "20 December 2016". */
  right: string;
  /** The year the Security Council adopted it, and its registry entry when the date is known. */
  year: number;
  entry: RegistryEntry | null;
  /** General Assembly sessions whose resolution N was adopted in the written year (two when N is in a gap). */
  assembly: AssemblySession[];
  /** Beside a wrong year, the date stated after it when that is wrong too ("(2016), adopted in December 2016"). */
  statedToo: Pick<CitationProblem, 'written' | 'start' | 'end' | 'right'> | null;
}

/** When the Council adopted the resolution, as exactly as the registry knows: "on 20 July 2015", "in 2024". */
export function adoptedWhen(problem: Pick<CitationProblem, 'entry' | 'year'>): string {
  return problem.entry ? `on ${formatUnDate(problem.entry.date)}` : `in ${problem.year}`;
}

/** Whether a citation is a Security Council resolution by its plain number ("2331 (2016)", not "70/1"). */
export function isSecurityCouncilCitation(citation: Citation): boolean {
  return citation.body === 'security-council' && citation.session === null;
}

/** What is wrong with a Security Council citation by the registry: at most one problem, the year first. */
export function citationProblem(citation: Citation, registry: ResolutionRegistry): CitationProblem | null {
  if (!isSecurityCouncilCitation(citation)) return null;
  const year = registry.securityCouncilYear(citation.number);
  if (year === null) return null;
  const entry = registry.entry(citation.number);
  const base = { citation, year, entry };
  if (citation.year !== null && citation.yearStart !== null && citation.yearEnd !== null) {
    // A date stated beside a wrong year is read as meaning the same: the year is what to fix.
    if (citation.year === year) return statedDateProblem(citation, base, registry);
    const stated = statedDateProblem(citation, base, registry);
    return {
      ...base,
      statedToo: stated && { written: stated.written, start: stated.start, end: stated.end, right: stated.right },
      part: 'year',
      written: String(citation.year),
      writtenYear: citation.year,
      start: citation.yearStart,
      end: citation.yearEnd,
      right: String(year),
      assembly: assemblySessionsOf(citation.number, citation.year, registry),
    };
  }
  return statedDateProblem(citation, base, registry);
}

function statedDateProblem(
  citation: Citation,
  base: Pick<CitationProblem, 'citation' | 'year' | 'entry'>,
  registry: ResolutionRegistry,
): CitationProblem | null {
  const stated = citation.statedDate;
  if (!stated) return null;
  // "December 2015" → 2015-12; "last December" was resolved to a year only.
  const iso = stated.relative ? String(stated.year) : (findDateInProse(stated.text) ?? String(stated.year));
  const precision = iso.length;
  const actual = base.entry ? base.entry.date.slice(0, precision) : String(base.year);
  if (stated.year === base.year && (actual.length < precision || iso === actual)) return null;
  const right = stated.relative && base.entry ? base.entry.date : actual;
  return {
    ...base,
    statedToo: null,
    part: 'stated-date',
    written: stated.text,
    writtenYear: stated.year,
    start: stated.start,
    end: stated.end,
    right: formatUnDate(right),
    assembly: citation.year === null ? assemblySessionsOf(citation.number, stated.year, registry) : [],
  };
}

/** The General Assembly sessions whose resolution N was adopted in `year`: only in the old numbering. */
function assemblySessionsOf(number: number, year: number, registry: ResolutionRegistry): AssemblySession[] {
  if (year >= FIRST_SESSION_NUMBERED_YEAR) return [];
  return registry.generalAssemblySessions(number).filter((s) => s.years.includes(year));
}

/** "26" → "XXVI", "S-3" → "S-III", "ES-4" → "ES-IV": a session as citations write it. */
export function sessionNumeral(session: string): string {
  const match = /^((?:ES|S)-)?(\d+)$/.exec(session);
  return match ? `${match[1] ?? ''}${toRoman(Number(match[2]))}` : session;
}

export function toRoman(n: number): string {
  const numerals: Array<[number, string]> = [
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let roman = '';
  for (const [value, numeral] of numerals) {
    while (rest >= value) {
      roman += numeral;
      rest -= value;
    }
  }
  return roman;
}

/**
 * The numbers a slip of the pen turns into `n` and back: one digit changed (2331 → 2231), two digits swapped
 * (1325 → 1352), and the near neighbours (±1, ±2).
 */
export function nearNumbers(n: number): number[] {
  const digits = String(n);
  const found = new Set<number>();
  for (let i = 0; i < digits.length; i++) {
    for (let d = 0; d <= 9; d++) {
      if (String(d) === digits[i] || (i === 0 && d === 0)) continue;
      found.add(Number(digits.slice(0, i) + d + digits.slice(i + 1)));
    }
    for (let j = i + 1; j < digits.length; j++) {
      if (digits[i] === digits[j] || (i === 0 && digits[j] === '0')) continue;
      const swapped = [...digits];
      [swapped[i], swapped[j]] = [swapped[j], swapped[i]];
      found.add(Number(swapped.join('')));
    }
  }
  for (const delta of [-2, -1, 1, 2]) if (n + delta > 0) found.add(n + delta);
  found.delete(n);
  return [...found];
}

/**
 * What a corpus passage gets wrong in its Security Council citations, said before a drafter uses its wording: "This
 * passage gives 2016; resolution 2231 was adopted on 20 July 2015." Only of resolution `number`, when given.
 */
export function citationCautions(text: string, registry: ResolutionRegistry, number?: number): string[] {
  return extractCitations(text)
    .filter((citation) => number === undefined || citation.number === number)
    .map((citation) => citationProblem(citation, registry))
    .filter((problem): problem is CitationProblem => problem !== null)
    .map((problem) => `This passage gives ${problem.written}; resolution ${problem.citation.number} was adopted ${adoptedWhen(problem)}.`);
}
