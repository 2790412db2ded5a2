/** The page a passage of a PDF is on, from the lines its pages start on (CorpusDocument.pageStarts). */
import { lastAtOrBelow } from '../text/sorted';
import type { CorpusDocument } from '../types';

/** The page (from 1) that a line of a PDF's extracted text is on; null for documents without pages. */
export function pageOf(document: CorpusDocument, line: number): number | null {
  return document.pageStarts ? lastAtOrBelow(document.pageStarts, line) + 1 : null;
}
