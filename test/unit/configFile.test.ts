import { strict as assert } from 'assert';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { ConfigFileError } from '../../src/core/checks/config';
import { dismissalFile, dismissFinding, findConfig, locateConfig, projectBoundary, restoreFinding } from '../../src/core/checks/configFile';
import { TempDir } from './helpers';

describe('which .precedent.json a draft reads and writes', () => {
  // dir/                 above the boundary: .precedent.json turning resolution-year off (must never apply)
  // dir/project/         the boundary (a workspace folder, or a repository's root)
  // dir/project/team/    a nested .precedent.json
  let dir: TempDir;
  let project: string;
  const at = (...parts: string[]) => path.join(project, ...parts);
  const write = (file: string, data: unknown) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(data));
  };

  beforeEach(() => {
    dir = new TempDir();
    project = dir.file('project');
    write(dir.file('.precedent.json'), { checks: { 'resolution-year': 'off' } });
    write(at('team', '.precedent.json'), { checks: { 'repeated-word': 'error' } });
    mkdirSync(at('drafts', '2024'), { recursive: true });
    mkdirSync(at('team', 'june'), { recursive: true });
  });
  afterEach(() => dir.remove());

  it('reads the nearest file between the draft and the boundary', async () => {
    const nested = await findConfig(at('team', 'june', 'statement.md'), project);
    assert.equal(nested.source, at('team', '.precedent.json'));
    assert.deepEqual(nested.checks, { 'repeated-word': 'error' });
    write(at('team', 'june', '.precedent.json'), { checks: { 'figure-precedent': 'off' } });
    assert.equal(await locateConfig(at('team', 'june', 'statement.md'), project), at('team', 'june', '.precedent.json'));
  });

  it('reads the file at the boundary itself, and none above it', async () => {
    const none = await findConfig(at('drafts', '2024', 'statement.md'), project);
    assert.equal(none.source, null);
    assert.deepEqual(none.checks, {});
    write(at('.precedent.json'), { style: 'un' });
    const root = await findConfig(at('drafts', '2024', 'statement.md'), project);
    assert.equal(root.source, at('.precedent.json'));
    assert.equal(root.style, 'un');
  });

  it("reads only the draft's own folder when the draft lies outside the boundary", async () => {
    assert.equal(await locateConfig(dir.file('loose.md'), project), dir.file('.precedent.json'));
    assert.equal(await locateConfig(at('team', 'june', 'statement.md'), at('drafts')), null);
  });

  it('writes a dismissal into the file the draft reads, keeping what else it holds', async () => {
    const entry = { file: at('team', 'june', 'statement.md'), code: 'resolution-year', text: 'resolution 2231 (2016)' };
    assert.equal(await dismissFinding(entry, project), at('team', '.precedent.json'));
    const written = JSON.parse(readFileSync(at('team', '.precedent.json'), 'utf8')) as unknown;
    assert.deepEqual(written, {
      checks: { 'repeated-word': 'error' },
      ignore: [{ file: 'june/statement.md', code: 'resolution-year', text: 'resolution 2231 (2016)' }],
    });
    assert.deepEqual((await findConfig(entry.file, project)).ignore, [entry]);
    await restoreFinding(entry, at('team', '.precedent.json'));
    assert.deepEqual((await findConfig(entry.file, project)).ignore, []);
  });

  it("creates .precedent.json at the boundary's root only when none applies", async () => {
    const entry = { file: at('drafts', '2024', 'statement.md'), code: 'repeated-word', text: 'the the' };
    assert.equal(await dismissalFile(entry.file, project), at('.precedent.json'));
    assert.equal(await dismissFinding(entry, project), at('.precedent.json'));
    assert.deepEqual(JSON.parse(readFileSync(at('.precedent.json'), 'utf8')), {
      ignore: [{ file: 'drafts/2024/statement.md', code: 'repeated-word', text: 'the the' }],
    });
    // The file above the boundary was left alone.
    assert.deepEqual(JSON.parse(readFileSync(dir.file('.precedent.json'), 'utf8')), { checks: { 'resolution-year': 'off' } });
  });

  it('refuses to rewrite a file that is not valid JSON, naming it', async () => {
    writeFileSync(at('team', '.precedent.json'), '{ "checks": ');
    const entry = { file: at('team', 'statement.md'), code: 'repeated-word', text: 'the the' };
    await assert.rejects(dismissFinding(entry, project), (error: Error) => {
      assert.ok(error instanceof ConfigFileError);
      assert.match(error.message, /team\/\.precedent\.json: not valid JSON/);
      return true;
    });
    assert.equal(readFileSync(at('team', '.precedent.json'), 'utf8'), '{ "checks": ');
  });

  it("stops on the command line at the repository root, else at the current folder, else the draft's folder", async () => {
    const draft = at('team', 'june', 'statement.md');
    assert.equal(await projectBoundary(draft, at('team')), at('team'));
    assert.equal(await projectBoundary(draft, at('drafts')), at('team', 'june'));
    mkdirSync(at('.git'));
    assert.equal(await projectBoundary(draft, at('team')), project);
    assert.equal(await projectBoundary(draft), project);
    // A worktree's .git is a file.
    writeFileSync(at('team', '.git'), 'gitdir: elsewhere\n');
    assert.equal(await projectBoundary(draft), at('team'));
  });
});
