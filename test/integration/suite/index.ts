// Entry of the integration suite inside a real VS Code's extension host: the `extensionTestsPath` contract of
// @vscode/test-electron (export `run()`, resolve when done, reject on failures). The same file serves both
// runners: harness/run.mjs (code-server + Chromium, offline) and electron.mjs (@vscode/test-electron).
//
// The harness cannot see the extension host's console, so the suite writes to the folder in
// $PRECEDENT_TEST_RESULTS:
//   started.json   as soon as run() is called (the extension host is up and loaded the suite)
//   results.json   when mocha is done: counts, every test with its state, duration and error, and notes
// $PRECEDENT_TEST_GREP, if set, runs only the tests whose full title matches it.
// $PRECEDENT_TEST_RELEASE, if set, is a file the harness creates when it is done with the workbench: run()
// waits for it (up to 2 minutes) after writing results.json, because the extension host exits as soon as
// run() settles, and screenshots or UI checks of the workbench need it alive.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { notes } from './report';

export interface TestResult {
  title: string;
  fullTitle: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: { message: string; stack?: string };
}

export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  vscodeVersion: string;
  tests: TestResult[];
  notes: ReturnType<typeof notes>;
}

function writeJson(dir: string | undefined, name: string, value: unknown): void {
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  // Write then rename, so the harness never reads a half-written file.
  const file = path.join(dir, name);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(value, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

function vscodeVersion(): string {
  return vscode.version;
}

async function waitForRelease(file: string | undefined, timeoutMs: number): Promise<void> {
  if (!file) return;
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

export async function run(): Promise<void> {
  const resultsDir = process.env.PRECEDENT_TEST_RESULTS;
  const started = Date.now();
  writeJson(resultsDir, 'started.json', { pid: process.pid, node: process.version, vscode: vscodeVersion(), at: new Date().toISOString() });

  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  if (process.env.PRECEDENT_TEST_GREP) mocha.grep(process.env.PRECEDENT_TEST_GREP);
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of files) mocha.addFile(path.join(__dirname, name));

  const tests: TestResult[] = [];
  const record = (test: Mocha.Test, state: TestResult['state'], error?: Error): void => {
    tests.push({
      title: test.title,
      fullTitle: test.fullTitle(),
      file: test.file ? path.basename(test.file) : undefined,
      state,
      durationMs: test.duration,
      error: error ? { message: String(error.message ?? error), stack: error.stack } : undefined,
    });
  };

  let failures = 0;
  try {
    await mocha.loadFilesAsync();
    failures = await new Promise<number>((resolve) => {
      const runner = mocha.run((count) => resolve(count));
      runner.on('pass', (test) => record(test, 'passed'));
      runner.on('fail', (test, error) => {
        // A failing hook is reported as a "test" too (e.g. '"before all" hook for ...').
        record(test, 'failed', error as Error);
      });
      runner.on('pending', (test) => record(test, 'pending'));
    });
  } catch (error) {
    // The suite could not even load (a syntax error, a missing module): report it as one failure.
    const err = error instanceof Error ? error : new Error(String(error));
    tests.push({
      title: 'load the integration suite',
      fullTitle: 'load the integration suite',
      state: 'failed',
      error: { message: err.message, stack: err.stack },
    });
    failures = Math.max(failures, 1);
  }

  const results: SuiteResults = {
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length,
    pending: tests.filter((t) => t.state === 'pending').length,
    durationMs: Date.now() - started,
    vscodeVersion: vscodeVersion(),
    tests,
    notes: notes(),
  };
  writeJson(resultsDir, 'results.json', results);
  await waitForRelease(process.env.PRECEDENT_TEST_RELEASE, 120_000);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
