/**
 * A draft, read once: its front matter, what of it is prose, its sentences (by the core's one segmenter), and its
 * citations. The checks, the hovers and the CLI all read a draft through this, so they agree on where a sentence
 * starts and what a citation is. Markdown drafts are parsed for what is not prose (see markdownProse.ts); plain
 * text drafts and corpus files are prose throughout.
 */
import { type Citation, extractCitations } from '../citations/extract';
import { readFrontMatter } from '../corpus/frontMatter';
import { ingestText } from '../corpus/ingest';
import { LineIndex } from '../corpus/lines';
import type { DocumentMeta } from '../types';
import { markdownNonProse } from './markdownProse';

/** A sentence of the draft, with its offsets in the draft's text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

export interface Draft {
  file: string;
  /** The text as written. */
  text: string;
  /** The same text with what is not prose — front matter, code, HTML, link destinations — blanked (line breaks kept). */
  prose: string;
  /** Where the text after the front matter begins. */
  bodyStart: number;
  /** [start, end) ranges that are not prose (the front matter first), in order. */
  nonProse: Array<[number, number]>;
  meta: DocumentMeta;
  /** Caveats from reading it: malformed front matter. */
  notes: string[];
  lines: LineIndex;
  sentences: Sentence[];
  citations: Citation[];
}

const MARKDOWN = /\.(?:md|markdown)$/i;

export function isMarkdownFile(file: string): boolean {
  return MARKDOWN.test(file);
}

/** Reads a draft; `markdown` (by default, from the file's extension) says whether to parse it as Markdown. */
export function readDraft(text: string, file: string, options: { markdown?: boolean } = {}): Draft {
  const frontMatter = readFrontMatter(text);
  const markdown = options.markdown ?? isMarkdownFile(file);
  const blanked: Array<[number, number]> = [[0, frontMatter.bodyStart], ...(markdown ? markdownNonProse(text, frontMatter.bodyStart) : [])];
  const prose = blank(text, blanked);
  // The front matter, read once, is handed to the ingestion with the prose.
  const document = ingestText(file, '', 'utf-8', prose, {}, frontMatter);
  const lines = new LineIndex(text);
  const sentences = document.passages.map((p) => ({
    text: document.paragraphs[p.paragraph].text.slice(p.start, p.end),
    start: lines.offset(p.range.startLine, p.range.startColumn),
    end: lines.offset(p.range.endLine, p.range.endColumn),
  }));
  return {
    file,
    text,
    prose,
    bodyStart: frontMatter.bodyStart,
    nonProse: blanked,
    meta: document.meta,
    notes: document.notes,
    lines,
    sentences,
    citations: extractCitations(prose, { documentDate: document.meta.date }),
  };
}

/** The text with the ranges turned to spaces, line breaks kept, so offsets and lines stay as they were. */
function blank(text: string, ranges: Array<[number, number]>): string {
  let result = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    result += text.slice(at, start) + text.slice(Math.max(start, at), end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return result + text.slice(at);
}

/** What is at an offset of a draft, for the editor's hovers, ghost text and the sentence being typed. */
export interface DraftPlace {
  /** Whether the offset is in prose: not in the front matter, code, HTML or a link destination. */
  prose: boolean;
  /** The sentence the offset is in, or that it follows on the same line (the cursor after "We call upon "). */
  sentence: Sentence | null;
  /** The citation the offset is in. */
  citation: Citation | null;
}

export function placeIn(draft: Draft, offset: number): DraftPlace {
  const prose = !draft.nonProse.some(([start, end]) => start <= offset && offset < end) && offset >= draft.bodyStart;
  const sentence =
    draft.sentences.find((s) => s.start <= offset && (offset <= s.end || /^[ \t]*$/.test(draft.text.slice(s.end, offset)))) ?? null;
  const citation = draft.citations.find((c) => c.start <= offset && offset <= Math.max(c.end, c.statedDate?.end ?? 0)) ?? null;
  return { prose, sentence, citation };
}
