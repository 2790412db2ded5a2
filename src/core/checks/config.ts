/**
 * `.precedent.json`, the settings a team commits beside its drafts: severities by check code ("off" turns one
 * off) and findings dismissed one by one — by file, code and the flagged text, so a dismissal survives edits
 * elsewhere. Which file applies to a draft, and where a dismissal is written: configFile.ts.
 */
import * as path from 'path';
import { SEVERITIES, type Severity, type StyleSheet } from './types';

/** What `checks` in `.precedent.json` and the `precedent.checks.*` settings take: a severity, or off. */
export const SEVERITY_CHOICES = [...SEVERITIES, 'off'] as const;
const SEVERITY_NAMES = new Set<string>(SEVERITY_CHOICES);

export interface IgnoredFinding {
  /** Absolute path of the draft. */
  file: string;
  code: string;
  text: string;
}

/** The style sheets `style` in `.precedent.json` and the `precedent.style` setting name. */
export const STYLE_SHEETS: readonly StyleSheet[] = ['un'];

/** A style sheet's name as a setting gives it ("un", or "none" for none), or null for none or an unknown name. */
export function styleSheetNamed(name: string): StyleSheet | null {
  return STYLE_SHEETS.find((sheet) => sheet === name) ?? null;
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

export function parseConfig(text: string, source: string): CheckConfig {
  const config: CheckConfig = { source, checks: {}, style: null, ignore: [], problems: [] };
  let data: Record<string, unknown>;
  try {
    data = parseObject(text, source);
  } catch (error) {
    config.problems.push((error as Error).message);
    return config;
  }
  const { checks, ignore, style } = data;
  if (style !== undefined && style !== null) {
    const sheet = typeof style === 'string' ? styleSheetNamed(style) : null;
    if (sheet) config.style = sheet;
    else config.problems.push(`${source}: "style" must be one of ${STYLE_SHEETS.join(', ')} (got ${JSON.stringify(style)})`);
  }
  if (checks !== undefined) {
    for (const [code, severity] of Object.entries(checks as Record<string, unknown>)) {
      if (typeof severity === 'string' && SEVERITY_NAMES.has(severity)) config.checks[code] = severity as Severity | 'off';
      else config.problems.push(`${source}: checks.${code} must be one of ${SEVERITY_CHOICES.join(', ')}`);
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
  const data = configText ? parseObject(configText, configFile) : {};
  const ignore = Array.isArray(data.ignore) ? (data.ignore as Array<Record<string, unknown>>) : [];
  const relative = path.relative(path.dirname(configFile), entry.file).split(path.sep).join('/');
  const same = (i: Record<string, unknown>) => i.file === relative && i.code === entry.code && i.text === entry.text;
  const kept = ignore.filter((i) => !same(i));
  data.ignore = action === 'add' ? [...kept, { file: relative, code: entry.code, text: entry.text }] : kept;
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** A `.precedent.json` that cannot be edited without losing what is in it. */
export class ConfigFileError extends Error {}

function parseObject(text: string, file: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new ConfigFileError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new ConfigFileError(`${file}: expected an object with "checks", "ignore" or "style"`);
  return data as Record<string, unknown>;
}
