/**
 * Word and PDF extraction: pages a second through the bundled extractors (dist/pdfExtractor.js,
 * dist/docxExtractor.js), on files made by the test fixtures: two-column verbatim records of 12 pages, and Word
 * statements of about 5 pages (a page taken as 500 words, as Word has none of its own). The first file of each
 * kind also pays for loading its library, so it is reported apart.
 */
import { ingestWordOrPdf } from '../src/core/corpus/extract/wordOrPdf';
import { statementDocx, verbatimRecordPdf } from '../test/unit/archiveFixtures';

const FILES = 20;
const WORDS_A_PAGE = 500;

export interface ExtractionFigures {
  files: number;
  pages: number;
  /** The first file, library loading included. */
  firstMs: number;
  ms: number;
  pagesPerSecond: number;
  filesPerSecond: number;
}

export async function measureArchives(): Promise<{ pdf: ExtractionFigures; docx: ExtractionFigures }> {
  const pdf = verbatimRecordPdf(10);
  const docx = await statementDocx(100);
  return {
    pdf: await measure('record.pdf', pdf, (document) => document.pageStarts?.length ?? 0),
    docx: await measure('statement.docx', docx, (document) => {
      const words = document.paragraphs.reduce((sum, p) => sum + p.text.split(' ').length, 0);
      return words / WORDS_A_PAGE;
    }),
  };
}

async function measure(
  name: string,
  bytes: Buffer,
  pagesOf: (document: Awaited<ReturnType<typeof ingestWordOrPdf>>) => number,
): Promise<ExtractionFigures> {
  let started = performance.now();
  const first = await ingestWordOrPdf(`/bench/${name}`, 'first', bytes);
  const firstMs = performance.now() - started;
  started = performance.now();
  for (let i = 0; i < FILES; i++) await ingestWordOrPdf(`/bench/${i}-${name}`, String(i), bytes);
  const ms = performance.now() - started;
  const pages = pagesOf(first) * FILES;
  return { files: FILES, pages, firstMs, ms, pagesPerSecond: (pages / ms) * 1000, filesPerSecond: (FILES / ms) * 1000 };
}

export function formatArchiveFigures(figures: { pdf: ExtractionFigures; docx: ExtractionFigures }): string {
  const line = (label: string, f: ExtractionFigures) =>
    `  ${label}: ${f.pagesPerSecond.toFixed(0)} pages/s, ${f.filesPerSecond.toFixed(1)} files/s ` +
    `(${f.files} files, ${f.pages.toFixed(0)} pages in ${f.ms.toFixed(0)} ms; ` +
    `first file with the library loaded ${f.firstMs.toFixed(0)} ms)`;
  return [
    'Word and PDF extraction (to documents, ready to index)',
    line('PDF, two-column records', figures.pdf),
    line('Word (.docx)', figures.docx),
    '',
  ].join('\n');
}
