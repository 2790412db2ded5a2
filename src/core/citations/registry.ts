/**
 * What is known of resolutions: the Security Council's adoption dates and agenda items (shipped, generated from the
 * Dag Hammarskjöld Library's tables) and year ranges after them; the General Assembly's old consecutive numbering by
 * session; and optionally a user's registry file (`number,date,title`), whose dates and titles win.
 */
import { promises as fs } from 'fs';
import { decodeBytes } from '../corpus/decode';
import { describeFsError } from '../corpus/discover';
import { lastAtOrBelow } from '../text/sorted';
import { GENERAL_ASSEMBLY_SESSIONS } from './generated/generalAssemblySessions';
import { AGENDA_ITEMS, RESOLUTION_ROWS } from './generated/securityCouncilResolutions';
import { FIRST_RESOLUTION_OF_YEAR, LAST_KNOWN_RESOLUTION } from './generated/securityCouncilYears';
import { csvRows } from '../text/csv';

const FIRST_NUMBERS = FIRST_RESOLUTION_OF_YEAR.map(([, first]) => first);
const SESSION_FIRST_NUMBERS = GENERAL_ASSEMBLY_SESSIONS.map(([, first]) => first);

export interface RegistryEntry {
  number: number;
  /** ISO date of adoption. */
  date: string;
  title: string;
  /** Whether `title` is the resolution's own (a user's registry file) or the agenda item it was adopted under (shipped). */
  titleKind: 'title' | 'agenda-item';
}

export interface RegistryProblem {
  line: number;
  message: string;
}

/** A General Assembly session of the old numbering: "15", "S-3", "ES-4", and the years it adopted resolutions in. */
export interface AssemblySession {
  session: string;
  years: readonly number[];
}

/** General Assembly session N opens in September of 1945 + N. */
export const GENERAL_ASSEMBLY_FIRST_YEAR = 1945;
/** The last number of the General Assembly's consecutive numbering (session 30, 1975). */
export const LAST_OLD_STYLE_GA_NUMBER = 3541;

export class ResolutionRegistry {
  constructor(private readonly entries: ReadonlyMap<number, RegistryEntry> = new Map()) {}

  /** The user's own entries (from a registry file), as a worker thread rebuilds the registry from them. */
  ownEntries(): ReadonlyMap<number, RegistryEntry> {
    return this.entries;
  }

  /** The year a Security Council resolution was adopted, or null when the number is beyond what is known. */
  securityCouncilYear(number: number): number | null {
    const entry = this.entry(number);
    if (entry) return Number(entry.date.slice(0, 4));
    if (number < 1 || number > LAST_KNOWN_RESOLUTION) return null;
    return FIRST_RESOLUTION_OF_YEAR[lastAtOrBelow(FIRST_NUMBERS, number)][0];
  }

  /** A Security Council resolution's date and title: the user's registry file first, then the shipped table. */
  entry(number: number): RegistryEntry | null {
    const own = this.entries.get(number);
    if (own) return own;
    const row = Number.isInteger(number) && number >= 1 ? RESOLUTION_ROWS[number - 1] : undefined;
    return row ? { number, date: row[0], title: AGENDA_ITEMS[row[1]], titleKind: 'agenda-item' } : null;
  }

  /**
   * The session that adopted General Assembly resolution N of the old numbering (1–3541); the two sessions either
   * side when N lies between their known numbers; none beyond the old numbering.
   */
  generalAssemblySessions(number: number): AssemblySession[] {
    if (!Number.isInteger(number) || number < 1 || number > LAST_OLD_STYLE_GA_NUMBER) return [];
    const at = lastAtOrBelow(SESSION_FIRST_NUMBERS, number);
    const rows = number <= GENERAL_ASSEMBLY_SESSIONS[at][2] ? [at] : [at, at + 1];
    return rows.map((row) => ({ session: GENERAL_ASSEMBLY_SESSIONS[row][0], years: GENERAL_ASSEMBLY_SESSIONS[row][3] }));
  }
}

/** A registry CSV (`number,date,title`, header optional, quoted titles allowed); bad rows are reported, not fatal. */
export function parseRegistryCsv(text: string): { entries: Map<number, RegistryEntry>; problems: RegistryProblem[] } {
  const entries = new Map<number, RegistryEntry>();
  const problems: RegistryProblem[] = [];
  csvRows(text).forEach(({ fields, line }, index) => {
    const [numberText = '', date = '', ...rest] = fields.map((field) => field.trim());
    if (index === 0 && /^number$/i.test(numberText)) return;
    const number = Number(numberText);
    if (!Number.isInteger(number) || number < 1) {
      problems.push({ line, message: `"${numberText}" is not a resolution number` });
    } else if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      problems.push({ line, message: `"${date}" is not an ISO date (YYYY-MM-DD)` });
    } else {
      entries.set(number, { number, date, title: rest.join(',').trim(), titleKind: 'title' });
    }
  });
  return { entries, problems };
}

export class RegistryFileError extends Error {}

/** A registry file; rows it cannot use come back as problems naming the file and line. */
export async function loadRegistryFile(file: string): Promise<{ registry: ResolutionRegistry; problems: string[] }> {
  let text: string;
  try {
    text = decodeBytes(await fs.readFile(file)).text;
  } catch (error) {
    throw new RegistryFileError(`cannot read the registry ${file}: ${describeFsError(error)}`);
  }
  const { entries, problems } = parseRegistryCsv(text);
  return {
    registry: new ResolutionRegistry(entries),
    problems: problems.map((problem) => `${file}:${problem.line}: ${problem.message}; row ignored`),
  };
}
