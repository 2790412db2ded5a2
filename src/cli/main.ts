/** `precedent index|search|complete|facts|check|audit`: the core behind a command line, for scripts, CI pipelines and benchmarks. */
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { CorpusFolderError } from '../core/corpus/discover';
import { type CorpusQueries, LocalCorpus } from '../core/service';
import { DEFAULT_MAX_FILE_BYTES, PrecedentWorkspace } from '../core/workspace';
import { RegistryFileError, type ResolutionRegistry } from '../core/citations/registry';
import { checkDatabaseUrl, DatabaseUnavailableError, DatabaseUrlError } from '../core/db/connection';
import { DatabaseCorpus, DatabaseUnknownError } from '../core/db/databaseCorpus';
import { ServerLink } from '../core/db/serverLink';
import { MergedCorpus } from '../core/mergedCorpus';
import { publishCorpus, PublishError } from '../core/db/publish';
import { isDocumentReference } from '../core/db/reference';
import { serve } from './serve';
import { type CheckRun, checkFiles, checkJson, configWithWarnings, exitCodeFor, formatFindings, loadRegistry } from './checkCommand';
import {
  continuationJson,
  factJson,
  formatContinuations,
  formatFacts,
  formatIndexReport,
  formatPublishReport,
  formatSearchResults,
  searchResultJson,
} from './format';

const DEFAULT_MAX_FILE_MB = DEFAULT_MAX_FILE_BYTES / (1024 * 1024);

const USAGE = `Usage:
  precedent index  [--corpus DIR]... [--bundled] [--json]
  precedent search [--corpus DIR]... [--bundled] [--limit N] [--json] QUERY
  precedent complete [--corpus DIR]... [--bundled] [--limit N] [--after TEXT] [--json] PREFIX
  precedent facts  [--corpus DIR]... [--bundled] [--limit N] [--json] QUERY
  precedent check  [--corpus DIR]... [--bundled] [--registry FILE] [--json] FILE...
  precedent audit  [--corpus DIR]... [--bundled] [--registry FILE] [--json]
  precedent publish --db URL [--collection NAME] [--readers ROLE] [--json] DIR...
  precedent text --db URL precedent-db:COLLECTION/PATH
  precedent serve  [--corpus DIR]... [--bundled] [--registry FILE]

search, complete, facts, check, audit and serve take --db URL to answer from a corpus published to a PostgreSQL
server (alone, or with --corpus folders: then both answer). The password comes from PGPASSWORD or ~/.pgpass.
text prints a published document's text, as the lines and columns of its results count it.

facts finds who pledged, contributed, dispatched or adopted what, and when ("unodc pledge"): the best
matching subject first, newest first within it; it exits with 0 also when nothing is found.
serve opens the corpus once, then answers one JSON request a line on stdin with one JSON line on stdout,
in the other commands' JSON: {"id": 1, "command": "search", "query": "...", "limit": 5} gives
{"id": 1, "result": [...]}; the commands are search (query), complete (prefix), facts (query), check
(files) and index; a request it cannot answer gets {"id": ..., "error": "..."}.
check and audit exit with 1 when they report a warning or an error, as a linter does, and check with 2
when a file it was given could not be checked (after checking the others).

Options:
  --corpus DIR     a folder (or file) of past statements, read recursively; repeatable.
                   Without it, the bundled corpus is used.
  --bundled        also use the bundled corpus when --corpus is given
  --limit N        at most N results (default 10)
  --after TEXT     complete: the text after the cursor, which the continuation must be able to precede
  --registry FILE  a CSV of resolutions (number,date,title) with exact dates and titles
  --json           machine-readable output
  --cache-dir DIR  where the index is kept (default: $PRECEDENT_CACHE_DIR or ~/.cache/precedent)
  --no-cache       neither read nor write the cache
  --max-file-mb N  skip files larger than N MB (default ${DEFAULT_MAX_FILE_MB})
  --db URL         a PostgreSQL server: postgresql://ROLE@HOST[:PORT]/DATABASE (no password in it)
  --collection N   the collection publish writes (default: main)
  --readers ROLE   the role whose members may read the collection (default: precedent_reader)
`;

const COMMANDS = ['index', 'search', 'complete', 'facts', 'check', 'audit', 'serve', 'publish', 'text'];
const DEFAULT_COLLECTION = 'main';
/** A script waits for a slow server longer than a drafter typing does (serverLink.ts's default). */
const SERVER_TIMEOUT_MS = 60_000;

class UsageError extends Error {}

export async function main(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  try {
    return await run(argv, out, err, input);
  } catch (error) {
    if (error instanceof UsageError || error instanceof DatabaseUrlError) {
      err.write(`precedent: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof RegistryFileError) {
      err.write(`precedent: ${error.message}\n`);
      return 2;
    }
    if (error instanceof DatabaseUnavailableError || error instanceof DatabaseUnknownError || error instanceof PublishError) {
      err.write(`precedent: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CorpusFolderError) {
      err.write(`precedent: cannot read the corpus folder ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function run(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, input: NodeJS.ReadableStream): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        corpus: { type: 'string', multiple: true },
        bundled: { type: 'boolean' },
        limit: { type: 'string' },
        after: { type: 'string' },
        registry: { type: 'string' },
        json: { type: 'boolean' },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean' },
        'max-file-mb': { type: 'string' },
        db: { type: 'string' },
        collection: { type: 'string' },
        readers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    out.write(USAGE);
    return 0;
  }
  if (!COMMANDS.includes(command)) throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  const limit = positiveInteger(values.limit, '--limit', 10);
  const maxFileMb = positiveInteger(values['max-file-mb'], '--max-file-mb', DEFAULT_MAX_FILE_MB);
  const query = rest.join(' ').trim();
  if ((command === 'search' || command === 'facts') && !query) throw new UsageError(`${command} needs a QUERY`);
  if (command === 'complete' && !query) throw new UsageError('complete needs the PREFIX typed so far');
  if ((command === 'index' || command === 'audit' || command === 'serve') && rest.length > 0) {
    throw new UsageError(`${command} takes no arguments (got "${rest.join(' ')}")`);
  }
  if (command === 'check' && rest.length === 0) throw new UsageError('check needs at least one FILE');
  const db = values.db === undefined ? null : checkDatabaseUrl(values.db);
  if (command === 'publish') {
    if (!db) throw new UsageError('publish needs --db URL');
    if (rest.length === 0) throw new UsageError('publish needs at least one DIR');
    const report = await publishCorpus({
      url: db,
      collection: values.collection ?? DEFAULT_COLLECTION,
      readers: values.readers,
      roots: rest.map((dir) => path.resolve(dir)),
      cacheDir: values['no-cache'] ? null : (values['cache-dir'] ?? defaultCacheDir()),
      maxFileBytes: maxFileMb * 1024 * 1024,
      log: (line) => err.write(`${line}\n`),
    });
    out.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatPublishReport(report));
    return 0;
  }
  if (command === 'text') {
    if (!db) throw new UsageError('text needs --db URL');
    if (rest.length !== 1 || !isDocumentReference(rest[0])) throw new UsageError('text needs one precedent-db:COLLECTION/PATH reference');
    const corpus = await DatabaseCorpus.open(db);
    try {
      const text = await corpus.documentText(rest[0]);
      if (text === null) {
        err.write(`precedent: ${rest[0]}: no such document, or not one this role may read\n`);
        return 2;
      }
      out.write(text);
      return 0;
    } finally {
      await corpus.close();
    }
  }
  if (db && command === 'index') throw new UsageError('index reads local folders; to write a corpus to a server, use publish');
  const warn = (line: string) => err.write(`${line}\n`);
  const registry = command === 'check' || command === 'audit' || command === 'serve' ? await loadRegistry(values.registry, warn) : null;

  const question: Question = { command, rest, query, limit, after: values.after ?? '', registry, json: values.json === true, input };
  const roots = values.corpus ?? [];
  if ((roots.length === 0 && !db) || values.bundled) roots.push(bundledCorpusDir());
  if (roots.length === 0 && db) {
    const corpus = await DatabaseCorpus.open(db);
    try {
      return await answer(corpus, question, out, warn);
    } finally {
      await corpus.close();
    }
  }
  const workspace = await PrecedentWorkspace.load({
    roots,
    cacheDir: values['no-cache'] ? null : (values['cache-dir'] ?? defaultCacheDir()),
    maxFileBytes: maxFileMb * 1024 * 1024,
  });
  const { report } = workspace;
  await workspace.saved.catch((error: Error) => warn(`the index cache could not be written: ${error.message}`));
  if (report.documents === 0) {
    err.write(`precedent: no documents to index in ${roots.join(', ')} (Precedent reads .txt, .md, Word and PDF files)\n`);
  }
  if (command === 'index') {
    out.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatIndexReport(report));
    return 0;
  }
  if (!values.json) for (const warning of [...report.skipped, ...report.warnings]) warn(`${warning.file}: ${warning.reason}`);
  if (!db) return answer(new LocalCorpus(workspace), question, out, warn);
  // Local folders and a server together answer as in the editor: merged, the checks over the evidence of both.
  const link = new ServerLink({
    open: () => DatabaseCorpus.open(db),
    onState: () => undefined,
    onError: (what, error) => warn(`precedent: the server could not answer ${what}: ${error.message}`),
    timeoutMs: SERVER_TIMEOUT_MS,
  });
  await link.start();
  try {
    if (link.state.kind === 'unavailable') {
      err.write(`precedent: ${link.state.reason}\n`);
      return 2;
    }
    const merged = new MergedCorpus(new LocalCorpus(workspace), link);
    const code = await answer(merged, question, out, warn);
    if (merged.shortfall) warn(`precedent: these answers are the local folders' alone: ${merged.shortfall}`);
    return code;
  } finally {
    link.dispose();
  }
}

/** What the command line asks: the command, its arguments, and how the answer is printed. */
interface Question {
  command: string;
  rest: string[];
  query: string;
  limit: number;
  /** complete: the text after the cursor. */
  after: string;
  registry: ResolutionRegistry | null;
  json: boolean;
  /** serve: where the requests come from. */
  input: NodeJS.ReadableStream;
}

/** The question asked of a corpus, local or on a server, and its answer printed. */
async function answer(
  corpus: CorpusQueries,
  question: Question,
  out: NodeJS.WritableStream,
  warn: (line: string) => void,
): Promise<number> {
  const { command, rest, query, limit, after, registry, json } = question;
  if (command === 'serve') {
    await serve(corpus, registry!, question.input, out);
    return 0;
  }
  if (registry) {
    const run: CheckRun =
      command === 'check'
        ? await checkFiles(
            corpus,
            rest.map((file) => path.resolve(file)),
            registry,
            warn,
          )
        : {
            checked: await corpus.audit({
              registry,
              // A server's document has no folder of its own: the current folder's configuration applies to it.
              configFor: (file) => configWithWarnings(isDocumentReference(file) ? path.resolve('published-document') : file, warn),
              onUnreadable: (file, reason) => warn(`${file}: ${reason}; not checked`),
            }),
            unchecked: [],
          };
    out.write(json ? `${JSON.stringify(checkJson(run.checked), null, 2)}\n` : formatFindings(run));
    return exitCodeFor(run);
  }
  if (command === 'complete') {
    // The prefix as typed: a trailing space means the last word is finished.
    const continuations = await corpus.complete(rest.join(' '), limit, { after });
    out.write(json ? `${JSON.stringify(continuations.map(continuationJson), null, 2)}\n` : formatContinuations(continuations));
    return 0;
  }
  if (command === 'facts') {
    const facts = await corpus.lookUpFacts(query, limit);
    out.write(json ? `${JSON.stringify(facts.map(factJson), null, 2)}\n` : formatFacts(facts));
    return 0;
  }
  const results = await corpus.search(query, { limit });
  out.write(json ? `${JSON.stringify(results.map(searchResultJson), null, 2)}\n` : formatSearchResults(results));
  return 0;
}

function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} takes a whole number of at least 1 (got "${value}")`);
  return n;
}

/** The corpus shipped beside the bundled CLI (dist/cli.js → corpus/). */
function bundledCorpusDir(): string {
  return path.resolve(__dirname, '..', 'corpus');
}

function defaultCacheDir(): string {
  if (process.env.PRECEDENT_CACHE_DIR) return process.env.PRECEDENT_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'precedent');
}
