#!/usr/bin/env node
// Runs the integration suite inside a real VS Code, offline: code-server (VS Code 1.139 server, installed once
// into a cache by install.mjs) on 127.0.0.1, and Debian's Chromium driven by playwright-core to open the
// workbench with a payload that loads this repository as the extension under development and
// test/integration/out/index.js as the extension tests (the @vscode/test-electron contract).
//
//   node test/integration/harness/run.mjs [--screenshot DIR] [--grep PATTERN] [--timeout S] [--host-timeout S] [--keep]
//
// Environment equivalents: PRECEDENT_SCREENSHOT_DIR, PRECEDENT_TEST_GREP, PRECEDENT_TEST_TIMEOUT,
// PRECEDENT_HOST_TIMEOUT; PRECEDENT_HARNESS_DIR and PRECEDENT_CHROMIUM override the cache and browser.
// Exits 0 only if every test passed (and at least one ran); prints `N passed, M failed` last.
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSuite, checkExtensionBuilt, FIXTURE_WORKSPACE, ROOT, TESTS_ENTRY } from './build.mjs';
import { ensureHarness, findChromium, HarnessError } from './install.mjs';
import { exitCodeFor, printSummary } from './summary.mjs';

const { values: args } = parseArgs({
  options: {
    screenshot: { type: 'string', default: process.env.PRECEDENT_SCREENSHOT_DIR },
    grep: { type: 'string', default: process.env.PRECEDENT_TEST_GREP },
    timeout: { type: 'string', default: process.env.PRECEDENT_TEST_TIMEOUT ?? '600' },
    'host-timeout': { type: 'string', default: process.env.PRECEDENT_HOST_TIMEOUT ?? '180' },
    keep: { type: 'boolean', default: false },
  },
});
const SUITE_TIMEOUT_MS = Number(args.timeout) * 1000;
const HOST_TIMEOUT_MS = Number(args['host-timeout']) * 1000;
const SERVER_TIMEOUT_MS = 60_000;

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // The browser resolves no host but the loopback server: nothing leaves the machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

// Settings for the test profile: no marketplace, telemetry, update or startup pages.
const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'json.schemaDownload.enable': false,
  'npm.fetchOnlinePackageInfo': false,
};

const t0 = Date.now();
function log(message) {
  console.log(`[integration +${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}`);
}
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

class RunError extends Error {}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function tail(file, lines = 40) {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// ---- resources to release, whatever happens -------------------------------------------------------------
let server; // code-server's ChildProcess, leader of its own process group
let browser; // playwright BrowserContext
let tempRoot;
let keepTemp = args.keep;

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops code-server's whole process group (its watcher child outlives the parent otherwise). */
async function stopServer() {
  if (!server?.pid) return;
  const pid = server.pid;
  server = undefined;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

async function cleanup() {
  if (browser) {
    const context = browser;
    browser = undefined;
    await Promise.race([context.close().catch(() => {}), sleep(10_000)]);
  }
  await stopServer();
  if (tempRoot && !keepTemp) rmSync(tempRoot, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n[integration] ${signal}: stopping code-server and the browser`);
    cleanup().finally(() => process.exit(130));
  });
}

// ---- the run ----------------------------------------------------------------------------------------------
async function main() {
  const chromiumPath = findChromium();
  const harness = await ensureHarness();
  checkExtensionBuilt();
  const suite = await buildSuite();
  log(`suite built: ${suite.tests.join(', ')}`);

  tempRoot = mkdtempSync(join(tmpdir(), 'precedent-integration-'));
  const dirs = Object.fromEntries(
    ['home', 'config', 'data', 'cache', 'state', 'tmp', 'user-data', 'extensions', 'results', 'chromium-profile', 'logs'].map(
      (name) => [name, join(tempRoot, name)],
    ),
  );
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const workspace = join(tempRoot, 'workspace');
  cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
  mkdirSync(join(dirs['user-data'], 'User'), { recursive: true });
  writeFileSync(join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const serverLog = join(dirs.logs, 'code-server.log');
  const browserLog = join(dirs.logs, 'browser-console.log');

  // code-server, on loopback only, with everything it writes inside tempRoot.
  const port = await freePort();
  const configFile = join(tempRoot, 'code-server.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const serverEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  Object.assign(serverEnv, {
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    XDG_STATE_HOME: dirs.state,
    TMPDIR: dirs.tmp,
    // No extension gallery: code-server would otherwise query open-vsx.org (which it cannot reach here).
    EXTENSIONS_GALLERY: '{}',
  });
  delete serverEnv.PORT; // code-server would prefer $PORT to --bind-addr
  const serverArgs = [
    harness.codeServer,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-proxy',
    '--disable-getting-started-override',
    '--vscode-option', 'enable-smoke-test-driver',
    '--config', configFile,
    '--user-data-dir', dirs['user-data'],
    '--extensions-dir', dirs.extensions,
    '--ignore-last-opened',
  ];
  log(`starting code-server ${harness.info.codeServer} (Node ${harness.info.node}) on 127.0.0.1:${port}`);
  // detached: the child calls setsid(), so it leads its own process group and the whole group can be stopped.
  server = spawn(harness.node, serverArgs, { cwd: tempRoot, env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const serverProcess = server;
  let serverExit;
  serverProcess.stdout.on('data', (chunk) => appendFileSync(serverLog, chunk));
  serverProcess.stderr.on('data', (chunk) => appendFileSync(serverLog, chunk));
  serverProcess.on('exit', (code, signal) => (serverExit = signal ?? `exit ${code}`));

  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 250) {
    if (serverExit) throw new RunError(`code-server stopped before it served (${serverExit}). Its log:\n${tail(serverLog)}`);
    if (waited > SERVER_TIMEOUT_MS) throw new RunError(`code-server did not answer ${base}/healthz within ${SERVER_TIMEOUT_MS / 1000} s. Its log:\n${tail(serverLog)}`);
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  log('code-server is up');

  // Chromium, through playwright-core (the package only; its own browser downloads are never used).
  const { chromium } = await import('playwright-core');
  browser = await chromium.launchPersistentContext(dirs['chromium-profile'], {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 900 },
    env: { ...serverEnv, HOME: dirs.home },
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  let pageClosed = false;
  page.on('close', () => (pageClosed = true));
  page.on('console', (message) => appendFileSync(browserLog, `[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => appendFileSync(browserLog, `[pageerror] ${error.stack ?? error}\n`));

  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const extensionEnvironment = { PRECEDENT_TEST_RESULTS: dirs.results };
  if (args.grep) extensionEnvironment.PRECEDENT_TEST_GREP = args.grep;
  // With a screenshot to take, the suite keeps the extension host alive until this file exists.
  const releaseFile = join(tempRoot, 'release');
  if (args.screenshot) extensionEnvironment.PRECEDENT_TEST_RELEASE = releaseFile;
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(TESTS_ENTRY)],
    ['extensionEnvironment', JSON.stringify(extensionEnvironment)],
  ];
  const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(`opening the workbench on ${workspace}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: SERVER_TIMEOUT_MS });

  // The extension host starts once the workbench is up; the suite writes started.json from run().
  const startedFile = join(dirs.results, 'started.json');
  const resultsFile = join(dirs.results, 'results.json');
  const hostDeadline = Date.now() + HOST_TIMEOUT_MS;
  const suiteDeadline = Date.now() + SUITE_TIMEOUT_MS;
  let started;
  let workbenchSeen = false;
  let results;
  while (!results) {
    if (serverExit) throw new RunError(`code-server stopped during the run (${serverExit}). Its log:\n${tail(serverLog)}`);
    if (!started && (started = readJson(startedFile))) {
      log(`extension host started the suite (VS Code ${started.vscode}, Node ${started.node})`);
    }
    if (!workbenchSeen && !pageClosed && (await page.locator('.monaco-workbench').count().catch(() => 0)) > 0) {
      workbenchSeen = true;
      log('workbench loaded');
    }
    results = existsSync(resultsFile) ? readJson(resultsFile) : undefined;
    if (results) break;
    if (!started && Date.now() > hostDeadline) {
      throw new RunError(
        `the extension host never started the suite: no ${startedFile} within ${HOST_TIMEOUT_MS / 1000} s ` +
          `(workbench ${workbenchSeen ? 'loaded' : 'never loaded'}).\n` +
          `Browser console:\n${tail(browserLog)}\n\ncode-server log:\n${tail(serverLog)}`,
      );
    }
    if (Date.now() > suiteDeadline) {
      throw new RunError(`the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s. Browser console:\n${tail(browserLog)}`);
    }
    if (pageClosed && !started) throw new RunError(`the workbench page closed before the suite started. Browser console:\n${tail(browserLog)}`);
    await sleep(250);
  }
  log(`suite finished in ${(results.durationMs / 1000).toFixed(1)} s`);

  if (args.screenshot) {
    try {
      await screenshot(page, pageClosed, resolve(args.screenshot));
    } finally {
      writeFileSync(releaseFile, '');
    }
  }
  return results;
}

/** Opens the fixture draft in the workbench and saves a screenshot of it. */
async function screenshot(page, pageClosed, dir) {
  if (pageClosed || page.isClosed()) {
    log('no screenshot: the workbench page was closed');
    return;
  }
  mkdirSync(dir, { recursive: true });
  let step = 'wait for the workbench';
  try {
    await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
    step = 'open Quick Open (Ctrl+P)';
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill('draft.md');
    step = 'wait for the draft.md row';
    await page.locator('.quick-input-list .monaco-list-row[aria-label^="draft.md"]').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    step = 'wait for the draft.md editor tab';
    await page.locator('.tabs-container .tab.active[aria-label^="draft.md"]').waitFor({ timeout: 10_000 });
    await sleep(2000); // let diagnostics and the status bar settle
  } catch (error) {
    log(`screenshot: could not ${step} (${error.message.split('\n')[0]}); taking the workbench as it is`);
  }
  const file = join(dir, 'workbench.png');
  await page.screenshot({ path: file });
  log(`screenshot saved: ${file}`);
}

let exitCode = 1;
try {
  const results = await main();
  printSummary(results);
  exitCode = exitCodeFor(results);
} catch (error) {
  keepTemp = true;
  const known = error instanceof RunError || error instanceof HarnessError;
  console.error(`\n[integration] ERROR: ${known ? error.message : error.stack}`);
  if (tempRoot) console.error(`[integration] logs and profile kept in ${tempRoot}`);
  console.log('0 passed, 1 failed');
} finally {
  if (exitCode !== 0 && tempRoot) {
    keepTemp = true;
    console.error(`[integration] logs kept in ${join(tempRoot, 'logs')}`);
  }
  await cleanup();
  log('done');
}
process.exit(exitCode);
