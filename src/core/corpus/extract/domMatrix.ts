/**
 * pdfjs-dist's display layer makes a DOMMatrix as it loads. Node has none, and the native canvas package pdfjs
 * would take one from is not shipped with Precedent; text extraction needs no canvas, so a plain-JS DOMMatrix
 * suffices. Imported before pdfjs-dist, so that it is in place when pdfjs loads.
 */
import CSSMatrix from '@thednp/dommatrix';

const scope = globalThis as { DOMMatrix?: unknown };
scope.DOMMatrix ??= CSSMatrix;
