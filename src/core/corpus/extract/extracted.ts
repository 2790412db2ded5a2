/** What an extractor makes of a Word or PDF file: its text in reading order, and what the file says of itself. */
import type { DocumentMeta } from '../../types';

export interface ExtractedBlock {
  /** One paragraph, heading, table row or footnote, on one line: line-end hyphens already resolved. */
  text: string;
  /** The page it starts on (PDF); null where a file has no fixed pages (Word). */
  page: number | null;
}

export interface Extracted {
  blocks: ExtractedBlock[];
  /** From the file's own properties (Word's core properties, the PDF info dictionary). */
  meta: Partial<DocumentMeta>;
  /** Null where a file has no fixed pages (Word). */
  pages: number | null;
}

/** A file that holds no readable text; the message is the reason a user sees next to the file. */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';
}

/** By name: each extractor is a bundle of its own, with its own copy of the class, so instanceof cannot tell. */
export function isUnreadableFile(error: unknown): error is UnreadableFileError {
  return error instanceof Error && error.name === 'UnreadableFileError';
}

export type Extractor = (bytes: Uint8Array) => Promise<Extracted>;
