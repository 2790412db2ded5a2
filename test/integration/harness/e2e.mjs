#!/usr/bin/env node
// One end-to-end run in the browser, driven like a person: code-server with this repository loaded as the extension
// under development (no test runner inside), or with --vsix the packaged extension installed instead, on a temp copy
// of test/integration/fixtures/workspace, and Chromium typing and hovering in the workbench. First the status bar
// must show "Precedent: N documents"; then three checks, each saved as a screenshot:
//   problems.png     the Problems panel lists the resolution-year finding on the draft
//   hover.png        the hover card on "2231" in the draft says "adopted on 20 July 2015"
//   ghost-text.png   after typing "In that regard, Japan has pledged approximately", ghost text offers "23 million"
//   config-schema.png  a .precedent.json: "loud" is marked as no severity, and Ctrl+Space in "checks" lists the codes
//                    with their descriptions (the schema the extension contributes)
//   panel-dark.png   the cursor in panel-draft.md's UNODC sentence, Ctrl+Alt+P: the Precedent panel shows the verbatim
//                    record's sentence first; arrows move; in the Dark Modern theme; Enter uses its wording, Ctrl+Z
//                    restores the draft's
//   panel-readme.png the draft and the panel, cropped (docs/panel.png, in the README, is a copy)
//   panel-light.png  the same panel after switching to the Light Modern theme (Ctrl+K Ctrl+T)
//   panel-high-contrast.png  and in the Dark High Contrast theme
//   compare.png      Compare Paragraph with Precedent, the first of the closest precedents: the diff wraps words
//   status.png       the mouse on the status bar item: the tooltip lists each corpus folder with its documents
//   walkthrough.png  F1, "Welcome: Open Walkthrough", "Draft with Precedent": the walkthrough's steps
//   example-draft.png  its step "Open an example draft", its button: the example opens unsaved, a finding underlined
//   context-menu.png a right-click in the example draft, "Precedent": the submenu of Precedent's commands
//   quick-fix.png    the cursor in its "2231", Ctrl+.: "Cite resolution 2331 (2016)" first (the year and the month
//                    stated after it are 2331's), then the fix of the year and the date together
//   fact-hover.png   the mouse on "32 million" in the example draft: the card answers first with the corpus's 23 million
//   server-*.png     a team corpus on a PostgreSQL server started for the run (teamServer.mjs), set in the user
//                    settings: server-status (the status bar's tooltip names the server and its collection),
//                    server-picker (Find Past Phrasing: an item from the server, its year, speaker and "server: team"
//                    on its second line),
//                    server-document (its "open the source" button: the read-only precedent-db: document at the
//                    passage), server-hover (a citation's card quotes the server's passage and links it),
//                    server-down-hover (the server stopped: the card says "Server unavailable: local corpus only"),
//                    server-down / server-down-dark (the server stopped: "server unreachable" and why, in the light
//                    and dark themes), server-back (started again: the status bar names it again, reconnected)
//   extension-page.png  (--vsix only) the installed extension's page: its icon and the README a drafter reads first
//
//   npm run build && npm run test:e2e [-- --out DIR] [-- --keep]
//   npm run test:vsix                   (the same run with --vsix)
//
// --vsix         `npm run package`, install the .vsix with code-server's --install-extension into the test profile,
//                and open the workbench without the development extension: what a user who installs it sees
// --out DIR      where the screenshots go (default test/integration/screenshots/, with --vsix its vsix/ folder;
//                PRECEDENT_E2E_OUT)
// --keep         keep the temp folder (profile, workspace copy, logs) even if every check passed
// --slow N       multiply every step's timeout by N (a slow machine)
// Without --vsix it builds nothing: it loads dist/, from `npm run build`. With --vsix, packaging leaves the release
// build in dist/. A step that fails saves failure-<step>.png.
// Exits 0 only if every check passed; prints `N passed, M failed` last.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkExtensionBuilt, INTEGRATION_DIR, ROOT } from './build.mjs';
import { ensureHarness, findChromium, HarnessError, harnessPackages } from './install.mjs';
import { DebianPackageError, ensureDebianPackages } from './systemPackages.mjs';
import { startTeamServer } from './teamServer.mjs';
import { createLog, RunError, sleep, tail, USER_SETTINGS, Workbench } from './workbench.mjs';

const { values: args } = parseArgs({
  options: {
    vsix: { type: 'boolean', default: false },
    out: { type: 'string', default: process.env.PRECEDENT_E2E_OUT },
    keep: { type: 'boolean', default: false },
    slow: { type: 'string', default: '1' },
  },
});
const OUT = resolve(args.out ?? join(INTEGRATION_DIR, 'screenshots', args.vsix ? 'vsix' : ''));
const SLOW = Number(args.slow) > 0 ? Number(args.slow) : 1;
const DRAFT = 'trafficking-draft.md';
const SERVER_CHECKS = [
  'server-status',
  'server-picker',
  'server-document',
  'server-hover',
  'server-down-hover',
  'server-down',
  'server-down-dark',
  'server-back',
];
const TEAM_DRAFT = 'team-draft.md';
const CHECKS = [
  'problems',
  'hover',
  'ghost-text',
  'panel-dark',
  'panel-light',
  'panel-high-contrast',
  'compare',
  'config-schema',
  'status',
  'walkthrough',
  'example-draft',
  'context-menu',
  'quick-fix',
  'fact-hover',
  ...SERVER_CHECKS,
  ...(args.vsix ? ['extension-page'] : []),
];
const PANEL_DRAFT = 'panel-draft.md';
const PANEL_SENTENCE = 'Japan attaches great importance to the assistance';
const CONFIG_TEXT = '{\n  "checks": {\n    "repeated-word": "loud"\n  }\n}\n';
const EXPECTED_PROBLEM = '2016 → 2015: Security Council resolution 2231 was adopted on 20 July 2015. Did you mean resolution 2331';
const TYPED = 'In that regard, Japan has pledged approximately';

const log = createLog('e2e');
const workbench = new Workbench({ name: 'e2e', log, keep: args.keep });
workbench.stopOnSignals();
const started = Date.now();

/** A step that failed: its message says what was expected and what was seen instead. */
class StepError extends Error {}

const outcomes = new Map(); // check name -> { ok, file?, message? }
const screenshots = [];

function display(file) {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

async function screenshot(name) {
  const file = join(OUT, `${name}.png`);
  await workbench.page.screenshot({ path: file, timeout: 15_000 });
  screenshots.push(file);
  log(`screenshot saved: ${display(file)}`);
  return file;
}

/**
 * Runs one step within timeoutS seconds (times --slow). `fn(deadline)` waits with playwright timeouts or
 * `until`; on failure the step saves failure-<name>.png and throws a StepError that names the step.
 */
async function step(name, what, timeoutS, fn) {
  const timeoutMs = timeoutS * 1000 * SLOW;
  const deadline = Date.now() + timeoutMs;
  log(`${name}: ${what}`);
  let timer;
  try {
    const overrun = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new StepError(`no result within ${timeoutMs / 1000} s`)), timeoutMs + 5000);
    });
    return await Promise.race([fn(deadline), overrun]);
  } catch (error) {
    let message = error instanceof StepError ? error.message : (error?.message ?? String(error)).split('\n')[0];
    if (workbench.serverExit) message += ` (code-server stopped: ${workbench.serverExit}; its log:\n${tail(workbench.logs.server)})`;
    let shot = '';
    if (workbench.page && !workbench.page.isClosed()) {
      try {
        shot = `; screenshot ${display(await screenshot(`failure-${name}`))}`;
      } catch (shotError) {
        shot = `; no screenshot (${String(shotError.message).split('\n')[0]})`;
      }
    }
    throw new StepError(`step "${name}" failed: ${what}: ${message}${shot}`);
  } finally {
    clearTimeout(timer);
  }
}

const remaining = (deadline) => Math.max(1000, deadline - Date.now());

/** Polls probe() until it returns { ok: true }; past the deadline, throws with describe(last probe's value). */
async function until(deadline, probe, describe) {
  let last;
  for (;;) {
    last = await probe();
    if (last?.ok) return last;
    if (Date.now() > deadline) throw new StepError(describe(last));
    await sleep(200);
  }
}

/**
 * Where a piece of text is in the active editor's rendered lines (.view-line spans), in page pixels: the first or
 * last occurrence on screen (view lines are reused DOM nodes, so screen order is by position, not DOM order).
 */
function locateText(page, text, { occurrence = 'first', offset = 0, length = text.length } = {}) {
  return page.evaluate(
    ({ text, occurrence, offset, length }) => {
      const lines = document.querySelector('.part.editor .editor-group-container.active .monaco-editor .view-lines');
      if (!lines) return null;
      const found = [];
      for (const line of lines.querySelectorAll('.view-line')) {
        // A line's text is split across token spans; the editor renders some spaces as U+00A0.
        const nodes = [];
        let joined = '';
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          nodes.push({ node, start: joined.length });
          joined += node.data.replace(/\u00a0/g, ' ');
        }
        const index = joined.indexOf(text);
        if (index < 0) continue;
        const at = (position) => {
          const hit = nodes.findLast((n) => n.start <= position && (position < n.start + n.node.data.length || n === nodes.at(-1)));
          return [hit.node, position - hit.start];
        };
        const range = document.createRange();
        range.setStart(...at(index + offset));
        range.setEnd(...at(index + offset + length));
        const rect = range.getBoundingClientRect();
        found.push({ x: rect.left, y: rect.top, width: rect.width, height: rect.height, right: rect.right, bottom: rect.bottom });
      }
      if (found.length === 0) return null;
      found.sort((a, b) => a.y - b.y);
      return occurrence === 'last' ? found[found.length - 1] : found[0];
    },
    { text, occurrence, offset, length },
  );
}

/** The text of the visible editor hover widgets. */
function hoverTexts(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.monaco-hover')]
      .filter((element) => element.offsetParent !== null && element.getBoundingClientRect().height > 0)
      .map((element) => element.innerText.trim())
      .filter(Boolean),
  );
}

/** Ctrl+P, the file's name, Enter: resolves once its editor tab is active. */
async function quickOpen(name, deadline) {
  const page = workbench.page;
  await page.keyboard.press('Escape');
  await page
    .locator('.part.editor')
    .click({ position: { x: 300, y: 300 }, timeout: remaining(deadline) })
    .catch(() => {});
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ timeout: remaining(deadline) });
  await input.pressSequentially(name, { delay: 30 });
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label^="${name}"]`).first();
  try {
    await row.waitFor({ timeout: remaining(deadline) });
  } catch {
    const rows = await page
      .locator('.quick-input-list .monaco-list-row')
      .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
    throw new StepError(`Quick Open listed no "${name}" row (rows: ${rows.length ? rows.join(' | ') : 'none'})`);
  }
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ timeout: remaining(deadline) });
}

/** `npm run package`, the .vsix written to `file`. */
function packageVsix(file) {
  log(`npm run package: ${file}`);
  const result = spawnSync('npm', ['run', 'package', '--', '--out', file], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0)
    throw new RunError(`npm run package failed (${result.error?.message ?? result.signal ?? `exit ${result.status}`})`);
}

async function main() {
  // ---- what the run needs: the extension built, the harness installed, the browser --------------------
  if (!args.vsix) {
    try {
      checkExtensionBuilt();
    } catch (error) {
      throw new RunError(
        `${error.message}\n(test:e2e builds nothing: it loads the extension from dist/, so run \`npm run build && npm run test:e2e\`)`,
      );
    }
  }
  ensureDebianPackages(harnessPackages(), 'the end-to-end run');
  const chromiumPath = findChromium();
  const harness = await ensureHarness();
  mkdirSync(OUT, { recursive: true });
  for (const name of readdirSync(OUT)) {
    if (name.endsWith('.png') && (CHECKS.includes(name.slice(0, -4)) || name.startsWith('failure-') || name.startsWith('panel-')))
      rmSync(join(OUT, name), { force: true });
  }

  // No secondary side bar (empty here, with chat disabled): the editor gets the width.
  workbench.prepare({ settings: { ...USER_SETTINGS, 'workbench.secondarySideBar.defaultVisibility': 'hidden' } });
  // The team server's draft: it cites what only the server's collection holds.
  writeFileSync(
    join(workbench.workspace, 'drafts', TEAM_DRAFT),
    'Mr. President,\n\nJapan supports the QFC and recalls resolution 2917 (2025) on coastal fisheries.\n',
  );
  if (args.vsix) {
    const vsix = join(workbench.tempRoot, 'precedent.vsix');
    packageVsix(vsix);
    log(workbench.installExtension(harness, vsix));
  }
  await workbench.startServer(harness);
  const page = await workbench.launchBrowser(chromiumPath);
  // With --vsix, a plain workbench with the installed extension; else an Extension Development Host (no tests).
  await workbench.open(args.vsix ? [] : [['extensionDevelopmentPath', workbench.remote(ROOT)]]);

  // ---- the workbench, with the corpus indexed and the draft open ----------------------------------------
  await step('workbench', 'the workbench loads', 60, async (deadline) => {
    await page.locator('.monaco-workbench').waitFor({ timeout: remaining(deadline) });
    await page.locator('.part.statusbar').waitFor({ timeout: remaining(deadline) });
  });
  const status = await step('status-bar', 'the status bar shows "Precedent: N documents" (the corpus is indexed)', 90, async (deadline) => {
    const item = page.locator('.part.statusbar .statusbar-item', { hasText: /Precedent: \d+ documents/ }).first();
    try {
      await item.waitFor({ timeout: remaining(deadline) });
    } catch {
      const seen = await page
        .locator('.part.statusbar .statusbar-item', { hasText: 'Precedent' })
        .allInnerTexts()
        .catch(() => []);
      throw new StepError(
        seen.length
          ? `the Precedent item says ${seen.map((t) => JSON.stringify(t.trim())).join(', ')}`
          : 'no Precedent item in the status bar (did the extension activate?)',
      );
    }
    return (await item.innerText()).trim();
  });
  log(`status bar: ${status}`);

  await step('open-draft', `Ctrl+P, "${DRAFT}", Enter: the editor shows the draft`, 45, async (deadline) => {
    await quickOpen(DRAFT, deadline);
    await page
      .locator('.part.editor .monaco-editor .view-line', { hasText: 'Resolution 2231' })
      .first()
      .waitFor({ timeout: remaining(deadline) });
  });

  // ---- the checks: each one runs even if the one before failed --------------------------------------------
  const check = async (name, fn) => {
    try {
      const file = await fn();
      outcomes.set(name, { ok: true, file });
      log(`✔ ${name}`);
    } catch (error) {
      if (!(error instanceof StepError)) throw error;
      outcomes.set(name, { ok: false, message: error.message });
      log(`✖ ${error.message}`);
      await page.keyboard.press('Escape').catch(() => {});
    }
  };

  await check('problems', () =>
    step('problems', 'Ctrl+Shift+M: the Problems panel lists the resolution-year problem', 30, async (deadline) => {
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ timeout: remaining(deadline) });
      const rowTexts = () =>
        panel
          .locator('.monaco-list-row')
          .evaluateAll((els) => els.map((el) => `${el.innerText.replace(/\s+/g, ' ').trim()} ${el.getAttribute('aria-label') ?? ''}`));
      await until(
        deadline,
        async () => {
          const rows = await rowTexts();
          return { ok: rows.some((row) => row.includes('resolution-year') && row.includes(EXPECTED_PROBLEM)), rows };
        },
        (last) => `no row with "resolution-year" and "${EXPECTED_PROBLEM}" (rows: ${last.rows.length ? last.rows.join(' | ') : 'none'})`,
      );
      await sleep(300); // let the panel finish painting
      const file = await screenshot('problems');
      // Close the panel; Ctrl+Shift+M toggles the Problems view when it has the focus, Ctrl+J the whole panel.
      await page.keyboard.press('Control+Shift+M');
      try {
        await panel.waitFor({ state: 'hidden', timeout: 3000 });
      } catch {
        await page.keyboard.press('Control+J');
        await panel.waitFor({ state: 'hidden', timeout: remaining(deadline) });
      }
      return file;
    }),
  );

  await check('hover', () =>
    step('hover', 'the mouse over "2231" in the draft: the hover card says "adopted on 20 July 2015"', 30, async (deadline) => {
      let last = [];
      for (let attempt = 0; ; attempt++) {
        const box = await locateText(page, '2231', { offset: 1, length: 2 });
        if (!box) throw new StepError('the text "2231" is not in the editor\'s rendered lines');
        // From outside the word, as a hand would; the hover shows after editor.hover.delay (300 ms).
        await page.mouse.move(box.x - 60, box.y + box.height / 2 + 40);
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
        const attemptEnd = Math.min(deadline, Date.now() + 6000);
        while (Date.now() < attemptEnd) {
          last = await hoverTexts(page);
          if (last.some((text) => text.includes('adopted on 20 July 2015'))) break;
          await sleep(200);
        }
        if (last.some((text) => text.includes('adopted on 20 July 2015'))) break;
        if (Date.now() >= deadline) {
          throw new StepError(
            last.length ? `the hover shows ${last.map((t) => JSON.stringify(t)).join(' | ')}` : 'no hover widget (.monaco-hover) appeared',
          );
        }
        log(`hover: not yet (attempt ${attempt + 1}); moving the mouse away and back`);
      }
      await sleep(500); // the card renders its markdown
      const file = await screenshot('hover');
      log(`hover card text: ${JSON.stringify(last.find((text) => text.includes('adopted on 20 July 2015')))}`);
      await page.mouse.move(5, 450);
      await page.keyboard.press('Escape');
      return file;
    }),
  );

  await check('ghost-text', () =>
    step(
      'ghost-text',
      `a click after the last paragraph, Enter twice, "${TYPED}": ghost text offers "23 million"`,
      45,
      async (deadline) => {
        const end = await locateText(page, 'Office.', { occurrence: 'last' });
        if (!end) throw new StepError('the end of the last paragraph ("Office.") is not in the editor\'s rendered lines');
        await page.mouse.click(end.right + 40, end.y + end.height / 2);
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
        await page.keyboard.type(TYPED, { delay: 70 });
        await page
          .locator('.part.editor .monaco-editor .view-line', { hasText: TYPED })
          .first()
          .waitFor({ timeout: remaining(deadline) });
        const ghost = await until(
          deadline,
          () =>
            page.evaluate(() => {
              const editor = document.querySelector('.part.editor .editor-group-container.active .monaco-editor');
              const parts = editor
                ? [...editor.querySelectorAll('.ghost-text-decoration, .ghost-text-decoration-preview, .ghost-text')]
                : [];
              const text = parts
                .map((el) => el.textContent)
                .join('')
                .replace(/\u00a0/g, ' ');
              return { ok: text.includes('23 million'), text };
            }),
          (last) =>
            last.text
              ? `the ghost text is ${JSON.stringify(last.text)}`
              : 'no ghost text (.ghost-text-decoration, .ghost-text) in the editor',
        );
        await sleep(300);
        const file = await screenshot('ghost-text');
        log(`ghost text: ${JSON.stringify(ghost.text)}`);
        return file;
      },
    ),
  );

  await panelChecks(page, check);

  await check('config-schema', () =>
    step(
      'config-schema',
      'a .precedent.json with "loud" for a severity: a warning squiggle, and Ctrl+Space in "checks" lists the check codes',
      60,
      async (deadline) => {
        // Written last, so that it cannot change the findings the checks above look for.
        writeFileSync(join(workbench.workspace, '.precedent.json'), CONFIG_TEXT);
        await quickOpen('.precedent.json', deadline);
        const editor = page.locator('.part.editor .editor-group-container.active .monaco-editor');
        await editor
          .locator('.squiggly-warning')
          .first()
          .waitFor({ timeout: remaining(deadline) });
        const opening = await locateText(page, '"checks": {');
        if (!opening) throw new StepError('the line "checks": { is not in the editor\'s rendered lines');
        await page.mouse.click(opening.right + 40, opening.y + opening.height / 2);
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Control+Space');
        const suggestions = page.locator('.suggest-widget.visible .monaco-list-row');
        const labels = await until(
          deadline,
          async () => {
            const rows = await suggestions.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.innerText));
            return { ok: rows.some((row) => row.includes('resolution-year')), rows };
          },
          (last) => `the suggestions do not offer resolution-year (rows: ${last.rows.length ? last.rows.join(' | ') : 'none'})`,
        );
        // Ctrl+Space again shows the focused code's description beside the list.
        await page.keyboard.press('Control+Space');
        await sleep(800);
        const file = await screenshot('config-schema');
        log(`suggestions: ${labels.rows.slice(0, 5).join(' | ')} …`);
        await page.keyboard.press('Escape');
        return file;
      },
    ),
  );

  await check('status', () =>
    step('status', 'the mouse on the status bar item: the tooltip lists each corpus folder with its documents', 30, async (deadline) => {
      await page.keyboard.press('Escape');
      const item = page.locator('.part.statusbar .statusbar-item', { hasText: /Precedent: \d+ documents/ }).first();
      await item.hover({ timeout: remaining(deadline) });
      const tooltip = await until(
        deadline,
        () =>
          page.evaluate(() => {
            const hovers = [...document.querySelectorAll('.monaco-hover, .workbench-hover')].filter((el) => el.offsetParent !== null);
            const text = hovers.map((el) => el.innerText).join(' | ');
            return { ok: /bundled corpus: \d+ documents/.test(text), text };
          }),
        (last) => (last.text ? `the tooltip says ${JSON.stringify(last.text)}` : 'no tooltip on the status bar item'),
      );
      await sleep(300);
      const file = await screenshot('status');
      log(`status tooltip: ${JSON.stringify(tooltip.text)}`);
      await page.mouse.move(600, 300);
      return file;
    }),
  );

  /** F1, a command's title, Enter. */
  const runCommand = async (title, deadline) => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ timeout: remaining(deadline) });
    await input.pressSequentially(title, { delay: 20 });
    await page
      .locator(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`)
      .first()
      .waitFor({ timeout: remaining(deadline) });
    await page.keyboard.press('Enter');
  };

  await check('walkthrough', () =>
    step(
      'walkthrough',
      'F1, "Welcome: Open Walkthrough", "Draft with Precedent": the walkthrough lists its steps',
      45,
      async (deadline) => {
        await runCommand('Open Walkthrough', deadline);
        const input = page.locator('.quick-input-widget input.input');
        await input.pressSequentially('Draft with Precedent', { delay: 20 });
        await page
          .locator('.quick-input-list .monaco-list-row', { hasText: 'Draft with Precedent' })
          .first()
          .waitFor({ timeout: remaining(deadline) });
        await page.keyboard.press('Enter');
        const steps = page.locator('.gettingStartedContainer .getting-started-step');
        await page
          .locator('.gettingStartedContainer', { hasText: 'Choose your corpus folder(s)' })
          .first()
          .waitFor({ timeout: remaining(deadline) });
        await sleep(1000); // the step's Markdown media renders
        const file = await screenshot('walkthrough');
        log(`walkthrough steps: ${(await steps.allInnerTexts().catch(() => [])).map((t) => t.split('\n')[0]).join(' | ')}`);
        return file;
      },
    ),
  );

  await check('example-draft', () =>
    step(
      'example-draft',
      'the step "Open an example draft", its button: the example opens unsaved, its findings underlined',
      45,
      async (deadline) => {
        await page
          .locator('.getting-started-step', { hasText: 'Open an example draft' })
          .first()
          .click({ timeout: remaining(deadline) });
        await page
          .locator('.getting-started-step.expanded a, .getting-started-step.expanded button', { hasText: 'Open Example Draft' })
          .first()
          .click({ timeout: remaining(deadline) });
        await page.locator('.tabs-container .tab.active[aria-label^="Untitled"]').waitFor({ timeout: remaining(deadline) });
        const editor = page.locator('.part.editor .editor-group-container.active .monaco-editor');
        await editor
          .locator('.squiggly-warning')
          .first()
          .waitFor({ timeout: remaining(deadline) });
        await sleep(500);
        return screenshot('example-draft');
      },
    ),
  );

  await check('context-menu', () =>
    step('context-menu', 'a right-click in the example draft, "Precedent": the submenu lists Find Past Phrasing', 30, async (deadline) => {
      const box = await locateText(page, 'Mr. President,');
      if (!box) throw new StepError('the line "Mr. President," is not in the editor\'s rendered lines');
      await page.mouse.click(box.x + 20, box.y + box.height / 2, { button: 'right' });
      const precedent = page.locator('.monaco-menu .action-item', { hasText: /^Precedent$/ }).first();
      await precedent.waitFor({ timeout: remaining(deadline) });
      await precedent.hover();
      await page
        .locator('.monaco-menu .action-item', { hasText: 'Find Past Phrasing' })
        .first()
        .waitFor({ timeout: remaining(deadline) });
      await sleep(400);
      const file = await screenshot('context-menu');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      return file;
    }),
  );

  await check('quick-fix', () =>
    step(
      'quick-fix',
      'the cursor in "2231" of the example draft, Ctrl+.: "Cite resolution 2331 (2016)" first, then the year and date fix',
      30,
      async (deadline) => {
        const box = await locateText(page, '2231', { offset: 0, length: 4 });
        if (!box) throw new StepError('the text "2231" is not in the editor\'s rendered lines');
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        await page.keyboard.press('Control+.');
        const menu = page.locator('.action-widget', { hasText: 'Cite resolution 2331 (2016)' }).first();
        await menu.waitFor({ timeout: remaining(deadline) });
        const items = (await menu.innerText()).split('\n').filter((line) => /^(Cite|Change)/.test(line.trim()));
        if (!items[0]?.includes('Cite resolution 2331 (2016)') || !items[1]?.includes('Change the year to 2015 and the date to July 2015'))
          throw new StepError(`the fixes read ${JSON.stringify(items)}`);
        await sleep(400);
        const file = await screenshot('quick-fix');
        await page.keyboard.press('Escape');
        return file;
      },
    ),
  );

  await check('fact-hover', () =>
    step(
      'fact-hover',
      'the mouse on "32 million" in the example draft: the card\'s first line is the corpus\'s 23 million',
      30,
      async (deadline) => {
        let last = [];
        for (;;) {
          const box = await locateText(page, '32 million', { offset: 0, length: 2 });
          if (!box) throw new StepError('the text "32 million" is not in the editor\'s rendered lines');
          // A click in the text first: the editor takes the focus back from the closed context menu.
          await page.mouse.click(box.x - 60, box.y + box.height / 2 + 40);
          await page.mouse.move(box.x - 60, box.y + box.height / 2 + 40);
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
          const attemptEnd = Math.min(deadline, Date.now() + 6000);
          while (Date.now() < attemptEnd) {
            last = await hoverTexts(page);
            if (last.some((text) => text.includes('23 million US dollars'))) break;
            await sleep(200);
          }
          if (last.some((text) => text.includes('23 million US dollars'))) break;
          if (Date.now() >= deadline) throw new StepError(`the hover shows ${last.map((t) => JSON.stringify(t)).join(' | ') || 'nothing'}`);
        }
        await sleep(500);
        const file = await screenshot('fact-hover');
        log(`fact card text: ${JSON.stringify(last.find((text) => text.includes('23 million US dollars')))}`);
        await page.mouse.move(5, 450);
        await page.keyboard.press('Escape');
        return file;
      },
    ),
  );

  await serverChecks(page, check);

  if (args.vsix) {
    await check('extension-page', () =>
      step('extension-page', 'F1, "Extensions: Show Installed Extensions", Precedent: its page shows the README', 45, async (deadline) => {
        await runCommand('Show Installed Extensions', deadline);
        await page
          .locator('.extensions-viewlet .monaco-list-row', { hasText: 'Precedent' })
          .first()
          .click({ timeout: remaining(deadline) });
        await page
          .locator('.extension-editor .header .name', { hasText: 'Precedent' })
          .first()
          .waitFor({ timeout: remaining(deadline) });
        await sleep(3000); // the README renders in its webview, with its pictures
        const file = await screenshot('extension-page');
        // Further down the README: its first pictures, which are packaged (docs/images/).
        await page.mouse.move(700, 600);
        await page.mouse.wheel(0, 900);
        await sleep(1000);
        await screenshot('extension-page-pictures');
        return file;
      }),
    );
  }
}

/** The mouse on Precedent's status bar item until its tooltip says `expected`; returns the tooltip's text. */
async function statusTooltip(page, expected, deadline) {
  await page.mouse.move(600, 300);
  await sleep(300);
  const item = page.locator('.part.statusbar .statusbar-item', { hasText: /Precedent: \d+ documents/ }).first();
  await item.hover({ timeout: remaining(deadline) });
  const tooltip = await until(
    deadline,
    () =>
      page.evaluate((source) => {
        const hovers = [...document.querySelectorAll('.monaco-hover, .workbench-hover')].filter((el) => el.offsetParent !== null);
        const text = hovers.map((el) => el.innerText).join(' | ');
        return { ok: new RegExp(source).test(text), text };
      }, expected.source),
    (last) => (last.text ? `the tooltip says ${JSON.stringify(last.text)}` : 'no tooltip on the status bar item'),
  );
  await sleep(300);
  return tooltip.text;
}

/** The status bar item's text once it matches `pattern`. */
async function statusText(page, pattern, deadline) {
  const item = page.locator('.part.statusbar .statusbar-item', { hasText: pattern }).first();
  try {
    await item.waitFor({ timeout: remaining(deadline) });
  } catch {
    const seen = await page
      .locator('.part.statusbar .statusbar-item', { hasText: 'Precedent' })
      .allInnerTexts()
      .catch(() => []);
    throw new StepError(`the Precedent item says ${seen.map((t) => JSON.stringify(t.trim())).join(', ') || 'nothing'}`);
  }
  return (await item.innerText()).trim();
}

/** The mouse over `text` in the active editor until a hover card holds `expected`; returns the card's text. */
async function hoverOver(page, text, expected, deadline) {
  let last = [];
  while (Date.now() < deadline) {
    const box = await locateText(page, text, { offset: 1, length: 2 });
    if (!box) throw new StepError(`the text "${text}" is not in the editor's rendered lines`);
    await page.mouse.move(box.x - 60, box.y + box.height / 2 + 40);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    const attemptEnd = Math.min(deadline, Date.now() + 6000);
    while (Date.now() < attemptEnd) {
      last = await hoverTexts(page);
      const card = last.find((t) => expected.test(t));
      if (card) return card;
      await sleep(200);
    }
  }
  throw new StepError(last.length ? `the hover shows ${last.map((t) => JSON.stringify(t)).join(' | ')}` : 'no hover widget appeared');
}

/**
 * A team corpus on a PostgreSQL server: set in the workspace settings once the rest is done, so that the checks above
 * see the local corpus alone. The server is stopped and started again under the editor.
 */
async function serverChecks(page, check) {
  let server;
  try {
    server = await startTeamServer(log);
  } catch (error) {
    for (const name of SERVER_CHECKS) outcomes.set(name, { ok: false, message: `no PostgreSQL server: ${error.message}` });
    return;
  }
  try {
    await check('server-status', () =>
      step('server-status', 'precedent.server.url set: the status bar names the server and its collection', 60, async (deadline) => {
        // The workspace's settings, as a team would commit them (the file is watched; the user settings are not).
        mkdirSync(join(workbench.workspace, '.vscode'), { recursive: true });
        writeFileSync(
          join(workbench.workspace, '.vscode', 'settings.json'),
          JSON.stringify({ 'precedent.server.url': server.url }, null, 2),
        );
        log(`status bar: ${await statusText(page, /server: 1 document/, deadline)}`);
        const tooltip = await statusTooltip(page, /Team server[\s\S]*team/, deadline);
        log(`status tooltip: ${JSON.stringify(tooltip)}`);
        return screenshot('server-status');
      }),
    );
    await check('server-picker', () =>
      step(
        'server-picker',
        'F1 "Find Past Phrasing", "quillfeather maritime": the server\'s passage, "server: team"',
        45,
        async (deadline) => {
          await page.mouse.move(600, 300);
          await quickOpen(TEAM_DRAFT, deadline);
          await page.keyboard.press('F1');
          const input = page.locator('.quick-input-widget input.input');
          await input.waitFor({ timeout: remaining(deadline) });
          await input.pressSequentially('Find Past Phrasing', { delay: 20 });
          await page
            .locator('.quick-input-list .monaco-list-row', { hasText: 'Find Past Phrasing' })
            .first()
            .waitFor({ timeout: remaining(deadline) });
          await page.keyboard.press('Enter');
          await sleep(500);
          await input.pressSequentially('quillfeather maritime cooperation', { delay: 30 });
          await page
            .locator('.quick-input-list .monaco-list-row', { hasText: 'server: team' })
            .first()
            .waitFor({ timeout: remaining(deadline) });
          await sleep(500);
          return screenshot('server-picker');
        },
      ),
    );
    await check('server-document', () =>
      step('server-document', 'the item\'s "Open the source" button: the precedent-db: document at the passage', 45, async (deadline) => {
        const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'server: team' }).first();
        await row.hover({ timeout: remaining(deadline) });
        await row.locator('.action-label[aria-label^="Open the source"]').click({ timeout: remaining(deadline) });
        await page.locator('.tabs-container .tab.active[aria-label*="quillfeather-compact.md"]').waitFor({ timeout: remaining(deadline) });
        await page
          .locator('.part.editor .editor-group-container.active .monaco-editor .selected-text')
          .first()
          .waitFor({ timeout: remaining(deadline) });
        await sleep(500);
        return screenshot('server-document');
      }),
    );
    await check('server-hover', () =>
      step('server-hover', 'the mouse over "2917" in the team draft: the card quotes the server\'s passage', 45, async (deadline) => {
        await quickOpen(TEAM_DRAFT, deadline);
        const card = await hoverOver(page, '2917', /server: team/, deadline);
        log(`server hover: ${JSON.stringify(card)}`);
        await sleep(500);
        const file = await screenshot('server-hover');
        await page.mouse.move(5, 450);
        return file;
      }),
    );
    await check('server-down-hover', () =>
      step(
        'server-down-hover',
        'the server stopped, the mouse over "2917": the card says it is the local corpus only',
        45,
        async (deadline) => {
          server.halt();
          // The next question finds it gone (else the heartbeat would, within 15 s).
          const card = await hoverOver(page, '2917', /Server unavailable/, deadline);
          log(`hover without the server: ${JSON.stringify(card)}`);
          await sleep(500);
          const file = await screenshot('server-down-hover');
          await page.mouse.move(5, 450);
          return file;
        },
      ),
    );
    await check('server-down', () =>
      step('server-down', 'the server stopped: the status bar says "server unreachable", the tooltip why', 60, async (deadline) => {
        log(`status bar: ${await statusText(page, /server unreachable/, deadline)}`);
        const tooltip = await statusTooltip(page, /Unavailable:/, deadline);
        log(`status tooltip: ${JSON.stringify(tooltip)}`);
        return screenshot('server-down');
      }),
    );
    await check('server-down-dark', () =>
      step('server-down-dark', 'Ctrl+K Ctrl+T "Dark Modern": the same status in the dark theme', 45, async (deadline) => {
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+T');
        const input = page.locator('.quick-input-widget input.input');
        await input.waitFor({ timeout: remaining(deadline) });
        await input.pressSequentially('Dark Modern', { delay: 30 });
        await page
          .locator('.quick-input-list .monaco-list-row[aria-label*="Dark Modern"]')
          .first()
          .waitFor({ timeout: remaining(deadline) });
        await page.keyboard.press('Enter');
        await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: remaining(deadline) });
        await statusTooltip(page, /Unavailable:/, deadline);
        return screenshot('server-down-dark');
      }),
    );
    await check('server-back', () =>
      step('server-back', 'the server started again: the status bar names it again (reconnected)', 60, async (deadline) => {
        server.resume();
        log(`status bar: ${await statusText(page, /server: 1 document/, deadline)}`);
        await statusTooltip(page, /Team server[\s\S]*team/, deadline);
        return screenshot('server-back');
      }),
    );
  } finally {
    server.stop();
  }
}

/** Ctrl+K Ctrl+T and a theme's name; resolves once the workbench and the panel's page wear it. */
async function chooseTheme(page, name, kind, deadline) {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ timeout: remaining(deadline) });
  await input.pressSequentially(name, { delay: 30 });
  await page
    .locator(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`)
    .first()
    .waitFor({ timeout: remaining(deadline) });
  await page.keyboard.press('Enter');
  const workbenchClass = { light: 'vs', dark: 'vs-dark', 'high-contrast': 'hc-black' }[kind];
  await page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: remaining(deadline) });
  await panelFrame(page)
    .locator(`body.vscode-${kind}`)
    .waitFor({ timeout: remaining(deadline) });
}

/** The Precedent panel's page: the webview's outer frame, then the frame holding the extension's HTML. */
function panelFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/**
 * The Precedent panel, driven by keyboard: the cursor in a draft sentence that follows the verbatim record, Ctrl+Alt+P,
 * the closest passages shown whole; arrows move, Enter uses the wording (one undo restores the sentence). Screenshots
 * in the dark theme (the default) and, after switching with Ctrl+K Ctrl+T, the light one.
 */
async function panelChecks(page, check) {
  const frame = panelFrame(page);
  await check('panel-dark', () =>
    step(
      'panel-dark',
      `the cursor in "${PANEL_DRAFT}"'s UNODC sentence, Ctrl+Alt+P: the panel shows the verbatim record first`,
      60,
      async (deadline) => {
        await quickOpen(PANEL_DRAFT, deadline);
        await page
          .locator('.part.editor .monaco-editor .view-line', { hasText: 'great importance' })
          .first()
          .waitFor({ timeout: remaining(deadline) });
        const box = await locateText(page, 'great importance');
        if (!box) throw new StepError('the text "great importance" is not in the editor\'s rendered lines');
        await page.mouse.click(box.x + 5, box.y + box.height / 2);
        await page.keyboard.press('Control+Alt+P');
        const first = frame.locator('#at-cursor .card').first();
        try {
          await first.waitFor({ timeout: remaining(deadline) });
        } catch {
          const status = await frame
            .locator('#at-cursor .status')
            .innerText({ timeout: 2000 })
            .catch(() => 'no panel page');
          throw new StepError(`no card under "At the cursor" (it says ${JSON.stringify(status)})`);
        }
        const heading = await first.locator('.source').getAttribute('title');
        if (!heading.includes('UN verbatim record')) throw new StepError(`the first card is from ${JSON.stringify(heading)}`);
        await until(
          deadline,
          async () => ({ ok: await first.evaluate((card) => card.ownerDocument.activeElement === card) }),
          () => 'the first card does not have the keyboard focus after Ctrl+Alt+P',
        );
        // A search beside it, its results walked with the arrows.
        await frame.locator('.query').fill('unodc pledged');
        const results = frame.locator('#search .cards .card');
        await results.nth(1).waitFor({ timeout: remaining(deadline) });
        await frame.locator('.query').press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await until(
          deadline,
          async () => ({ ok: await results.nth(1).evaluate((card) => card.ownerDocument.activeElement === card) }),
          () => 'ArrowDown from the search box and once more did not put the focus on the second result',
        );
        // The history of the sentence at the cursor, asked for from the panel.
        await frame.locator('.ask').click();
        await frame
          .locator('#history .card')
          .first()
          .waitFor({ timeout: remaining(deadline) });
        await chooseTheme(page, 'Dark Modern', 'dark', deadline);
        await first.focus();
        await sleep(500);
        const file = await screenshot('panel-dark');
        // The README's picture (docs/panel.png is a copy): the draft's paragraph above, the panel below.
        const editorBox = await page.locator('.part.editor').boundingBox();
        const panelBox = await page.locator('.part.panel').boundingBox();
        if (editorBox && panelBox) {
          const salutation = await locateText(page, 'Mr. President');
          const top = salutation ? Math.max(editorBox.y, salutation.y - 12) : editorBox.y;
          const clip = { x: editorBox.x, y: top, width: editorBox.width, height: panelBox.y + panelBox.height - top };
          const readme = join(OUT, 'panel-readme.png');
          await page.screenshot({ path: readme, clip });
          screenshots.push(readme);
        }
        // Enter: Use this wording, in one edit that one undo takes back.
        await first.press('Enter');
        await page
          .locator('.part.editor .monaco-editor .view-line', { hasText: 'Japan therefore attaches great importance' })
          .first()
          .waitFor({ timeout: remaining(deadline) });
        // The keyboard is back in the draft, where the drafter goes on writing.
        await page.locator('.part.editor .editor-group-container.active .monaco-editor.focused').waitFor({ timeout: remaining(deadline) });
        await page.keyboard.press('Control+Z');
        await page
          .locator('.part.editor .monaco-editor .view-line', { hasText: PANEL_SENTENCE })
          .first()
          .waitFor({ timeout: remaining(deadline) });
        return file;
      },
    ),
  );
  await check('panel-light', () =>
    step('panel-light', 'Ctrl+K Ctrl+T, "Light Modern": the panel in the light theme', 45, async (deadline) => {
      await chooseTheme(page, 'Light Modern', 'light', deadline);
      await frame
        .locator('#at-cursor .card')
        .first()
        .waitFor({ timeout: remaining(deadline) });
      await sleep(500);
      return screenshot('panel-light');
    }),
  );
  await check('panel-high-contrast', () =>
    step('panel-high-contrast', 'Ctrl+K Ctrl+T, "Dark High Contrast": the panel in a high-contrast theme', 45, async (deadline) => {
      await chooseTheme(page, 'Dark High Contrast', 'high-contrast', deadline);
      await frame
        .locator('#at-cursor .card')
        .first()
        .waitFor({ timeout: remaining(deadline) });
      await sleep(500);
      const file = await screenshot('panel-high-contrast');
      await chooseTheme(page, 'Light Modern', 'light', deadline);
      return file;
    }),
  );
  await check('compare', () =>
    step('compare', 'F1 "Compare Paragraph with Precedent", Enter: the diff opens with words wrapped', 60, async (deadline) => {
      const box = await locateText(page, 'great importance');
      if (!box) throw new StepError('the text "great importance" is not in the editor\'s rendered lines');
      await page.mouse.click(box.x + 5, box.y + box.height / 2);
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input.input');
      await input.waitFor({ timeout: remaining(deadline) });
      await input.pressSequentially('Compare Paragraph with Precedent', { delay: 20 });
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'Compare Paragraph with Precedent' })
        .first()
        .waitFor({ timeout: remaining(deadline) });
      await page.keyboard.press('Enter');
      // The three closest precedents to choose from.
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: '% alike' })
        .first()
        .waitFor({ timeout: remaining(deadline) });
      await page.keyboard.press('Enter');
      const diff = page.locator('.part.editor .monaco-diff-editor').first();
      await diff.waitFor({ timeout: remaining(deadline) });
      // Each side holds one paragraph on one line: wrapped, it takes several view lines.
      const wrapped = await until(
        deadline,
        () =>
          diff.evaluate((element) => {
            const sides = [...element.querySelectorAll('.editor.original, .editor.modified')];
            const lines = sides.map((side) => side.querySelectorAll('.view-lines .view-line').length);
            return { ok: lines.length === 2 && lines.every((n) => n > 1), lines };
          }),
        (last) => `the diff's sides show ${JSON.stringify(last.lines)} view lines, not several each (no word wrap)`,
      );
      log(`compare: view lines per side ${JSON.stringify(wrapped.lines)}`);
      await sleep(300);
      return screenshot('compare');
    }),
  );
}

let exitCode = 1;
try {
  await main();
} catch (error) {
  const known =
    error instanceof RunError || error instanceof HarnessError || error instanceof DebianPackageError || error instanceof StepError;
  console.error(`\n[e2e] ERROR: ${known ? error.message : error.stack}`);
}
const passed = CHECKS.filter((name) => outcomes.get(name)?.ok).length;
const failed = CHECKS.length - passed;
console.log('');
for (const name of CHECKS) {
  const outcome = outcomes.get(name);
  if (outcome?.ok) console.log(`  ✔ ${name}: ${display(outcome.file)}`);
  else console.log(`  ✖ ${name}: ${outcome ? outcome.message : 'not run (an earlier step failed)'}`);
}
if (screenshots.length > 0) {
  console.log('\n  Screenshots:');
  for (const file of screenshots) console.log(`    ${display(file)}`);
}
if (failed > 0) {
  workbench.keep = true;
  if (workbench.tempRoot)
    console.error(`\n[e2e] logs and profile kept in ${workbench.tempRoot} (logs/code-server.log, logs/browser-console.log)`);
} else {
  exitCode = 0;
}
await workbench.close();
log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode);
