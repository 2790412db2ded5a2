import { strict as assert } from 'assert';
import { PassageIndex } from '../../src/core/search/passageIndex';
import { decodeSnapshot, decodeWholeSnapshot, encodeSnapshot } from '../../src/core/snapshotFormat';
import { readdirSync } from 'fs';
import * as path from 'path';
import { BUNDLED_CORPUS, ingestFile, passageTexts } from './helpers';

describe('the snapshot format', () => {
  const documents = readdirSync(BUNDLED_CORPUS)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ ...ingestFile(path.join(BUNDLED_CORPUS, name)), hash: name }));
  const index = PassageIndex.build(documents);
  const bytes = encodeSnapshot(documents, index.snapshot);
  const fileOfHash = new Map(documents.map((d) => [d.hash, d.file]));

  it('gives back every document, paragraph and passage as ingested, and the index', () => {
    const decoded = decodeSnapshot(bytes, fileOfHash);
    assert.ok(decoded);
    assert.deepEqual(JSON.parse(JSON.stringify(decoded.documents)), JSON.parse(JSON.stringify(documents)));
    decoded.documents.forEach((document, i) => assert.deepEqual(passageTexts(document), passageTexts(documents[i])));
    assert.deepEqual(Array.from(decoded.index.postings), Array.from(index.snapshot.postings));
    assert.deepEqual(decoded.index.terms, index.snapshot.terms);
    assert.equal(decoded.readings(), null);
  });

  it('stores the text deflated, not as written', () => {
    const paragraph = documents[0].paragraphs.find((p) => p.text.length > 200)!.text;
    assert.equal(bytes.includes(Buffer.from(paragraph, 'utf8')), false);
  });

  it('opens only for the contents it was made of, unless asked for all of it', () => {
    const fewer = new Map([...fileOfHash].slice(1));
    assert.equal(decodeSnapshot(bytes, fewer), null);
    const whole = decodeWholeSnapshot(bytes);
    assert.deepEqual(
      whole.documents.map((d) => d.file),
      documents.map((d) => d.hash),
    );
    assert.equal(whole.documents[0].at('/moved.md').file, '/moved.md');
    assert.deepEqual(passageTexts(whole.documents[0].at('/moved.md')), passageTexts(documents[0]));
  });
});
