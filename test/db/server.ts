/**
 * A throwaway PostgreSQL server for the tests: Debian's `postgresql` (installed when missing and the run is root, as
 * the integration tests install Chromium), `initdb` into a temporary folder owned by the user that runs it
 * (`postgres` via `runuser` when root), a free port on 127.0.0.1, a socket in that folder — never the machine's
 * own cluster — and stopped at the end, also when a test fails or the process exits.
 */
import { spawnSync } from 'child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';

export interface TestServer {
  port: number;
  /** A URL for a role (no password: the test cluster trusts local connections). */
  url(role: string): string;
  /** From now on the role must give its password (scram-sha-256); every other role is still trusted. */
  requirePassword(role: string): void;
  /** Stops the server as a crash or an outage would, keeping its data for `resume` (on the same port). */
  halt(): void;
  resume(): void;
  stop(): void;
}

const POSTGRESQL_ROOT = '/usr/lib/postgresql';
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function binDir(): string | null {
  if (!existsSync(POSTGRESQL_ROOT)) return null;
  const versions = readdirSync(POSTGRESQL_ROOT)
    .filter((version) => existsSync(path.join(POSTGRESQL_ROOT, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(POSTGRESQL_ROOT, versions[0], 'bin') : null;
}

/** The server's binaries, installing Debian's package when they are missing (see systemPackages.mjs). */
async function ensurePostgresql(): Promise<string> {
  const found = binDir();
  if (found) return found;
  const { ensureDebianPackages } = (await import('../integration/harness/systemPackages.mjs')) as {
    ensureDebianPackages: (packages: Array<{ name: string; why: string; present: () => boolean }>, reason: string) => void;
  };
  ensureDebianPackages(
    [{ name: 'postgresql', why: 'a PostgreSQL server with pg_trgm', present: () => binDir() !== null }],
    'the database tests',
  );
  return binDir()!;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startServer(): Promise<TestServer> {
  const bin = await ensurePostgresql();
  const root = process.getuid?.() === 0;
  // Run as root, the server is the postgres user's, who must reach its folder: /tmp itself, not under /root nor a
  // TMPDIR inside another private temp folder (the integration harness points TMPDIR into its own).
  const dir = mkdtempSync(path.join(root ? '/tmp' : os.tmpdir(), 'precedent-pg-'));
  const runAs = (command: string, args: string[]) => {
    const [program, argv] = root
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]]
      : [path.join(bin, command), args];
    const result = spawnSync(program, argv, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout || result.error?.message}`);
  };
  if (root) {
    const { uid, gid } = userIds('postgres');
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  let running = false;
  const halt = () => {
    if (running) {
      running = false;
      spawnSync(
        root ? 'runuser' : path.join(bin, 'pg_ctl'),
        [...(root ? ['-u', 'postgres', '--', path.join(bin, 'pg_ctl')] : []), '-D', data, '-m', 'fast', '-w', 'stop'],
        {
          stdio: 'ignore',
        },
      );
    }
  };
  const start = () => {
    runAs('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'server.log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      '-w',
      'start',
    ]);
    running = true;
  };
  const stop = () => {
    halt();
    process.removeListener('exit', stop);
    for (const signal of SIGNALS) process.removeListener(signal, stopAndExit);
    rmSync(dir, { recursive: true, force: true });
  };
  // Interrupted (Ctrl+C, a timeout's SIGTERM), the server is stopped before the process ends.
  const stopAndExit = (signal: NodeJS.Signals) => {
    stop();
    process.kill(process.pid, signal);
  };
  process.on('exit', stop);
  for (const signal of SIGNALS) process.once(signal, stopAndExit);
  try {
    runAs('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
    start();
  } catch (error) {
    const log = existsSync(path.join(dir, 'server.log')) ? readFileSync(path.join(dir, 'server.log'), 'utf8') : '';
    stop();
    throw new Error(`${(error as Error).message}\n${log}`, { cause: error });
  }
  const requirePassword = (role: string) => {
    // The first line that matches a connection decides: this one goes before initdb's "trust" lines.
    const rules = path.join(data, 'pg_hba.conf');
    writeFileSync(rules, `host all ${role} 127.0.0.1/32 scram-sha-256\n${readFileSync(rules, 'utf8')}`);
    runAs('pg_ctl', ['-D', data, 'reload']);
  };
  return { port, url: (role) => `postgresql://${role}@127.0.0.1:${port}/postgres`, requirePassword, halt, resume: start, stop };
}

function userIds(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) throw new Error(`no user ${name} (Debian's postgresql package creates it)`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Runs SQL as the cluster's superuser. */
export async function asSuperuser(server: TestServer, sql: string): Promise<void> {
  const admin = new Client({ connectionString: server.url('postgres') });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * The roles a mission would create: `writer` publishes; `drafter` reads what every reader may
 * (`precedent_reader`); `cleared` reads the restricted collections too (`restricted_reader`).
 */
export function createTeamRoles(server: TestServer): Promise<void> {
  return asSuperuser(
    server,
    `CREATE ROLE writer LOGIN; GRANT CREATE ON DATABASE postgres TO writer;
     CREATE ROLE precedent_reader NOLOGIN; CREATE ROLE restricted_reader NOLOGIN;
     CREATE ROLE drafter LOGIN NOBYPASSRLS IN ROLE precedent_reader;
     CREATE ROLE cleared LOGIN NOBYPASSRLS IN ROLE precedent_reader, restricted_reader;`,
  );
}
