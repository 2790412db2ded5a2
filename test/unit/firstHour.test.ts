import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { checkPagePath, checkPages, exampleFindings, explanationOf } from '../../src/core/checkPages';
import { CHECKS } from '../../src/core/checks/runChecks';
import { summarizeFolders } from '../../src/core/corpus/folders';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { parseTemplates, previewOf } from '../../src/core/snippets';
import { BUNDLED_CORPUS, REPO_ROOT } from './helpers';

describe('what a drafter meets first', () => {
  it("counts each corpus folder's documents and skipped files, a nested folder apart from its parent", () => {
    const summaries = summarizeFolders(
      ['/ws/corpus', '/ws/corpus/archive', '/ws/missing'],
      ['/ws/missing'],
      ['/ws/corpus/a.md', '/ws/corpus/archive/b.md', '/ws/corpus/archive/c.pdf'],
      [{ file: '/ws/corpus/archive/d.pdf', reason: 'a scanned PDF' }],
    );
    assert.deepEqual(
      summaries.map(({ folder, missing, documents, skipped }) => [folder, missing, documents, skipped.length]),
      [
        ['/ws/corpus', false, 1, 0],
        ['/ws/corpus/archive', false, 2, 1],
        ['/ws/missing', true, 0, 0],
      ],
    );
  });

  it('reads every statement template of snippets/ with a preview of its first lines', () => {
    const file = path.join(REPO_ROOT, 'snippets', 'statements.code-snippets');
    const templates = parseTemplates(readFileSync(file, 'utf8'), file);
    assert.ok(templates.length >= 6);
    const statement = templates.find((template) => template.prefix === 'statement-sc');
    assert.ok(statement, 'the statement-sc template');
    assert.match(statement.body, /^---\ntitle:/);
    // The front matter is left out; placeholders read as their defaults, mirrors too.
    assert.equal(
      statement.preview,
      "Mr. President, ⏎ Japan appreciates the presidency's initiative in convening this open debate. " +
        'I also thank the briefers for their valuable input. ⏎ I thank you, Mr. President.',
    );
    assert.equal(previewOf('${1|Madam,Mr.|} Chair, ${2:we} thank ${3:you}.$0\n\n${2} agree.'), 'Madam Chair, we thank you. ⏎ we agree.');
    assert.throws(() => parseTemplates('{', 'x.code-snippets'), /x\.code-snippets: not valid JSON/);
  });

  describe('a page per check code, shipped in the extension', () => {
    let workspace: PrecedentWorkspace;
    before(async () => {
      workspace = await PrecedentWorkspace.load({ roots: [BUNDLED_CORPUS], cacheDir: null });
      await workspace.prepareFacts();
    });

    it('each example is flagged by its check, and its counterpart is left alone', () => {
      for (const check of CHECKS) {
        const explanation = explanationOf(check);
        const flagged = exampleFindings(workspace, check, explanation.flags).length;
        // A check that needs a larger corpus says so on its page, and is silent with the bundled one.
        assert.ok(explanation.needsCorpus ? flagged === 0 : flagged > 0, `${check.code} flags its example: ${flagged}`);
        assert.deepEqual(exampleFindings(workspace, check, explanation.leavesAlone), [], `${check.code} leaves its counterpart alone`);
      }
    });

    it('every code has its page, as `npm run generate:schema` writes it, and the pages are packaged', () => {
      const pages = checkPages(workspace);
      for (const check of CHECKS) assert.ok(pages.has(checkPagePath(check.code)), `no page for ${check.code}`);
      for (const [file, text] of pages) {
        assert.equal(readFileSync(path.join(REPO_ROOT, file), 'utf8'), text, `${file} is stale: run npm run generate:schema`);
      }
      assert.match(readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8'), /^!docs\/\*\*$/m);
    });
  });
});
