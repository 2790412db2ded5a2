/** pdfjs-dist ships no types for its worker module; the fake worker needs only this export. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
