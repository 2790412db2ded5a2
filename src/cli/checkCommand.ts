/** `precedent check FILE...` and `precedent audit`: findings as compiler-style lines or the JSON contract. */
import { readSourceText } from '../core/corpus/sourceText';
import { describeFsError } from '../core/corpus/discover';
import { loadRegistryFile, ResolutionRegistry } from '../core/citations/registry';
import type { CheckConfig } from '../core/checks/config';
import { preferredFix } from '../core/checks/types';
import { findConfig, projectBoundary } from '../core/checks/configFile';
import { LineIndex } from '../core/corpus/lines';
import type { CheckedFile, CorpusQueries } from '../core/service';

/** The files checked, and those named that could not be (missing, unreadable, binary). */
export interface CheckRun {
  checked: CheckedFile[];
  unchecked: string[];
}

/** The built-in registry, with a user's registry file's dates and titles when one is given. */
export async function loadRegistry(file: string | undefined, warn: (line: string) => void): Promise<ResolutionRegistry> {
  if (!file) return new ResolutionRegistry();
  const { registry, problems } = await loadRegistryFile(file);
  problems.forEach(warn);
  return registry;
}

export async function checkFiles(
  corpus: CorpusQueries,
  files: string[],
  registry: ResolutionRegistry,
  warn: (line: string) => void,
  cwd = process.cwd(),
): Promise<CheckRun> {
  const checked: CheckedFile[] = [];
  const unchecked: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readSourceText(file);
    } catch (error) {
      warn(`${file}: ${describeFsError(error)}; not checked`);
      unchecked.push(file);
      continue;
    }
    const config = await configWithWarnings(file, warn, cwd);
    checked.push({ file, text, findings: await corpus.check(text, file, { registry, config }) });
  }
  return { checked, unchecked };
}

/**
 * The configuration that applies to a file — its `.precedent.json` up to the repository's root or else the current
 * folder — whose problems (a malformed file) are warned about.
 */
export async function configWithWarnings(file: string, warn: (line: string) => void, cwd = process.cwd()): Promise<CheckConfig> {
  const config = await findConfig(file, await projectBoundary(file, cwd));
  for (const problem of config.problems) warn(problem);
  return config;
}

/** Exit status as a linter's: 2 when a file named could not be checked (as for bad usage), 1 when any warning or error was reported. */
export function exitCodeFor({ checked, unchecked }: CheckRun): number {
  if (unchecked.length > 0) return 2;
  return checked.some((c) => c.findings.some((f) => f.severity === 'error' || f.severity === 'warning')) ? 1 : 0;
}

export function checkJson(checked: CheckedFile[]) {
  return {
    files: checked.map(({ file, text, findings }) => {
      const lines = new LineIndex(text);
      const position = (start: number, end: number) => {
        const range = lines.range(start, end);
        return { line: range.startLine + 1, column: range.startColumn + 1, endLine: range.endLine + 1, endColumn: range.endColumn + 1 };
      };
      return {
        file,
        diagnostics: findings.map((finding) => ({
          ...position(finding.start, finding.end),
          severity: finding.severity,
          code: finding.code,
          message: finding.message,
          // `preferred`: the fix the editor marks as preferred and Fix All applies; the others are the drafter's choice.
          fixes: finding.fixes.map((fix) => ({
            title: fix.title,
            replacement: fix.replacement,
            ...position(fix.start, fix.end),
            preferred: fix === preferredFix(finding),
          })),
          related: finding.related.map((r) => ({
            file: r.file,
            line: r.range.startLine + 1,
            column: r.range.startColumn + 1,
            text: r.text,
          })),
        })),
      };
    }),
  };
}

export function formatFindings({ checked, unchecked }: CheckRun): string {
  const lines: string[] = [];
  for (const { file, text, findings } of checked) {
    const index = new LineIndex(text);
    for (const finding of findings) {
      const { line, column } = index.position(finding.start);
      lines.push(`${file}:${line + 1}:${column + 1}: ${finding.severity} ${finding.code} ${finding.message}`);
      for (const related of finding.related) {
        lines.push(`    see ${related.file}:${related.range.startLine + 1}:${related.range.startColumn + 1}`);
      }
    }
  }
  // What could not be checked first; no count of findings when no file was checked.
  if (unchecked.length > 0) lines.push(`${unchecked.length} file(s) could not be checked: ${unchecked.join(', ')}`);
  const count = checked.reduce((sum, c) => sum + c.findings.length, 0);
  if (checked.length > 0)
    lines.push(count === 0 ? `No findings in ${checked.length} file(s).` : `${count} finding(s) in ${checked.length} file(s).`);
  return `${lines.join('\n')}\n`;
}
