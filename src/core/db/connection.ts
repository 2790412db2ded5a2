/**
 * Connecting to the database server. The URL names the server, database and role; the password comes from
 * PGPASSWORD or ~/.pgpass (as libpq's own tools read them), never from a URL typed on a command line, where every
 * process listing and shell history would keep it.
 */
import { Client, Pool, type PoolConfig } from 'pg';
import { COLLECTION_NAME } from './reference';

export class DatabaseUrlError extends Error {}

/** Thrown when the server cannot be reached or refuses the role: names the server, and why (`reason`, alone). */
export class DatabaseUnavailableError extends Error {
  constructor(
    message: string,
    readonly reason: string = message,
  ) {
    super(message);
  }
}

/** The URL, checked: a postgres:// or postgresql:// URL without a password in it. `named` is where it was given. */
export function checkDatabaseUrl(url: string, named = '--db'): string {
  const parsed = parseDatabaseUrl(url, named);
  if (parsed.password) {
    throw new DatabaseUrlError(
      `the ${named} URL holds a password: leave it out, and give it in PGPASSWORD or ~/.pgpass ` +
        '(a password on the command line is kept in shell history and process listings)',
    );
  }
  return url;
}

function parseDatabaseUrl(url: string, named: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUrlError(`${named} takes a URL such as postgresql://drafter@db.example.org/precedent (got "${url}")`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseUrlError(`${named} takes a postgresql:// URL (got "${parsed.protocol}")`);
  }
  return parsed;
}

/**
 * A URL from a setting, checked, with any password taken out (a setting is synced and shared, and a password there
 * is never used): `strippedPassword` says one was there, so the caller can say where the password belongs.
 */
export function serverUrlFromSetting(url: string, named: string): { url: string; strippedPassword: boolean } {
  const parsed = parseDatabaseUrl(url, named);
  if (!parsed.password) return { url, strippedPassword: false };
  parsed.password = '';
  return { url: parsed.toString(), strippedPassword: true };
}

/** "db.example.org:5432/precedent as drafter": the server as an error message names it. */
export function describeServer(url: string): string {
  const parsed = new URL(url);
  const host = parsed.hostname || process.env.PGHOST || 'localhost';
  const port = parsed.port || process.env.PGPORT || '5432';
  const database = parsed.pathname.replace(/^\//, '') || process.env.PGDATABASE || '(default database)';
  const user = decodeURIComponent(parsed.username) || process.env.PGUSER || '(default role)';
  return `the PostgreSQL server at ${host}:${port} (database ${database}, role ${user})`;
}

/** How a connection is made beyond its URL: the editor gives the password from its secret storage, and a bound. */
export interface ConnectOptions {
  /** The role's password; without it, pg reads PGPASSWORD, then ~/.pgpass (through pgpass), as libpq does. */
  password?: string;
  /** Only these collections are searched (among those the role may read); all readable ones when empty. */
  collections?: readonly string[];
  /** How long connecting may take (ms); questions are bounded by their caller (see serverLink.ts). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

function config(url: string, options: ConnectOptions = {}): PoolConfig {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const collections = options.collections?.length ? collectionsSetting(options.collections) : null;
  return {
    connectionString: options.password === undefined ? url : withPassword(url, options.password),
    application_name: 'precedent',
    connectionTimeoutMillis: timeout,
    // Read by precedent.readable_collections() (schema version 2), which narrows to these collections.
    ...(collections && { options: `-c precedent.collections=${collections}` }),
  };
}

/**
 * The URL with the password in it, for pg alone (never shown): pg lets what a connection string says override the
 * other settings, an absent password included, so a password given beside the URL would be dropped.
 */
function withPassword(url: string, password: string): string {
  const parsed = new URL(url);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** The collections as the session setting carries them: names of letters, digits, ".", "_" and "-", comma-separated. */
function collectionsSetting(collections: readonly string[]): string {
  for (const name of collections) {
    if (!COLLECTION_NAME.test(name)) throw new DatabaseUrlError(`a collection's name is letters, digits, ".", "_" and "-" (got "${name}")`);
  }
  return collections.join(',');
}

/** pg's words when the server asks for a password and none was given (it fails inside the SCRAM exchange). */
const NO_PASSWORD_GIVEN = /client password must be a string/;

/** Why a connection failed, naming the server. */
export function unavailable(url: string, error: unknown): DatabaseUnavailableError {
  const message = error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code || error.name : String(error);
  const reason = NO_PASSWORD_GIVEN.test(message)
    ? "the server asks for this role's password, and none was given (in the editor: Precedent: Set Server Password; " +
      'on the command line: PGPASSWORD or ~/.pgpass)'
    : message;
  return new DatabaseUnavailableError(`cannot use ${describeServer(url)}: ${reason}`, reason);
}

/** A pool of connections for queries; the first connection is made here, so an unreachable server fails at once. */
export async function openPool(url: string, max = 4, options: ConnectOptions = {}): Promise<Pool> {
  const pool = new Pool({ ...config(url, options), max });
  // An idle connection the server drops must not bring the process down; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw unavailable(url, error);
  }
  return pool;
}

/** One connection, for a publish (one transaction). */
export async function openClient(url: string): Promise<Client> {
  const client = new Client(config(url));
  try {
    await client.connect();
  } catch (error) {
    throw unavailable(url, error);
  }
  return client;
}
