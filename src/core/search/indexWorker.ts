/**
 * The worker thread of indexBuild.ts: builds a fresh index from the documents it is sent, in batches, in order, and
 * says when it has taken each in (the reading waits for that); `null` ends the list, and the index's arrays are sent
 * back (moved, not copied).
 */
import { parentPort } from 'worker_threads';
import type { DocumentBatch, IndexWorkerReply } from './indexBuild';
import { SnapshotBuilder } from './passageIndex';

const port = parentPort;
if (!port) throw new Error('indexWorker.js runs as a worker thread of the index build');
const builder = new SnapshotBuilder();
port.on('message', (message: DocumentBatch | null) => {
  if (message !== null) {
    const { paragraphs, passages, documentPassages } = message;
    let first = 0;
    for (const count of documentPassages) {
      builder.addTexts(count, (local) => {
        const at = (first + local) * 3;
        return paragraphs[passages[at]].slice(passages[at + 1], passages[at + 2]);
      });
      first += count;
    }
    port.postMessage({ batchTakenIn: true } satisfies IndexWorkerReply);
    return;
  }
  const { built } = builder.finish();
  const arrays = [built.documentFrequency, built.postingOffsets, built.postings, built.passageDocument, built.passageLocal];
  port.postMessage(
    { built } satisfies IndexWorkerReply,
    arrays.map((array) => array.buffer as ArrayBuffer),
  );
});
