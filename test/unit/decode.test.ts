import { strict as assert } from 'assert';
import { BinaryFileError, decodeBytes } from '../../src/core/corpus/decode';

describe('decodeBytes', () => {
  const text = 'Japan’s commitment — “agreed language”';

  it('reads UTF-8 with and without a BOM', () => {
    const plain = Buffer.from(text, 'utf8');
    assert.deepEqual(decodeBytes(plain), { text, encoding: 'utf-8' });
    assert.deepEqual(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain])), { text, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    assert.deepEqual(decodeBytes(le), { text, encoding: 'utf-16le' });
    const be = Buffer.from(Buffer.from(text, 'utf16le')).swap16();
    assert.deepEqual(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), { text, encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    // "Japan’s" with a Windows-1252 right quote (0x92) and "café" with 0xe9.
    const bytes = Buffer.from([0x4a, 0x61, 0x70, 0x61, 0x6e, 0x92, 0x73, 0x20, 0x63, 0x61, 0x66, 0xe9]);
    assert.deepEqual(decodeBytes(bytes), { text: 'Japan’s café', encoding: 'windows-1252' });
  });

  it('refuses binary content', () => {
    assert.throws(() => decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])), BinaryFileError);
  });
});
