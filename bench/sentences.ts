/**
 * The sentences every engine sees: Precedent's passages, as text. The process that builds the index writes them
 * to a file once; query generation and the other engines read them from there, so ids agree everywhere.
 */
import { createReadStream, promises as fs } from 'fs';
import * as path from 'path';
import { createInterface } from 'readline';
import type { CorpusDocument } from '../src/core/types';

export interface SentenceTable {
  /** Document paths; `fileOf` points into it. */
  files: string[];
  /** By sentence id: the document and the passage's index in it. */
  fileOf: Int32Array;
  passageOf: Int32Array;
  texts: string[];
}

const FILES = 'files.json';
const SENTENCES = 'sentences.tsv';
const WRITE_CHUNK = 1 << 20;

function passageText(document: CorpusDocument, passage: number): string {
  const p = document.passages[passage];
  return document.paragraphs[p.paragraph].text.slice(p.start, p.end);
}

export async function writeSentences(dir: string, documents: readonly CorpusDocument[]): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, FILES), JSON.stringify(documents.map((d) => d.file)));
  const out = await fs.open(path.join(dir, SENTENCES), 'w');
  try {
    let chunk = '';
    for (let f = 0; f < documents.length; f++) {
      for (let p = 0; p < documents[f].passages.length; p++) {
        // One sentence a line: tabs and line breaks inside one would break the format.
        chunk += `${f}\t${p}\t${passageText(documents[f], p).replace(/[\t\r\n]/g, ' ')}\n`;
        if (chunk.length > WRITE_CHUNK) {
          await out.write(chunk);
          chunk = '';
        }
      }
    }
    await out.write(chunk);
  } finally {
    await out.close();
  }
}

export async function readSentences(dir: string): Promise<SentenceTable> {
  const files = JSON.parse(await fs.readFile(path.join(dir, FILES), 'utf8')) as string[];
  const fileOf: number[] = [];
  const passageOf: number[] = [];
  const texts: string[] = [];
  const lines = createInterface({ input: createReadStream(path.join(dir, SENTENCES), 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    const first = line.indexOf('\t');
    const second = line.indexOf('\t', first + 1);
    fileOf.push(Number(line.slice(0, first)));
    passageOf.push(Number(line.slice(first + 1, second)));
    texts.push(line.slice(second + 1));
  }
  return { files, fileOf: Int32Array.from(fileOf), passageOf: Int32Array.from(passageOf), texts };
}
