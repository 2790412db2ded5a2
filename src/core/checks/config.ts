/**
 * `.precedent.json`, the settings a team commits beside its drafts: severities by check code ("off" turns one
 * off) and findings dismissed one by one — by file, code and the flagged text, so a dismissal survives edits
 * elsewhere. The nearest file in the draft's folder or above it applies.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Severity } from './types';

export const CONFIG_FILE = '.precedent.json';
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

export interface IgnoredFinding {
  /** Absolute path of the draft. */
  file: string;
  code: string;
  text: string;
}

/** A house style whose rules run as checks of their own; only the UN Editorial Manual's for now. */
export type StyleSheet = 'un';
const STYLE_SHEETS = new Set<string>(['un']);

/** A style sheet's name as a setting gives it ("un", or "none" for none), or null for none or an unknown name. */
export function styleSheetNamed(name: string): StyleSheet | null {
  return STYLE_SHEETS.has(name) ? (name as StyleSheet) : null;
}

export interface CheckConfig {
  /** The file it came from, or null for the defaults. */
  source: string | null;
  checks: Record<string, Severity | 'off'>;
  /** The style sheet whose checks run (opt-in), or null. */
  style: StyleSheet | null;
  ignore: IgnoredFinding[];
  /** What was wrong with the file, with its position; the rest of it still applies. */
  problems: string[];
}

export const DEFAULT_CONFIG: CheckConfig = { source: null, checks: {}, style: null, ignore: [], problems: [] };

export async function findConfig(draft: string): Promise<CheckConfig> {
  for (let folder = path.dirname(path.resolve(draft)); ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, CONFIG_FILE);
    const text = await fs.readFile(candidate, 'utf8').catch(() => null);
    if (text !== null) return parseConfig(text, candidate);
    if (path.dirname(folder) === folder) return DEFAULT_CONFIG;
  }
}

export function parseConfig(text: string, source: string): CheckConfig {
  const config: CheckConfig = { source, checks: {}, style: null, ignore: [], problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    config.problems.push(`${source}: not valid JSON (${(error as Error).message})`);
    return config;
  }
  if (typeof data !== 'object' || data === null) {
    config.problems.push(`${source}: expected an object with "checks" and "ignore"`);
    return config;
  }
  const { checks, ignore, style } = data as { checks?: unknown; ignore?: unknown; style?: unknown };
  if (style !== undefined && style !== null) {
    if (typeof style === 'string' && STYLE_SHEETS.has(style)) config.style = styleSheetNamed(style);
    else config.problems.push(`${source}: "style" must be one of ${[...STYLE_SHEETS].join(', ')} (got ${JSON.stringify(style)})`);
  }
  if (checks !== undefined) {
    for (const [code, severity] of Object.entries(checks as Record<string, unknown>)) {
      if (typeof severity === 'string' && SEVERITIES.has(severity)) config.checks[code] = severity as Severity | 'off';
      else config.problems.push(`${source}: checks.${code} must be one of ${[...SEVERITIES].join(', ')}`);
    }
  }
  if (ignore !== undefined) {
    if (!Array.isArray(ignore)) config.problems.push(`${source}: "ignore" must be a list`);
    else
      ignore.forEach((entry: { file?: unknown; code?: unknown; text?: unknown }, i) => {
        if (typeof entry?.file === 'string' && typeof entry.code === 'string' && typeof entry.text === 'string') {
          config.ignore.push({ file: path.resolve(path.dirname(source), entry.file), code: entry.code, text: entry.text });
        } else config.problems.push(`${source}: ignore[${i}] needs "file", "code" and "text"`);
      });
  }
  return config;
}

/**
 * The text of a `.precedent.json` with one more dismissed finding (or one fewer), keeping the rest of the file;
 * `file` is made relative to the config's folder so the entry survives moving the repository.
 */
export function editIgnored(configText: string | null, configFile: string, entry: IgnoredFinding, action: 'add' | 'remove'): string {
  const data = configText ? (JSON.parse(configText.replace(/^\ufeff/, '')) as Record<string, unknown>) : {};
  const ignore = Array.isArray(data.ignore) ? (data.ignore as Array<Record<string, unknown>>) : [];
  const relative = path.relative(path.dirname(configFile), entry.file).split(path.sep).join('/');
  const same = (i: Record<string, unknown>) => i.file === relative && i.code === entry.code && i.text === entry.text;
  const kept = ignore.filter((i) => !same(i));
  data.ignore = action === 'add' ? [...kept, { file: relative, code: entry.code, text: entry.text }] : kept;
  return `${JSON.stringify(data, null, 2)}\n`;
}
