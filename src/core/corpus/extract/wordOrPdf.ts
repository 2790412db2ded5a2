/**
 * Word and PDF files into documents. The extracted text has one paragraph per line, paragraphs apart by a blank
 * line, so a passage's position is a line of that text (and, in a PDF, the page that line starts on). Each
 * extractor and its library is loaded on the first such file: a corpus of text files, or one reopened from the
 * cache, never loads them.
 */
import { readFile } from 'fs/promises';
import * as path from 'path';
import type { CorpusDocument } from '../../types';
import { ingestText } from '../ingest';
import type { Extracted, Extractor } from './extracted';

const FORMATS = { '.pdf': 'pdf', '.docx': 'docx' } as const;
type Format = (typeof FORMATS)[keyof typeof FORMATS];
const loaded = new Map<Format, Extractor>();

export const WORD_AND_PDF_EXTENSIONS = Object.keys(FORMATS);

export function isWordOrPdf(file: string): boolean {
  return formatOf(file) !== null;
}

export async function ingestWordOrPdf(file: string, hash: string, bytes: Uint8Array): Promise<CorpusDocument> {
  const format = formatOf(file)!;
  const { text, pageStarts, extracted } = await extractText(format, bytes);
  const document = ingestText(file, hash, format, text, extracted.meta);
  return pageStarts ? { ...document, pageStarts } : document;
}

/** The text a Word or PDF file's passages point into, for a reader to see them in place. */
export async function readExtractedText(file: string): Promise<string> {
  const format = formatOf(file);
  if (!format) throw new Error(`${file}: not a Word or PDF file`);
  return (await extractText(format, await readFile(file))).text;
}

async function extractText(
  format: Format,
  bytes: Uint8Array,
): Promise<{ text: string; pageStarts: number[] | null; extracted: Extracted }> {
  const extracted = await extractorFor(format)(bytes);
  const text = extracted.blocks.map((block) => block.text).join('\n\n');
  if (format !== 'pdf') return { text, pageStarts: null, extracted };
  // Block i is line 2i; a page without text starts where the next one does.
  const pageStarts = Array.from({ length: extracted.pages ?? 0 }, (_, p) => {
    const first = extracted.blocks.findIndex((block) => block.page !== null && block.page > p);
    return 2 * (first === -1 ? extracted.blocks.length : first);
  });
  return { text, pageStarts, extracted };
}

function formatOf(file: string): Format | null {
  return FORMATS[path.extname(file).toLowerCase() as keyof typeof FORMATS] ?? null;
}

function extractorFor(format: Format): Extractor {
  let extractor = loaded.get(format);
  if (!extractor) {
    // Run from source (tests) the extractor is the module beside this one; bundled, it is a bundle of its own
    // beside the core's (dist/pdfExtractor.js), required by a computed path so that esbuild leaves it out.
    const fromSource = __filename.endsWith('.ts');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a computed path, left to run time on purpose
    const module = require(path.join(__dirname, fromSource ? format : `${format}Extractor.js`)) as { extract: Extractor };
    extractor = module.extract;
    loaded.set(format, extractor);
  }
  return extractor;
}
