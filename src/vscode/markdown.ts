/** Hover cards' Markdown: text escaped, and links to a corpus passage. */
import * as path from 'path';
import type { SourceRange } from '../core/types';
import { sourceUri } from './convert';
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
  const link = sourceUri(source.file).with({ fragment: `L${source.range.startLine + 1}` });
  const collection = core().serverCollectionOf(source.file);
  return (
    `[${escapeMarkdown(source.title ?? path.basename(source.file))}](${link.toString()})` +
    (source.date ? ` · ${source.date}` : '') +
    (collection ? ` · $(database) server: ${escapeMarkdown(collection)}` : '')
  );
}

/** The line a hover card ends with when the team server did not answer: what it shows is the local corpus's only. */
export function shortfallLine(shortfall: string): string {
  return `\n\n---\n\n$(debug-disconnect) *Server unavailable: local corpus only* — ${escapeMarkdown(shortfall)}`;
}
