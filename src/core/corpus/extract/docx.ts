/**
 * A Word file's text through mammoth: headings, paragraphs, list items, each table row as one line, footnotes
 * and endnotes after the body; title, author and creation date from its core properties (docProps/core.xml).
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { DocumentMeta } from '../../types';
import { type ExtractedBlock, type Extractor, UnreadableFileError } from './extracted';

/** Elements whose text is one block; a table row is one block, its cells joined. */
const BLOCK = /<(h[1-6]|p|li|tr)\b[^>]*>([\s\S]*?)<\/\1>/g;
const CELL_END = /<\/t[dh]>/g;
/** mammoth's link from a footnote back to its reference ("↑"). */
const BACK_LINK = /<a href="#[^"]*-ref-[^"]*">[\s\S]*?<\/a>/g;
const TAG = /<[^>]+>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
/** An OLE compound file: what Word writes for a password-protected document, and for the old .doc format. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0];

export const extract: Extractor = async (bytes) => {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    if (COMPOUND_FILE.every((byte, i) => bytes[i] === byte)) {
      throw new UnreadableFileError('encrypted Word file (password required), or an old .doc saved as .docx');
    }
    throw new UnreadableFileError('not a valid Word file: not a zip archive');
  }
  if (!zip.file('word/document.xml')) throw new UnreadableFileError('not a valid Word file: no word/document.xml in it');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw new UnreadableFileError(`not a valid Word file: ${(error as Error).message}`);
  }
  return { blocks: blocksOf(html), meta: await coreProperties(zip), pages: null };
};

function blocksOf(html: string): ExtractedBlock[] {
  // A cell's or a list item's paragraphs are read with their row or item; a footnote keeps its number.
  const flat = html
    .replace(/<(td|th)\b[^>]*>([\s\S]*?)<\/\1>/g, (_, tag: string, cell: string) => `<${tag}>${cell.replace(/<\/?p>/g, ' ')}</${tag}>`)
    .replace(/<li\b([^>]*)>([\s\S]*?)<\/li>/g, (_, attributes: string, item: string) => {
      const note = /id="(?:foot|end)note-(\d+)"/.exec(attributes);
      return `<li>${note ? `[${note[1]}] ` : ''}${item.replace(/<\/?p>/g, ' ')}</li>`;
    });
  const blocks: ExtractedBlock[] = [];
  for (const [, , inner] of flat.matchAll(BLOCK)) {
    const text = textOf(inner.replace(BACK_LINK, '').replace(CELL_END, ' | ')).replace(/\s*\|$/, '');
    if (text) blocks.push({ text, page: null });
  }
  return blocks;
}

function textOf(html: string): string {
  return html
    .replace(TAG, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+/g, ' ')
    .trim();
}

async function coreProperties(zip: JSZip): Promise<Partial<DocumentMeta>> {
  const xml = await zip.file('docProps/core.xml')?.async('string');
  if (!xml) return {};
  const field = (name: string) => {
    const value = new RegExp(`<${name}\\b[^>]*>([^<]*)</${name}>`).exec(xml)?.[1];
    return value ? textOf(value) || null : null;
  };
  return { title: field('dc:title'), speaker: field('dc:creator'), date: field('dcterms:created')?.slice(0, 10) ?? null };
}
