/**
 * `precedent serve`: the corpus opened once, then one JSON request a line on stdin and one JSON answer a line on
 * stdout, in order — for scripts and pipelines that ask many questions. Answers carry the same JSON as the other
 * commands' --json output.
 *
 *   {"id": 1, "command": "search", "query": "…", "limit": 5}   → {"id": 1, "result": [ …as search --json… ]}
 *   {"id": 2, "command": "complete", "prefix": "…"}            → {"id": 2, "result": [ …as complete --json… ]}
 *   {"id": 3, "command": "facts", "query": "…"}                → {"id": 3, "result": [ …as facts --json… ]}
 *   {"id": 4, "command": "check", "files": ["draft.md"]}       → {"id": 4, "result": { …as check --json… }}
 *   {"id": 5, "command": "index"}                              → {"id": 5, "result": { …as index --json… }}
 * A request that cannot be answered gets {"id": …, "error": "…"}; the server goes on with the next line.
 */
import * as path from 'path';
import { createInterface } from 'readline';
import type { ResolutionRegistry } from '../core/citations/registry';
import type { CorpusQueries } from '../core/service';
import { checkFiles, checkJson } from './checkCommand';
import { continuationJson, factJson, searchResultJson } from './format';

export const SERVE_COMMANDS = ['search', 'complete', 'facts', 'check', 'index'] as const;
const DEFAULT_LIMIT = 10;

interface Request {
  id?: unknown;
  command?: unknown;
  query?: unknown;
  prefix?: unknown;
  limit?: unknown;
  files?: unknown;
}

/** Answers each line of `input` on `out` until the input ends. */
export async function serve(
  corpus: CorpusQueries,
  registry: ResolutionRegistry,
  input: NodeJS.ReadableStream,
  out: NodeJS.WritableStream,
): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let id: unknown = null;
    let answer: object;
    try {
      const request = parseRequest(line);
      id = request.id ?? null;
      answer = { id, result: await answerRequest(corpus, registry, request) };
    } catch (error) {
      answer = { id, error: error instanceof Error ? error.message : String(error) };
    }
    out.write(`${JSON.stringify(answer)}\n`);
  }
}

class RequestError extends Error {}

function parseRequest(line: string): Request {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new RequestError(`not a JSON object: ${line.slice(0, 80)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new RequestError('a request is a JSON object');
  return parsed;
}

async function answerRequest(corpus: CorpusQueries, registry: ResolutionRegistry, request: Request): Promise<unknown> {
  const limit = request.limit === undefined ? DEFAULT_LIMIT : request.limit;
  if (!Number.isInteger(limit) || (limit as number) < 1) throw new RequestError('"limit" is a whole number of at least 1');
  const text = (field: 'query' | 'prefix') => {
    const value = request[field];
    if (typeof value !== 'string' || value.trim() === '') throw new RequestError(`${String(request.command)} needs "${field}", a string`);
    return value;
  };
  switch (request.command) {
    case 'search':
      return (await corpus.search(text('query'), { limit: limit as number })).map(searchResultJson);
    case 'complete':
      return (await corpus.complete(text('prefix'), limit as number)).map(continuationJson);
    case 'facts':
      return (await corpus.lookUpFacts(text('query'), limit as number)).map(factJson);
    case 'check': {
      const files = request.files;
      if (!Array.isArray(files) || files.length === 0 || !files.every((f) => typeof f === 'string')) {
        throw new RequestError('check needs "files", a list of paths');
      }
      const unreadable: string[] = [];
      const run = await checkFiles(
        corpus,
        files.map((file) => path.resolve(file)),
        registry,
        (line) => unreadable.push(line),
      );
      return { ...checkJson(run.checked), ...(unreadable.length > 0 && { problems: unreadable }) };
    }
    case 'index':
      return corpus.report;
    default:
      throw new RequestError(`unknown command ${JSON.stringify(request.command)}; one of ${SERVE_COMMANDS.join(', ')}`);
  }
}
