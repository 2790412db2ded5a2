#!/usr/bin/env node
// The same integration suite under @vscode/test-electron, for machines that can download VS Code (a developer's
// laptop). This machine and CI cannot: they use harness/run.mjs (code-server + Chromium, offline).
//
//   npm run test:electron            (after npm run build)
//   PRECEDENT_VSCODE_VERSION=1.139.1 npm run test:electron      (default: stable)
//   PRECEDENT_VSCODE_EXECUTABLE=/path/to/code npm run test:electron   (an installed VS Code; no download)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import testElectron from '@vscode/test-electron';
import { buildSuite, checkExtensionBuilt, layOutFixtureWorkspace, ROOT } from './harness/build.mjs';
import { exitCodeFor, printSummary } from './harness/summary.mjs';

const { runTests } = testElectron;

checkExtensionBuilt();
const suite = await buildSuite();
const temp = mkdtempSync(join(tmpdir(), 'precedent-electron-'));
const resultsDir = join(temp, 'results');
const { workspaceFile } = layOutFixtureWorkspace(temp);

const extensionTestsEnv = { PRECEDENT_TEST_RESULTS: resultsDir };
if (process.env.PRECEDENT_TEST_GREP) extensionTestsEnv.PRECEDENT_TEST_GREP = process.env.PRECEDENT_TEST_GREP;

let runError;
try {
  await runTests({
    ...(process.env.PRECEDENT_VSCODE_EXECUTABLE
      ? { vscodeExecutablePath: process.env.PRECEDENT_VSCODE_EXECUTABLE }
      : { version: process.env.PRECEDENT_VSCODE_VERSION ?? 'stable' }),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suite.entry,
    extensionTestsEnv,
    launchArgs: [workspaceFile, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${join(temp, 'user-data')}`],
  });
} catch (error) {
  runError = error;
}

const resultsFile = join(resultsDir, 'results.json');
let exitCode = 1;
if (existsSync(resultsFile)) {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  printSummary(results);
  exitCode = exitCodeFor(results);
} else {
  console.error(`VS Code did not run the suite: ${runError?.message ?? 'no results were written'}`);
  console.log('0 passed, 1 failed');
}
rmSync(temp, { recursive: true, force: true });
process.exit(exitCode);
