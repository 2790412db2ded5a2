/** Hover cards' Markdown: text escaped, and links to a corpus passage. */
import * as path from 'path';
import type { SourceRange } from '../core/types';
import { sourceUri } from './convert';

/** Text shown inside a Markdown hover card, with Markdown's own characters escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');
}

/** "[title](link to the passage) · date": where a passage comes from, opening it at its line. */
export function sourceLink(source: { file: string; range: SourceRange; title: string | null; date: string | null }): string {
  const link = sourceUri(source.file).with({ fragment: `L${source.range.startLine + 1}` });
  return `[${escapeMarkdown(source.title ?? path.basename(source.file))}](${link.toString()})${source.date ? ` · ${source.date}` : ''}`;
}
