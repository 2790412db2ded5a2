/**
 * Connecting to the database server. The URL names the server, database and role; the password comes from
 * PGPASSWORD or ~/.pgpass (as libpq's own tools read them), never from a URL typed on a command line, where every
 * process listing and shell history would keep it.
 */
import { Client, Pool, type PoolConfig } from 'pg';

export class DatabaseUrlError extends Error {}

/** Thrown when the server cannot be reached or refuses the role: names the server, and why. */
export class DatabaseUnavailableError extends Error {}

/** The URL, checked: a postgres:// or postgresql:// URL without a password in it. */
export function checkDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUrlError(`--db takes a URL such as postgresql://drafter@db.example.org/precedent (got "${url}")`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseUrlError(`--db takes a postgresql:// URL (got "${parsed.protocol}")`);
  }
  if (parsed.password) {
    throw new DatabaseUrlError(
      'the --db URL holds a password: leave it out, and give it in PGPASSWORD or ~/.pgpass ' +
        '(a password on the command line is kept in shell history and process listings)',
    );
  }
  return url;
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

function config(url: string): PoolConfig {
  // Without an explicit password, pg reads PGPASSWORD, then ~/.pgpass (through pgpass), as libpq does.
  return { connectionString: url, application_name: 'precedent', connectionTimeoutMillis: 10_000 };
}

/** Why a connection failed, naming the server. */
export function unavailable(url: string, error: unknown): DatabaseUnavailableError {
  const reason = error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code || error.name : String(error);
  return new DatabaseUnavailableError(`cannot use ${describeServer(url)}: ${reason}`);
}

/** A pool of connections for queries; the first connection is made here, so an unreachable server fails at once. */
export async function openPool(url: string, max = 4): Promise<Pool> {
  const pool = new Pool({ ...config(url), max });
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
