import { strict as assert } from 'assert';
import { ResolutionRegistry } from '../../src/core/citations/registry';
import { DEFAULT_CONFIG } from '../../src/core/checks/config';
import { readDraft } from '../../src/core/draft/draft';
import { markdownNonProse } from '../../src/core/draft/markdownProse';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { BUNDLED_CORPUS } from './helpers';

describe('a draft, read once', () => {
  const markdown = [
    '---',
    'status: final',
    'date: 2017-03-15',
    '---',
    'We thank the President.',
    '',
    '```',
    'the the [a/b] resolution 2231 (2016)',
    '```',
    '',
    'Inline `the the [a/b]` code, a [link](https://un.org/the/the/resolution-2231-(2016)) and <!-- the the --> a comment.',
    '',
    '    An indented paragraph pasted from a word processor repeats the the word.',
    '',
    '[ref]: https://un.org/a/b',
  ].join('\n');

  it('marks fenced code, inline code, HTML comments, link destinations and front matter as not prose', () => {
    const draft = readDraft(markdown, '/drafts/statement.md');
    const blanked = (part: string) => draft.prose.slice(markdown.indexOf(part), markdown.indexOf(part) + part.length).trim();
    for (const part of [
      'status: final',
      'the the [a/b] resolution 2231 (2016)',
      '`the the [a/b]`',
      'https://un.org/the/the',
      '<!-- the the -->',
      '[ref]: https://un.org/a/b',
    ]) {
      assert.equal(blanked(part), '', part);
    }
    assert.equal(draft.prose.length, markdown.length);
    assert.equal(draft.prose.split('\n').length, markdown.split('\n').length);
    assert.equal(blanked('An indented paragraph'), 'An indented paragraph', 'an indented paragraph stays prose');
    assert.equal(blanked('[link]'), '[link]');
    assert.equal(draft.meta.status, 'final');
    assert.equal(draft.meta.date, '2017-03-15');
    assert.deepEqual(draft.citations, []);
  });

  it('reads nothing as code in a plain-text draft', () => {
    const draft = readDraft(markdown, '/drafts/statement.txt');
    assert.equal(draft.prose.slice(draft.bodyStart), markdown.slice(draft.bodyStart));
    assert.equal(draft.citations.length, 1);
  });

  it('splits sentences by the core segmenter: "H.E. Mr. Guterres" is one sentence', () => {
    const text = 'We welcome H.E. Mr. Guterres to the hall. He spoke of resolution 2331 (2016).';
    const draft = readDraft(text, '/drafts/statement.md');
    assert.deepEqual(
      draft.sentences.map((s) => text.slice(s.start, s.end)),
      ['We welcome H.E. Mr. Guterres to the hall.', 'He spoke of resolution 2331 (2016).'],
    );
  });

  it('has micromark find no code in an indented paragraph', () => {
    assert.deepEqual(markdownNonProse('Text.\n\n    Indented text.\n'), []);
  });

  it('reads a fenced block that holds blank lines whole, block by block elsewhere', () => {
    const text = 'A `b` c.\n\nPlain text.\n\n~~~\nthe the\n\nthe the\n~~~\n\nAfter `d`.\n';
    assert.deepEqual(
      markdownNonProse(text).map(([start, end]) => text.slice(start, end)),
      ['`b`', '~~~\nthe the\n\nthe the\n~~~', '`d`'],
    );
  });

  describe('checks read the prose only', () => {
    let workspace: PrecedentWorkspace;
    before(async () => {
      workspace = await PrecedentWorkspace.load({ roots: [BUNDLED_CORPUS], cacheDir: null });
    });
    const codes = (text: string, file: string) =>
      workspace
        .check(text, file, { registry: new ResolutionRegistry(), config: DEFAULT_CONFIG })
        .map((f) => [f.code, text.slice(f.start, f.end)]);

    it('flags nothing in code, comments or links of a Markdown draft, and still reads its suppressions', () => {
      assert.deepEqual(codes(markdown, '/drafts/statement.md'), [['repeated-word', 'the']]);
      assert.deepEqual(
        codes(`<!-- precedent-disable-next-line repeated-word -->\n${markdown.slice(markdown.indexOf('    An'))}`, '/drafts/statement.md'),
        [],
      );
    });

    it('reads a draft once for a check and the fact hovers that follow', () => {
      const text = 'Japan has pledged approximately 23 million US dollars to the UNODC.';
      workspace.check(text, '/drafts/statement.md', { registry: new ResolutionRegistry(), config: DEFAULT_CONFIG });
      assert.equal(workspace.draft(text, '/drafts/statement.md'), workspace.draft(text, '/drafts/statement.md'));
    });
  });
});
