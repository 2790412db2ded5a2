import { strict as assert } from 'assert';
import { COMMON_SHARE, type Candidate, PassageIndex, type QueryTerm } from '../../src/core/search/passageIndex';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { BUNDLED_CORPUS } from './helpers';

/**
 * Every passage scored from every list, as candidates() is documented: for each query word, the best weight among
 * its variants the passage holds, a word's variants in more than COMMON_SHARE of passages counted apart and never
 * bringing a passage in (unless every variant is that common); every identifier required. The weights are added
 * highest group bound first, as candidates() adds them, so that equal sums are equal to the last bit.
 */
function plainScan(index: PassageIndex, terms: QueryTerm[], limit: number): Candidate[] {
  const { postingList, documentFrequency } = index.snapshot;
  const commonDf = Math.max(2, index.passageCount * COMMON_SHARE);
  const isCommon = (term: QueryTerm, variant: number) => !term.identifier && documentFrequency[variant] > commonDf;
  const anySelective = terms.some((t) => t.variants.some((v) => !isCommon(t, v.term)));
  const totalWeight = terms.reduce((sum, t) => sum + t.idf, 0);
  const groups = (anySelective ? [true, false] : [true])
    .flatMap((admits) =>
      terms.map((term) => ({
        term,
        admits,
        variants: term.variants.filter((v) => !anySelective || isCommon(term, v.term) !== admits),
      })),
    )
    .filter((group) => group.variants.length > 0)
    .map((group) => ({ ...group, bound: Math.max(...group.variants.map((v) => v.weight * group.term.idf)) }))
    .sort((a, b) => b.bound - a.bound);
  const holding = (term: number, passage: number) => postingList(term).includes(passage);
  const found: Candidate[] = [];
  for (let passage = 0; passage < index.passageCount; passage++) {
    let score = 0;
    let admitted = false;
    const identifiersMet = terms.every((term) => !term.identifier || term.variants.some((v) => holding(v.term, passage)));
    for (const { term, admits, variants } of groups) {
      const weight = Math.max(0, ...variants.filter((v) => holding(v.term, passage)).map((v) => v.weight * term.idf));
      admitted ||= admits && weight > 0;
      score += weight;
    }
    if (admitted && identifiersMet) found.push({ passage, coverage: score / totalWeight });
  }
  return found.sort((a, b) => b.coverage - a.coverage || a.passage - b.passage).slice(0, limit);
}

/** A typo as people make them: two letters swapped. */
function withSwap(word: string): string {
  return word.length < 4 ? word : `${word.slice(0, 1)}${word[2]}${word[1]}${word.slice(3)}`;
}

describe('candidates pruned by upper bounds', () => {
  let workspace: PrecedentWorkspace;
  let index: PassageIndex;
  before(async () => {
    workspace = await PrecedentWorkspace.load({ roots: [BUNDLED_CORPUS], cacheDir: null });
    index = PassageIndex.build(workspace.documents);
  });

  function queries(): string[] {
    const found: string[] = [];
    for (let passage = 0; passage < index.passageCount; passage += 3) {
      const words = index.passageIn(workspace.documents, passage).text.split(/\s+/);
      if (words.length < 10) continue;
      found.push(words.slice(0, 7).join(' '));
      // A phrase with a typo, typed up to the middle of its last word.
      found.push([...words.slice(2, 4), withSwap(words[4]), ...words.slice(5, 8), words[8].slice(0, 3)].join(' '));
      // Keywords out of order, one with a typo.
      found.push([words[9], withSwap(words[6]), words[3]].join(' '));
    }
    return found;
  }

  it('are the passages a scan of every passage finds best, for phrases, typos and keywords', () => {
    let compared = 0;
    for (const query of queries()) {
      const terms = index.analyze(query);
      for (const limit of [1, 5, 30]) {
        assert.deepEqual(index.candidates(terms, limit), plainScan(index, terms, limit), `${query} (${limit})`);
        compared++;
      }
    }
    assert.ok(compared > 300);
  });

  it('require every identifier, as the scan does', () => {
    const queries = [
      'in 2014 the government of japan',
      'japan 2014 2015 contributions',
      'resolution 2331 on trafficking',
      'trafficking in persons 2017',
    ];
    for (const query of queries) {
      const terms = index.analyze(query);
      assert.ok(terms.some((t) => t.identifier));
      const expected = plainScan(index, terms, 10);
      assert.deepEqual(index.candidates(terms, 10), expected, query);
    }
    assert.ok(plainScan(index, index.analyze('japan 2014 2015 contributions'), 10).length > 0);
  });
});
