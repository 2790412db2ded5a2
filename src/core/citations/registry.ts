/**
 * What is known of resolutions: the Security Council's year ranges (built in), and optionally a user's registry
 * file (`number,date,title`) with exact adoption dates and titles.
 */
import { promises as fs } from 'fs';
import { decodeBytes } from '../corpus/decode';
import { describeFsError } from '../corpus/discover';
import { lastAtOrBelow } from '../text/sorted';
import { FIRST_RESOLUTION_OF_YEAR, LAST_KNOWN_RESOLUTION } from './securityCouncilYears';

const FIRST_NUMBERS = FIRST_RESOLUTION_OF_YEAR.map(([, first]) => first);

export interface RegistryEntry {
  number: number;
  /** ISO date of adoption. */
  date: string;
  title: string;
}

export interface RegistryProblem {
  line: number;
  message: string;
}

/** General Assembly session N opens in September of 1945 + N. */
export const GENERAL_ASSEMBLY_FIRST_YEAR = 1945;

export class ResolutionRegistry {
  constructor(private readonly entries: ReadonlyMap<number, RegistryEntry> = new Map()) {}

  /** The year a Security Council resolution was adopted, or null when the number is beyond what is known. */
  securityCouncilYear(number: number): number | null {
    const entry = this.entries.get(number);
    if (entry) return Number(entry.date.slice(0, 4));
    if (number < 1 || number > LAST_KNOWN_RESOLUTION) return null;
    return FIRST_RESOLUTION_OF_YEAR[lastAtOrBelow(FIRST_NUMBERS, number)][0];
  }

  entry(number: number): RegistryEntry | null {
    return this.entries.get(number) ?? null;
  }
}

/** A registry CSV (`number,date,title`, header optional, quoted titles allowed); bad rows are reported, not fatal. */
export function parseRegistryCsv(text: string): { entries: Map<number, RegistryEntry>; problems: RegistryProblem[] } {
  const entries = new Map<number, RegistryEntry>();
  const problems: RegistryProblem[] = [];
  text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .forEach((line, index) => {
      if (line.trim() === '' || (index === 0 && /^\s*number\s*,/i.test(line))) return;
      const [numberText, date, ...rest] = splitCsvLine(line);
      const number = Number(numberText);
      if (!Number.isInteger(number) || number < 1) {
        problems.push({ line: index + 1, message: `"${numberText}" is not a resolution number` });
      } else if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? '')) {
        problems.push({ line: index + 1, message: `"${date ?? ''}" is not an ISO date (YYYY-MM-DD)` });
      } else {
        entries.set(number, { number, date, title: rest.join(',').trim() });
      }
    });
  return { entries, problems };
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  fields.push(field.trim());
  return fields;
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
