import { strict as assert } from 'assert';
import { writeFileSync } from 'fs';
import { formatSearchResults } from '../../src/cli/format';
import { normalizeForMatch } from '../../src/core/text/normalize';
import { tokenize } from '../../src/core/text/tokenize';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { TempDir } from './helpers';

const terms = (text: string) => tokenize(normalizeForMatch(text)).map((token) => token.term);

describe('numbers as people type them', () => {
  it('reads "1000", "1,000", "1 000" and "1\u00a0000" as one number, and keeps each token\'s place', () => {
    for (const typed of ['1000', '1,000', '1 000', '1\u00a0000']) assert.deepEqual(terms(`some ${typed} years`), ['some', '1000', 'years']);
    const [, number] = tokenize(normalizeForMatch('some 1 000 years'));
    assert.deepEqual([number.start, number.end], [5, 10]);
    assert.deepEqual(terms('1,000,000 and 1 000 000 and 12,500.5'), ['1000000', 'and', '1000000', 'and', '12500.5']);
  });

  it('keeps identifiers, decimals and numbers side by side apart', () => {
    assert.deepEqual(terms('resolution 70/1 of 29/09/2015, 3.8 per cent'), [
      'resolution',
      '70/1',
      'of',
      '29/09/2015',
      '3.8',
      'per',
      'cent',
    ]);
    // A year then a count, or a group of four digits, is no number in groups of thousands.
    assert.deepEqual(terms('in 2015 193 States'), ['in', '2015', '193', 'states']);
    assert.deepEqual(terms('1 0000 and 1 000a'), ['1', '0000', 'and', '1', '000a']);
    assert.deepEqual(terms('resolutions 1325,1820'), ['resolutions', '1325,1820']);
  });

  describe('in a search', () => {
    let dir: TempDir;
    let workspace: PrecedentWorkspace;
    before(async () => {
      dir = new TempDir();
      writeFileSync(
        dir.file('water.md'),
        'Our people have 1,000 years of experience in water management.\n\n' +
          'The Council adopted resolution 2251 on the same day.\n\n' +
          'We have lived by the river for generations and know its floods.\n',
      );
      workspace = await PrecedentWorkspace.load({ roots: [dir.path], cacheDir: null });
    });
    after(() => dir.remove());

    it('finds a number however it is grouped', () => {
      for (const query of ['1000 years of experience in water', '1 000 years of experience in water', '1,000 years of experience']) {
        const [first] = workspace.search(query, { limit: 3 });
        assert.match(first.text, /1,000 years of experience in water management/, query);
        assert.equal(first.unmatched, undefined, query);
      }
    });

    it('shows the closest passages without a number that matches nothing, and says so', () => {
      const results = workspace.search('1001 years of experience in water', { limit: 3 });
      assert.match(results[0].text, /years of experience in water management/);
      assert.ok(results.every((match) => match.unmatched?.join() === '1001'));
      assert.match(formatSearchResults(results), /^No passage holds 1001; the closest passages without it:\n/);
    });

    it('never takes one number for another', () => {
      const results = workspace.search('resolution 2250', { limit: 3 });
      assert.ok(results.length > 0 && results.every((match) => match.unmatched?.join() === '2250'));
      assert.equal(workspace.search('resolution 2251', { limit: 3 })[0].unmatched, undefined);
      assert.deepEqual(workspace.search('2250', { limit: 3 }), []);
    });
  });
});
