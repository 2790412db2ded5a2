import { strict as assert } from 'assert';
import { PassageIndex } from '../../src/core/search/passageIndex';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { BUNDLED_CORPUS } from './helpers';

describe('candidates pruned by upper bounds', () => {
  it('are the same as reading every list whole, for phrases of every passage', async () => {
    const workspace = await PrecedentWorkspace.load({ roots: [BUNDLED_CORPUS], cacheDir: null });
    const index = PassageIndex.build(workspace.documents);
    let compared = 0;
    for (let passage = 0; passage < index.passageCount; passage += 2) {
      const words = index.passageIn(workspace.documents, passage).text.split(/\s+/);
      for (const [start, length] of [
        [0, 7],
        [3, 5],
        [1, 9],
      ]) {
        if (words.length < start + length) continue;
        const terms = index.analyze(words.slice(start, start + length).join(' '));
        for (const limit of [3, 10]) {
          // With a limit above the number of passages, nothing is ever pruned.
          const whole = index.candidates(terms, index.passageCount + 1).slice(0, limit);
          assert.deepEqual(index.candidates(terms, limit), whole, words.slice(start, start + length).join(' '));
          compared++;
        }
      }
    }
    assert.ok(compared > 300);
  });
});
