import { strict as assert } from 'assert';
import { readFrontMatter } from '../../src/core/corpus/frontMatter';
import { normalizeDateValue, findDateInProse } from '../../src/core/text/dates';

describe('front matter', () => {
  it('reads the fields and where the body starts', () => {
    const text = '---\ntitle: "Statement"\nspeaker: Koro Bessho\ndate: 2017-03-15\nkind: mission statement\n---\nBody.';
    const front = readFrontMatter(text);
    assert.equal(front.problem, null);
    assert.deepEqual(front.meta, { title: 'Statement', speaker: 'Koro Bessho', date: '2017-03-15', kind: 'mission statement' });
    assert.equal(text.slice(front.bodyStart), 'Body.');
  });

  it('accepts integer years, partial dates and CRLF', () => {
    assert.equal(readFrontMatter('---\r\ndate: 2012\r\n---\r\nx').meta.date, '2012');
    assert.equal(readFrontMatter('---\ndate: 2006-09\n---\nx').meta.date, '2006-09');
    assert.equal(readFrontMatter('---\ndate: 15 March 2017\n---\nx').meta.date, '2017-03-15');
  });

  it('reports malformed YAML with its position and still finds the body', () => {
    const text = '---\ntitle: "unclosed\nspeaker: [a, b\n---\nThe body survives.';
    const front = readFrontMatter(text);
    assert.match(front.problem ?? '', /^malformed front matter at line \d+, column \d+/);
    assert.equal(text.slice(front.bodyStart), 'The body survives.');
  });

  it('reads a file whose front matter never closes as plain text', () => {
    const front = readFrontMatter('---\ntitle: x\nNo closing fence here.');
    assert.equal(front.bodyStart, 0);
    assert.match(front.problem ?? '', /never closed/);
  });

  it('says when a date is not a date', () => {
    const front = readFrontMatter('---\ndate: sometime soon\n---\nx');
    assert.equal(front.meta.date, null);
    assert.match(front.problem ?? '', /date "sometime soon" is not a date/);
  });

  it('is no front matter when the text does not open with a fence', () => {
    assert.deepEqual(readFrontMatter('Just text\n---\n'), { meta: {}, bodyStart: 0, problem: null });
  });
});

describe('dates', () => {
  it('reads the forms drafters write', () => {
    assert.equal(findDateInProse('delivered on 15 March 2017 in New York'), '2017-03-15');
    assert.equal(findDateInProse('2023/12/7'), '2023-12-07');
    assert.equal(findDateInProse('as of December 2014'), '2014-12');
    assert.equal(findDateInProse('March 15, 2017'), '2017-03-15');
    assert.equal(findDateInProse('31 February 2017'), null);
    assert.equal(findDateInProse('in November'), null);
  });

  it('normalises YAML values', () => {
    assert.equal(normalizeDateValue(new Date(Date.UTC(2017, 2, 15))), '2017-03-15');
    assert.equal(normalizeDateValue(2015), '2015');
    assert.equal(normalizeDateValue('2014-13'), null);
    assert.equal(normalizeDateValue(true), null);
  });
});
