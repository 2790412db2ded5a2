/** Shared types at the bottom of the core: no imports from elsewhere in the project. */

/** A range in a source file, 0-based lines and UTF-16 columns as VS Code counts them; end exclusive. */
export interface SourceRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** What the front matter says of a document, or what could be inferred from its text. */
export interface DocumentMeta {
  title: string | null;
  speaker: string | null;
  /** Full or partial ISO date: YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string | null;
  /** The time the document reports on, when that is not its date (a yearbook of 2015 reports on 2014). */
  period: string | null;
  venue: string | null;
  /** The country whose statement this is, from whom "we" and "my Government" speak. */
  country: string | null;
  source: string | null;
  kind: string | null;
  /** Where a draft stands ("draft", "final"): a final text must carry no bracketed alternatives. */
  status: string | null;
}

/** A sentence of a document as a reader sees it, with the exact place it came from. */
export interface Passage {
  /** Offset of the sentence inside its paragraph's text. */
  start: number;
  end: number;
  paragraph: number;
  range: SourceRange;
}

export interface Paragraph {
  /** Reflowed text: hard line breaks joined, furniture removed, white space collapsed. */
  text: string;
  range: SourceRange;
}

export interface CorpusDocument {
  /** Absolute path. */
  file: string;
  /** SHA-1 of the file's bytes. */
  hash: string;
  encoding: string;
  meta: DocumentMeta;
  paragraphs: Paragraph[];
  passages: Passage[];
  /** Caveats from reading it (malformed front matter, not UTF-8): it was read, but the user should know. */
  notes: string[];
  /** A PDF's pages: the line of its extracted text each page starts on (see corpus/extract/wordOrPdf.ts). */
  pageStarts?: number[];
}

/** A file that was not read, or read with a caveat, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** A text of the corpus where it stands: enough to show it, open its source and cite it. */
export interface CorpusPlace {
  text: string;
  file: string;
  range: SourceRange;
  title: string | null;
  speaker: string | null;
  date: string | null;
}

export interface SearchMatch extends CorpusPlace {
  /** The passage as a reader sees it. */
  text: string;
  /** The paragraph the passage belongs to. */
  context: string;
  /** [start, end) offsets of matched text inside `text`. */
  matches: Array<[number, number]>;
  /** 0 to 1, higher is better. */
  score: number;
  /** The page the passage starts on, in a PDF; null in files without pages. */
  page: number | null;
  /**
   * Numbers of the query that no passage holds (numbers match only exactly): the match is among the passages
   * closest to the query without them. Absent when every number was found.
   */
  unmatched?: string[];
}
