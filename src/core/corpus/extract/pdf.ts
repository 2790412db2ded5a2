/** A PDF's text layer through pdfjs-dist (in this thread: no worker to start), with its info dictionary. */
import './domMatrix';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { DocumentMeta } from '../../types';
import { type Extractor, isUnreadableFile, UnreadableFileError } from './extracted';
import { type PositionedPage, readingOrder } from './pdfLayout';

// pdfjs runs its "worker" on the main thread when the worker's handler is on globalThis: no worker file to find.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

/** pdfjs's levels: 0 errors only; its warnings would go to stdout, into the CLI's output. */
const ERRORS_ONLY = 0;
/** "D:20150929103000+02'00'" */
const PDF_DATE = /^D:(\d{4})(\d{2})?(\d{2})?/;

export const extract: Extractor = async (bytes) => {
  // pdfjs takes the buffer over; the caller's bytes stay usable.
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: ERRORS_ONLY,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy();
    throw isPdfVerdict(error) ? unreadable(error) : error;
  }
  try {
    const pages: PositionedPage[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent();
      const items = content.items.flatMap((item) =>
        'str' in item && item.str.trim() ? [positioned(item.str, item.transform as number[], item.width, item.height, x0, y0)] : [],
      );
      pages.push({ width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
    }
    if (pages.every((page) => page.items.length === 0)) throw new UnreadableFileError('no text layer (scanned image?)');
    const { info } = await pdf.getMetadata();
    return { blocks: readingOrder(pages), meta: metaOf(info as Record<string, unknown>), pages: pages.length };
  } catch (error) {
    throw isUnreadableFile(error) || !isPdfVerdict(error) ? error : unreadable(error);
  } finally {
    await pdf.destroy();
  }
};

/**
 * pdfjs's own verdicts on the file — encrypted, not a PDF, broken structure — which stay true until the file
 * changes and may be remembered; anything else (memory, a bug) is reported but not remembered.
 */
function isPdfVerdict(error: unknown): boolean {
  return ['PasswordException', 'InvalidPDFException', 'FormatError', 'MissingPDFException', 'UnknownErrorException'].includes(
    (error as Error)?.name,
  );
}

function unreadable(error: unknown): UnreadableFileError {
  const { name, message } = error as Error;
  if (name === 'PasswordException') return new UnreadableFileError('encrypted PDF (password required)');
  return new UnreadableFileError(`not a valid PDF file: ${message}`);
}

function metaOf(info: Record<string, unknown>): Partial<DocumentMeta> {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
  const created = PDF_DATE.exec(text(info.CreationDate) ?? '');
  return {
    title: text(info.Title)?.replace(/^Microsoft Word - /, '') ?? null,
    speaker: text(info.Author),
    date: created ? [created[1], created[2], created[3]].filter(Boolean).join('-') : null,
  };
}

/** A text item at its place on the page; a PDF text matrix is [scaleX, skewY, skewX, scaleY, x, y]. */
function positioned(text: string, [, , , scaleY, x, y]: number[], width: number, height: number, x0: number, y0: number) {
  return { text, x: x - x0, y: y - y0, width, fontSize: Math.abs(scaleY) || height };
}
