/**
 * The worker thread of indexBuild.ts: builds a fresh index from the documents it is sent, in order; `null` ends the
 * list, and the index's arrays are sent back (moved, not copied).
 */
import { parentPort } from 'worker_threads';
import type { DocumentMessage } from './indexBuild';
import { SnapshotBuilder } from './passageIndex';

const port = parentPort;
if (!port) throw new Error('indexWorker.js runs as a worker thread of the index build');
const builder = new SnapshotBuilder();
port.on('message', (message: DocumentMessage | null) => {
  if (message !== null) {
    const { paragraphs, passages } = message;
    builder.addTexts(passages.length / 3, (local) =>
      paragraphs[passages[local * 3]].slice(passages[local * 3 + 1], passages[local * 3 + 2]),
    );
    return;
  }
  const { snapshot } = builder.finish();
  const arrays = [snapshot.documentFrequency, snapshot.postingOffsets, snapshot.postings, snapshot.passageDocument, snapshot.passageLocal];
  port.postMessage(
    snapshot,
    arrays.map((array) => array.buffer as ArrayBuffer),
  );
});
