// A real VS Code workbench, offline, shared by run.mjs (the mocha suite) and e2e.mjs (the browser run):
// code-server (installed once into a cache by install.mjs) on 127.0.0.1, with its profile, settings and a copy of
// the fixture workspace in a temp folder, and Debian's Chromium driven by playwright-core to open it.
//
//   const workbench = new Workbench({ name: 'integration', log });
//   workbench.stopOnSignals();
//   workbench.prepare();                        // temp folder, settings, copy of the fixture workspace
//   workbench.installExtension(harness, vsix);  // optional: a packaged extension, installed as a user would
//   await workbench.startServer(harness);       // code-server, waits for /healthz
//   const page = await workbench.launchBrowser(chromiumPath);
//   await workbench.open([['extensionDevelopmentPath', workbench.remote(ROOT)], ...]);
//   ...
//   await workbench.close();                    // browser, server's process group, temp folder (unless kept)
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_WORKSPACE, layOutFixtureWorkspace } from './build.mjs';

export const SERVER_TIMEOUT_MS = 60_000;

export const CHROMIUM_FLAGS = [
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
export const USER_SETTINGS = {
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

const PROFILE_DIRS = ['home', 'config', 'data', 'cache', 'state', 'tmp', 'user-data', 'extensions', 'results', 'chromium-profile', 'logs'];

/** An error whose message says it all (printed without a stack). */
export class RunError extends Error {}

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** `[label +12.3s] message`, timed from this call. */
export function createLog(label) {
  const t0 = Date.now();
  return (message) => console.log(`[${label} +${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}`);
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

export function tail(file, lines = 40) {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

export function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export class Workbench {
  /** code-server's ChildProcess, leader of its own process group. */
  server;
  /** How code-server ended (`exit 1`, `SIGTERM`), once it has. */
  serverExit;
  /** playwright BrowserContext and its page. */
  browser;
  page;
  pageClosed = false;
  tempRoot;
  dirs;
  workspace;
  /** The .code-workspace file opened instead of the folder, for a multi-root workspace. */
  workspaceFile;
  logs;
  port;
  base;

  /** name: in the temp folder's name and in messages; keep: leave the temp folder (profile, logs) in place. */
  constructor({ name, log, keep = false }) {
    this.name = name;
    this.log = log;
    this.keep = keep;
  }

  /**
   * The temp folder: profile folders, user settings, and a copy of the fixture workspace — with multiRoot, the
   * suite's two-folder workspace (build.mjs), opened by its .code-workspace file.
   */
  prepare({ fixture = FIXTURE_WORKSPACE, settings = USER_SETTINGS, multiRoot = false } = {}) {
    this.tempRoot = mkdtempSync(join(tmpdir(), `precedent-${this.name}-`));
    this.dirs = Object.fromEntries(PROFILE_DIRS.map((name) => [name, join(this.tempRoot, name)]));
    for (const dir of Object.values(this.dirs)) mkdirSync(dir, { recursive: true });
    if (multiRoot) {
      const { firstFolder, workspaceFile } = layOutFixtureWorkspace(this.tempRoot);
      this.workspace = firstFolder;
      this.workspaceFile = workspaceFile;
    } else {
      this.workspace = join(this.tempRoot, 'workspace');
      cpSync(fixture, this.workspace, { recursive: true });
    }
    mkdirSync(join(this.dirs['user-data'], 'User'), { recursive: true });
    writeFileSync(join(this.dirs['user-data'], 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    this.logs = {
      server: join(this.dirs.logs, 'code-server.log'),
      browser: join(this.dirs.logs, 'browser-console.log'),
    };
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
    Object.assign(env, {
      HOME: this.dirs.home,
      XDG_CONFIG_HOME: this.dirs.config,
      XDG_DATA_HOME: this.dirs.data,
      XDG_CACHE_HOME: this.dirs.cache,
      XDG_STATE_HOME: this.dirs.state,
      TMPDIR: this.dirs.tmp,
      // No extension gallery: code-server would otherwise query open-vsx.org (which it cannot reach here).
      EXTENSIONS_GALLERY: '{}',
    });
    delete env.PORT; // code-server would prefer $PORT to --bind-addr
    this.env = env;
    return this;
  }

  /** Installs a .vsix into the profile's extensions folder with `code-server --install-extension`, as a user would. */
  installExtension(harness, vsix) {
    const installArgs = [
      harness.codeServer,
      '--user-data-dir',
      this.dirs['user-data'],
      '--extensions-dir',
      this.dirs.extensions,
      '--install-extension',
      vsix,
    ];
    const result = spawnSync(harness.node, installArgs, {
      cwd: this.tempRoot,
      env: this.env,
      encoding: 'utf8',
      timeout: SERVER_TIMEOUT_MS,
    });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    if (result.status !== 0)
      throw new RunError(
        `code-server --install-extension ${vsix} failed (${result.error?.message ?? result.signal ?? `exit ${result.status}`}):\n${output}`,
      );
    return output;
  }

  /** code-server, on loopback only, with everything it writes inside the temp folder; resolves once it serves. */
  async startServer(harness) {
    const { dirs, tempRoot } = this;
    this.port = await freePort();
    const configFile = join(tempRoot, 'code-server.yaml');
    writeFileSync(configFile, `bind-addr: 127.0.0.1:${this.port}\nauth: none\ncert: false\n`);
    const serverArgs = [
      harness.codeServer,
      '--bind-addr',
      `127.0.0.1:${this.port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-proxy',
      '--disable-getting-started-override',
      '--vscode-option',
      'enable-smoke-test-driver',
      '--config',
      configFile,
      '--user-data-dir',
      dirs['user-data'],
      '--extensions-dir',
      dirs.extensions,
      '--ignore-last-opened',
    ];
    this.log(`starting code-server ${harness.info.codeServer} (Node ${harness.info.node}) on 127.0.0.1:${this.port}`);
    // detached: the child calls setsid(), so it leads its own process group and the whole group can be stopped.
    const server = spawn(harness.node, serverArgs, { cwd: tempRoot, env: this.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.server = server;
    server.stdout.on('data', (chunk) => appendFileSync(this.logs.server, chunk));
    server.stderr.on('data', (chunk) => appendFileSync(this.logs.server, chunk));
    server.on('exit', (code, signal) => (this.serverExit = signal ?? `exit ${code}`));

    this.base = `http://127.0.0.1:${this.port}`;
    for (let waited = 0; ; waited += 250) {
      if (this.serverExit)
        throw new RunError(`code-server stopped before it served (${this.serverExit}). Its log:\n${tail(this.logs.server)}`);
      if (waited > SERVER_TIMEOUT_MS) {
        throw new RunError(
          `code-server did not answer ${this.base}/healthz within ${SERVER_TIMEOUT_MS / 1000} s. Its log:\n${tail(this.logs.server)}`,
        );
      }
      try {
        const response = await fetch(`${this.base}/healthz`);
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    this.log('code-server is up');
  }

  /** Chromium, through playwright-core (the package only; its own browser downloads are never used). */
  async launchBrowser(chromiumPath, { viewport = { width: 1400, height: 900 } } = {}) {
    const { chromium } = await import('playwright-core');
    this.browser = await chromium.launchPersistentContext(this.dirs['chromium-profile'], {
      executablePath: chromiumPath,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport,
      env: { ...this.env, HOME: this.dirs.home },
    });
    const page = this.browser.pages()[0] ?? (await this.browser.newPage());
    this.page = page;
    page.on('close', () => (this.pageClosed = true));
    page.on('console', (message) => appendFileSync(this.logs.browser, `[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => appendFileSync(this.logs.browser, `[pageerror] ${error.stack ?? error}\n`));
    return page;
  }

  /** A path on this machine as the workbench names it (the server's file system). */
  remote(path) {
    return `vscode-remote://127.0.0.1:${this.port}${path}`;
  }

  /** Opens the workbench on the workspace copy; payload: [name, value] pairs (extensionDevelopmentPath, ...). */
  async open(payload) {
    const target = this.workspaceFile
      ? `workspace=${encodeURIComponent(this.workspaceFile)}`
      : `folder=${encodeURIComponent(this.workspace)}`;
    const url = `${this.base}/?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    this.log(`opening the workbench on ${this.workspaceFile ?? this.workspace}`);
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: SERVER_TIMEOUT_MS });
  }

  /** Stops code-server's whole process group (its watcher child outlives the parent otherwise). */
  async stopServer() {
    if (!this.server?.pid) return;
    const pid = this.server.pid;
    this.server = undefined;
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

  /** Releases everything, whatever happened: the browser, code-server, the temp folder (unless kept). */
  async close() {
    if (this.browser) {
      const context = this.browser;
      this.browser = undefined;
      await Promise.race([context.close().catch(() => {}), sleep(10_000)]);
    }
    await this.stopServer();
    if (this.tempRoot && !this.keep) rmSync(this.tempRoot, { recursive: true, force: true });
  }

  /** On Ctrl+C (or a kill), stop code-server and the browser before exiting. */
  stopOnSignals() {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(signal, () => {
        console.error(`\n[${this.name}] ${signal}: stopping code-server and the browser`);
        void this.close().finally(() => process.exit(130));
      });
    }
  }
}
