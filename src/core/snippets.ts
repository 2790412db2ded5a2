/**
 * The statement templates of snippets/statements.code-snippets, read for "Insert Statement Template": each with
 * its body as a snippet and a plain preview of its first lines (placeholders shown as their defaults).
 */

export interface StatementTemplate {
  name: string;
  /** The first prefix, as typed with Ctrl+Space. */
  prefix: string;
  description: string;
  /** The body in VS Code's snippet syntax. */
  body: string;
  /** The first lines as a drafter would read them once inserted. */
  preview: string;
}

interface SnippetEntry {
  prefix?: string | string[];
  description?: string;
  body?: string | string[];
}

const PREVIEW_LINES = 3;

/** Templates in the file's order; `file` names the snippets file in an error. */
export function parseTemplates(json: string, file: string): StatementTemplate[] {
  let entries: Record<string, SnippetEntry>;
  try {
    entries = JSON.parse(json) as Record<string, SnippetEntry>;
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  return Object.entries(entries).map(([name, entry]) => {
    const body = Array.isArray(entry.body) ? entry.body.join('\n') : (entry.body ?? '');
    const prefix = Array.isArray(entry.prefix) ? (entry.prefix[0] ?? '') : (entry.prefix ?? '');
    return { name, prefix, description: entry.description ?? '', body, preview: previewOf(body) };
  });
}

/**
 * The first lines of the statement itself (front matter left out), with `${1:default}` as "default", a mirrored
 * `${1}` as the same default, `${2|Mr.,Madam|}` as "Mr.", and `$0` gone.
 */
export function previewOf(body: string): string {
  // A placeholder's default, wherever it first appears (the front matter too), stands for its mirrors.
  const defaults = new Map<string, string>();
  for (const [, n, value] of body.matchAll(/\$\{(\d+)[:|]([^,|}]*)/g)) if (!defaults.has(n)) defaults.set(n, value);
  const plain = body
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(
      /\$\{(\d+)\}|\$(\d+)/g,
      (_all, braced: string | undefined, bare: string | undefined) => defaults.get(braced ?? bare ?? '') ?? '',
    )
    .replace(/\$CURRENT_YEAR/g, 'YYYY')
    .replace(/\$CURRENT_MONTH/g, 'MM')
    .replace(/\$CURRENT_DATE/g, 'DD')
    .replace(/\\(.)/g, '$1');
  const lines = plain.split('\n').filter((line) => line.trim() !== '');
  return lines.slice(0, PREVIEW_LINES).join(' ⏎ ');
}
