// A team corpus on a throwaway PostgreSQL server for the end-to-end run: the database tests' own starter and roles
// (test/db/server.ts, bundled here with esbuild, as it is TypeScript; into the repository's test/integration/out, where
// its packages are found), and a small collection published with the CLI (dist/cli.js publish) by the writer role.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { ROOT } from './build.mjs';

/** The team's statement: a phrase, an acronym and a citation no local corpus file holds. */
export const TEAM_STATEMENT = `---
title: Team statement on the Quillfeather Compact
date: 2025-02-11
speaker: Japan
---

Japan reaffirms its support for the Quillfeather Compact (QFC) on maritime cooperation among coastal States.

Japan recalls resolution 2917 (2025) on the protection of coastal fisheries, and calls on all States to implement it.
`;

/** Starts the server and publishes the collection `team`; resolves to { url, halt, resume, stop }. */
export async function startTeamServer(log) {
  const scratch = mkdtempSync(join(tmpdir(), 'precedent-team-'));
  const starter = join(ROOT, 'test', 'integration', 'out', 'team-server.mjs');
  await esbuild.build({
    entryPoints: [join(ROOT, 'test', 'db', 'server.ts')],
    outfile: starter,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  const { startServer, createTeamRoles } = await import(pathToFileURL(starter).href);
  const server = await startServer();
  log(`PostgreSQL started on 127.0.0.1:${server.port}`);
  await createTeamRoles(server);
  const folder = join(scratch, 'team');
  mkdirSync(folder);
  writeFileSync(join(folder, 'quillfeather-compact.md'), TEAM_STATEMENT);
  const published = spawnSync(
    process.execPath,
    [join(ROOT, 'dist', 'cli.js'), 'publish', '--db', server.url('writer'), '--collection', 'team', folder],
    { encoding: 'utf8' },
  );
  if (published.status !== 0) {
    server.stop();
    throw new Error(`publish failed: ${published.stderr || published.stdout}`);
  }
  log(`published the collection "team": ${published.stdout.trim().split('\n').at(-1)}`);
  return {
    url: server.url('drafter'),
    halt: server.halt,
    resume: server.resume,
    stop: () => {
      server.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
