/** Hover cards' Markdown: text escaped, and links to a corpus passage. */
import * as path from 'path';
import type { SourceRange } from '../core/types';
import { sourceUri } from './convert';
import { OPEN_SOURCE_COMMAND } from './sourceDocuments';
import { core } from './loadCore';

/** Text shown inside a Markdown hover card, with Markdown's own characters escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');
}

/**
 * "[title](link to the passage) · date", and "· server: COLLECTION" for a team server's passage: where a passage
 * comes from, opening it at its line.
 */
export function sourceLink(source: { file: string; range: SourceRange; title: string | null; date: string | null }): string {
  const uri = sourceUri(source.file);
  // A hover renders links of the file scheme only: another (a server's document, a PDF's text) opens by command.
  const link =
    uri.scheme === 'file'
      ? uri.with({ fragment: `L${source.range.startLine + 1}` }).toString()
      : `command:${OPEN_SOURCE_COMMAND}?${encodeURIComponent(JSON.stringify([source.file, source.range]))}`;
  const collection = core().serverCollectionOf(source.file);
  return (
    `[${escapeMarkdown(source.title ?? path.basename(source.file))}](${link})` +
    (source.date ? ` · ${source.date}` : '') +
    (collection ? ` · $(database) server: ${escapeMarkdown(collection)}` : '')
  );
}

/** The line a hover card ends with when the team server did not answer: what it shows is the local corpus's only. */
export function shortfallLine(shortfall: string): string {
  return `\n\n---\n\n$(debug-disconnect) *Server unavailable: local corpus only* — ${escapeMarkdown(shortfall)}`;
}
