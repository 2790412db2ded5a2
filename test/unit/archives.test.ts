import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { CACHE_VERSION } from '../../src/core/cache';
import { readExtractedText } from '../../src/core/corpus/extract/wordOrPdf';
import { pageOf } from '../../src/core/corpus/pages';
import type { CorpusDocument } from '../../src/core/types';
import { main } from '../../src/cli/main';
import { PrecedentWorkspace } from '../../src/core/workspace';
import { Writable } from 'stream';
import { makePdf, statementDocx, verbatimRecordPdf } from './archiveFixtures';
import type { checkJson } from '../../src/cli/checkCommand';
import { parseJson, passageTexts, REPO_ROOT, sliceRange, TempDir } from './helpers';

describe('Word and PDF files', () => {
  const temp = new TempDir();
  const folder = temp.path;
  let workspace: PrecedentWorkspace;
  const documentNamed = (name: string): CorpusDocument => workspace.documents.find((d) => path.basename(d.file) === name)!;
  const reasonFor = (name: string) => workspace.report.skipped.find((s) => path.basename(s.file) === name)?.reason;

  before(async () => {
    await fs.writeFile(path.join(folder, 'record.pdf'), verbatimRecordPdf());
    await fs.writeFile(path.join(folder, 'statement.docx'), await statementDocx());
    await fs.writeFile(path.join(folder, 'locked.pdf'), makePdf([{ texts: [{ x: 50, y: 700, text: 'Secret' }] }], { encrypted: true }));
    await fs.writeFile(path.join(folder, 'scan.pdf'), makePdf([{ image: true }]));
    await fs.writeFile(path.join(folder, 'corrupt.pdf'), Buffer.from('%PDF-1.4\n\u0000\u0001 these bytes are no PDF'));
    await fs.writeFile(path.join(folder, 'corrupt.docx'), Buffer.from('not a zip archive at all'));
    // What Word writes for a document with a password: an OLE compound file, not a zip.
    await fs.writeFile(
      path.join(folder, 'locked.docx'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]),
    );
    workspace = await PrecedentWorkspace.load({ roots: [folder], cacheDir: path.join(folder, '.precedent-cache') });
  });

  after(() => temp.remove());

  it('reads a two-column verbatim record column by column, without its headers, footers and page numbers', () => {
    // Paragraphs as the page marks them: by space, by a larger type, by an indent, after a short last line.
    assert.deepStrictEqual(
      documentNamed('record.pdf').paragraphs.map((p) => p.text),
      [
        'Statement by the Representative of Testland on Human Rights',
        'The protection of civilians remains at the heart of our work in this Council. ' +
          'We must ensure the protection of a truly human-centred approach to security.',
        'Mr. President, my delegation welcomes the report of the Secretary-General and thanks the briefers for their work on the ground. ' +
          'We call for restraint.',
        'Third paragraph in the right column, as wide as the widest lines on this page go.',
        'A fourth, marked by its indent alone as in the records of the United Nations.',
        'The second page is read in a single column that runs across the whole width of the page, as most statements are printed; ' +
          'its lines are joined again.',
        'A paragraph that follows without space or indent begins after a short last line.',
      ],
    );
  });

  it('gives each PDF passage its page and its exact place in the extracted text', async () => {
    const record = documentNamed('record.pdf');
    const text = await readExtractedText(record.file);
    for (const passage of record.passages) {
      assert.strictEqual(sliceRange(text, passage.range), record.paragraphs[passage.paragraph].text.slice(passage.start, passage.end));
    }
    assert.deepStrictEqual(
      record.passages.map((p) => pageOf(record, p.range.startLine)),
      [1, 1, 1, 1, 1, 1, 1, 2, 2],
    );
    assert.deepStrictEqual(
      ['truly human-centred approach to security', 'its lines are joined again'].map((query) => workspace.search(query)[0]?.page),
      [1, 2],
    );
  });

  it('takes the title from the file, and its author and date only where the text names none', () => {
    assert.deepStrictEqual(
      {
        title: documentNamed('record.pdf').meta.title,
        date: documentNamed('record.pdf').meta.date,
        speaker: documentNamed('record.pdf').meta.speaker,
      },
      { title: 'Testland at the General Assembly', date: '2015-09-29', speaker: 'Permanent Mission of Testland' },
    );
    // The Word file's text says "Statement by Testland" and "29 September 2015": they win over its author and creation date.
    const statement = documentNamed('statement.docx').meta;
    assert.deepStrictEqual(
      [statement.title, statement.date, statement.speaker],
      ['Testland on the Peacebuilding Fund', '2015-09-29', 'Testland'],
    );
  });

  it('reads a Word file with its heading, table rows and footnote as passages, without pages', () => {
    const statement = documentNamed('statement.docx');
    assert.deepStrictEqual(passageTexts(statement), [
      'Statement by Testland on the Peacebuilding Fund',
      'Mr. President, Testland pledged USD 5 million to the Peacebuilding Fund in 2015.[1]',
      'We remain committed to a human-centred approach to sustaining peace.',
      'Year | Pledge',
      '2015 | USD 5 million',
      'I thank you.',
      '[1] Announced at the pledging conference of 29 September 2015.',
    ]);
    assert.strictEqual(pageOf(statement, statement.passages[0].range.startLine), null);
    assert.strictEqual(workspace.search('pledged USD 5 million Peacebuilding Fund')[0]?.file, statement.file);
  });

  it('says why an encrypted, scanned or corrupt file cannot be read', () => {
    assert.deepStrictEqual(['locked.pdf', 'scan.pdf', 'corrupt.pdf', 'corrupt.docx', 'locked.docx'].map(reasonFor), [
      'encrypted PDF (password required)',
      'no text layer (scanned image?)',
      'not a valid PDF file: Invalid PDF structure.',
      'not a valid Word file: not a zip archive',
      'encrypted Word file (password required), or an old .doc saved as .docx',
    ]);
  });

  it('reopens Word and PDF documents from the cache, pages included, without extracting them again', async () => {
    await workspace.saved;
    const reopened = await PrecedentWorkspace.load({ roots: [folder], cacheDir: path.join(folder, '.precedent-cache') });
    assert.strictEqual(reopened.report.fromSnapshot, true);
    await fs.writeFile(path.join(folder, 'new.txt'), 'A new statement on the protection of civilians.\n');
    const partly = await PrecedentWorkspace.load({ roots: [folder], cacheDir: path.join(folder, '.precedent-cache') });
    await partly.saved;
    assert.strictEqual(partly.report.ingested, 1);
    for (const opened of [reopened, partly]) {
      const record = opened.documents.find((d) => d.file.endsWith('record.pdf'))!;
      assert.deepStrictEqual(record.pageStarts, documentNamed('record.pdf').pageStarts);
      assert.deepStrictEqual(passageTexts(record), passageTexts(documentNamed('record.pdf')));
    }
    assert.deepStrictEqual(partly.report.skipped.map((s) => s.reason).sort(), workspace.report.skipped.map((s) => s.reason).sort());
  });

  it('opens a cached archive without loading mammoth or pdfjs, though a file changed and the snapshot is lost', async () => {
    await workspace.saved;
    const cacheDir = path.join(folder, '.precedent-cache', CACHE_VERSION);
    // Word and PDF documents are kept one by one, text files are not: they are read again faster than such an entry.
    const entries = await fs.readdir(path.join(cacheDir, 'documents'), { recursive: true });
    assert.strictEqual(entries.filter((entry) => entry.endsWith('.json.gz')).length, 2);
    await fs.rm(path.join(cacheDir, 'snapshots'), { recursive: true });
    // The files that could not be read keep their verdict, and are not read again; the two text files are read.
    await fs.writeFile(path.join(folder, 'another.txt'), 'Another statement on the protection of civilians.\n');
    // A process of its own: this one has loaded both libraries already.
    const options = JSON.stringify({ roots: [folder], cacheDir: path.join(folder, '.precedent-cache') });
    const script = `
      const { PrecedentWorkspace } = require('./src/core/workspace');
      PrecedentWorkspace.load(${options}).then((opened) => {
        const found = opened.search('truly human-centred approach')[0];
        const libraries = Object.keys(require.cache).filter((m) => /mammoth|jszip|pdfjs-dist/.test(m));
        console.log(JSON.stringify({ ingested: opened.report.ingested, page: found.page, libraries, pdfjs: 'pdfjsWorker' in globalThis }));
      });`;
    const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.deepStrictEqual(JSON.parse(run.stdout), { ingested: 2, page: 1, libraries: [], pdfjs: false });
  });

  it('checks a PDF as the text extracted from it: findings at lines and columns of that text', async () => {
    const file = path.join(temp.path, 'draft-record.pdf');
    await fs.writeFile(file, makePdf([{ texts: [{ x: 50, y: 700, text: 'We stand by the the people of Testland.' }] }]));
    let out = '';
    const sink = (write: (text: string) => void) => new Writable({ write: (chunk, _encoding, done) => (write(String(chunk)), done()) });
    const code = await main(
      ['check', '--json', '--no-cache', '--corpus', folder, file],
      sink((text) => (out += text)),
      sink(() => undefined),
    );
    const [checked] = parseJson<ReturnType<typeof checkJson>>(out).files;
    const repeated = checked.diagnostics.find((d) => d.code === 'repeated-word');
    assert.ok(repeated, 'no repeated-word finding');
    assert.strictEqual(code, 1);
    const text = await readExtractedText(file);
    const range = {
      startLine: repeated.line - 1,
      startColumn: repeated.column - 1,
      endLine: repeated.endLine - 1,
      endColumn: repeated.endColumn - 1,
    };
    assert.deepStrictEqual([repeated.line, repeated.column, sliceRange(text, range)], [1, 17, 'the']);
  });
});
