import { strict as assert } from 'assert';
import { RecentlyUsed } from '../../src/core/recentlyUsed';

describe('a map of recently used entries', () => {
  it('drops the least recently used entries first, by weight, and keeps the newest however heavy', () => {
    const kept = new RecentlyUsed<string, number[]>(5, (value) => value.length);
    kept.set('a', [1, 2]);
    kept.set('b', [1, 2]);
    assert.deepEqual(kept.get('a'), [1, 2]);
    kept.set('c', [1, 2]);
    // "b" was used least recently: it goes, "a" (just read) stays.
    assert.equal(kept.get('b'), undefined);
    assert.deepEqual(kept.get('a'), [1, 2]);
    assert.deepEqual(kept.get('c'), [1, 2]);
    kept.set('heavy', [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(kept.get('a'), undefined);
    assert.equal(kept.get('c'), undefined);
    assert.equal(kept.get('heavy')?.length, 7);
    kept.set('d', [1]);
    assert.equal(kept.get('heavy'), undefined);
    assert.deepEqual(kept.get('d'), [1]);
  });

  it('counts an entry set again once', () => {
    const kept = new RecentlyUsed<string, string>(2);
    kept.set('a', 'first');
    kept.set('a', 'second');
    kept.set('b', 'b');
    assert.equal(kept.get('a'), 'second');
    assert.equal(kept.get('b'), 'b');
  });
});
