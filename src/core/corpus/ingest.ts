/** One file's text into a document: front matter, furniture removed, reflowed paragraphs, sentences. */
import type { CorpusDocument, DocumentMeta, Paragraph, Passage } from '../types';
import { type FrontMatter, readFrontMatter } from './frontMatter';
import { stripFurniture } from './furniture';
import { inferMeta } from './inferMeta';
import { LineIndex, splitLines } from './lines';
import { reflow } from './reflow';
import { splitSentences } from './segment';

/**
 * `properties`: what the file says of itself outside its text (a Word file's author, a PDF's info dictionary);
 * `frontMatter`: its front matter, when the caller has read it already (a draft whose front matter is blanked).
 */
export function ingestText(
  file: string,
  hash: string,
  encoding: string,
  text: string,
  properties: Partial<DocumentMeta> = {},
  frontMatter: FrontMatter = readFrontMatter(text),
): CorpusDocument {
  const lineIndex = new LineIndex(text);
  const lines = splitLines(text, frontMatter.bodyStart);
  const reflowed = reflow(text, stripFurniture(text, lines));
  const paragraphs: Paragraph[] = [];
  const passages: Passage[] = [];
  for (const { text: paragraphText, sources } of reflowed) {
    const sourceRange = (start: number, end: number) => lineIndex.range(sources.sourceOf(start), sources.sourceOf(end - 1) + 1);
    const paragraph = paragraphs.length;
    paragraphs.push({ text: paragraphText, range: sourceRange(0, paragraphText.length) });
    for (const [start, end] of splitSentences(paragraphText)) {
      passages.push({ start, end, paragraph, range: sourceRange(start, end) });
    }
  }
  const notes: string[] = [];
  if (frontMatter.problem) notes.push(frontMatter.problem);
  if (encoding === 'windows-1252') notes.push('not valid UTF-8; read as Windows-1252');
  const meta = inferMeta(
    paragraphs.map((p) => p.text),
    frontMatter.meta,
    properties,
  );
  return { file, hash, encoding, meta, paragraphs, passages, notes };
}
