/** A corpus file's text as its passages' positions count it: decoded, or extracted from a Word or PDF file. */
import { readFile } from 'fs/promises';
import { decodeBytes } from './decode';
import { isWordOrPdf, readExtractedText } from './extract/wordOrPdf';

export async function readSourceText(file: string): Promise<string> {
  return isWordOrPdf(file) ? readExtractedText(file) : decodeBytes(await readFile(file)).text;
}
