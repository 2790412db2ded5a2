import { strict as assert } from 'assert';
import { csvRows } from '../../src/core/text/csv';

describe('csvRows', () => {
  it('reads quoted commas, doubled quotes and line breaks, with the line each row starts on', () => {
    const text = '\ufeffnumber,title\r\n1,"Peace, security"\n\n2,"A ""quoted"" word"\n3,"two\nlines"\n4,last';
    assert.deepEqual(csvRows(text), [
      { fields: ['number', 'title'], line: 1 },
      { fields: ['1', 'Peace, security'], line: 2 },
      { fields: ['2', 'A "quoted" word'], line: 4 },
      { fields: ['3', 'two\nlines'], line: 5 },
      { fields: ['4', 'last'], line: 7 },
    ]);
  });
});
