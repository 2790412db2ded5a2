#!/usr/bin/env node
// Runs the integration suite inside a real VS Code, offline: code-server (VS Code 1.139 server, installed once
// into a cache by install.mjs) on 127.0.0.1, and Debian's Chromium driven by playwright-core to open the
// workbench with a payload that loads this repository as the extension under development and
// test/integration/out/index.js as the extension tests (the @vscode/test-electron contract).
// Starting and stopping code-server and the browser is shared with e2e.mjs, in workbench.mjs.
//
//   node test/integration/harness/run.mjs [--screenshot DIR] [--grep PATTERN] [--timeout S] [--host-timeout S] [--keep]
//
// Environment equivalents: PRECEDENT_SCREENSHOT_DIR, PRECEDENT_TEST_GREP, PRECEDENT_TEST_TIMEOUT,
// PRECEDENT_HOST_TIMEOUT; PRECEDENT_HARNESS_DIR and PRECEDENT_CHROMIUM override the cache and browser.
// Exits 0 only if every test passed (and at least one ran); prints `N passed, M failed` last.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSuite, checkExtensionBuilt, ROOT, TESTS_ENTRY } from './build.mjs';
import { ensureHarness, findChromium, HarnessError, harnessPackages } from './install.mjs';
import { DebianPackageError, ensureDebianPackages } from './systemPackages.mjs';
import { exitCodeFor, printSummary } from './summary.mjs';
import { createLog, readJson, RunError, sleep, tail, Workbench } from './workbench.mjs';

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

const log = createLog('integration');
const workbench = new Workbench({ name: 'integration', log, keep: args.keep });
workbench.stopOnSignals();

// ---- the run ----------------------------------------------------------------------------------------------
async function main() {
  ensureDebianPackages(harnessPackages(), 'the integration tests');
  const chromiumPath = findChromium();
  const harness = await ensureHarness();
  checkExtensionBuilt();
  const suite = await buildSuite();
  log(`suite built: ${suite.tests.join(', ')}`);

  // The suite runs in a multi-root workspace: the fixture workspace first, a second folder beside it.
  const { dirs, tempRoot, logs } = workbench.prepare({ multiRoot: true });
  await workbench.startServer(harness);
  const page = await workbench.launchBrowser(chromiumPath);

  const extensionEnvironment = { PRECEDENT_TEST_RESULTS: dirs.results };
  if (args.grep) extensionEnvironment.PRECEDENT_TEST_GREP = args.grep;
  // With a screenshot to take, the suite keeps the extension host alive until this file exists.
  const releaseFile = join(tempRoot, 'release');
  if (args.screenshot) extensionEnvironment.PRECEDENT_TEST_RELEASE = releaseFile;
  await workbench.open([
    ['extensionDevelopmentPath', workbench.remote(ROOT)],
    ['extensionTestsPath', workbench.remote(TESTS_ENTRY)],
    ['extensionEnvironment', JSON.stringify(extensionEnvironment)],
  ]);

  // The extension host starts once the workbench is up; the suite writes started.json from run().
  const startedFile = join(dirs.results, 'started.json');
  const resultsFile = join(dirs.results, 'results.json');
  const hostDeadline = Date.now() + HOST_TIMEOUT_MS;
  const suiteDeadline = Date.now() + SUITE_TIMEOUT_MS;
  let started;
  let workbenchSeen = false;
  let results;
  while (!results) {
    if (workbench.serverExit)
      throw new RunError(`code-server stopped during the run (${workbench.serverExit}). Its log:\n${tail(logs.server)}`);
    if (!started && (started = readJson(startedFile))) {
      log(`extension host started the suite (VS Code ${started.vscode}, Node ${started.node})`);
    }
    if (
      !workbenchSeen &&
      !workbench.pageClosed &&
      (await page
        .locator('.monaco-workbench')
        .count()
        .catch(() => 0)) > 0
    ) {
      workbenchSeen = true;
      log('workbench loaded');
    }
    results = existsSync(resultsFile) ? readJson(resultsFile) : undefined;
    if (results) break;
    if (!started && Date.now() > hostDeadline) {
      throw new RunError(
        `the extension host never started the suite: no ${startedFile} within ${HOST_TIMEOUT_MS / 1000} s ` +
          `(workbench ${workbenchSeen ? 'loaded' : 'never loaded'}).\n` +
          `Browser console:\n${tail(logs.browser)}\n\ncode-server log:\n${tail(logs.server)}`,
      );
    }
    if (Date.now() > suiteDeadline) {
      throw new RunError(`the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s. Browser console:\n${tail(logs.browser)}`);
    }
    if (workbench.pageClosed && !started)
      throw new RunError(`the workbench page closed before the suite started. Browser console:\n${tail(logs.browser)}`);
    await sleep(250);
  }
  log(`suite finished in ${(results.durationMs / 1000).toFixed(1)} s`);

  if (args.screenshot) {
    try {
      await screenshot(page, workbench.pageClosed, resolve(args.screenshot));
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
  workbench.keep = true;
  const known = error instanceof RunError || error instanceof HarnessError || error instanceof DebianPackageError;
  console.error(`\n[integration] ERROR: ${known ? error.message : error.stack}`);
  if (workbench.tempRoot) console.error(`[integration] logs and profile kept in ${workbench.tempRoot}`);
  console.log('0 passed, 1 failed');
} finally {
  if (exitCode !== 0 && workbench.tempRoot) {
    workbench.keep = true;
    console.error(`[integration] logs kept in ${join(workbench.tempRoot, 'logs')}`);
  }
  await workbench.close();
  log('done');
}
process.exit(exitCode);
