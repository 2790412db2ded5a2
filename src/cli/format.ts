/** What the CLI prints: the stable JSON contract and the human-readable text. */
import { describeFact, type Fact, factWhen } from '../core/facts/factBase';
import type { Continuation } from '../core/search/complete';
import { describeUnmatched } from '../core/search/search';
import type { SearchMatch } from '../core/types';
import type { PublishReport } from '../core/db/publish';
import type { IndexReport } from '../core/workspace';

/** 1-based lines and columns (UTF-16, end exclusive), as editors show them. */
export function searchResultJson(match: SearchMatch) {
  return {
    file: match.file,
    line: match.range.startLine + 1,
    column: match.range.startColumn + 1,
    endLine: match.range.endLine + 1,
    endColumn: match.range.endColumn + 1,
    text: match.text,
    context: match.context,
    matches: match.matches,
    score: match.score,
    title: match.title,
    date: match.date,
    speaker: match.speaker,
    page: match.page,
    ...(match.unmatched && { unmatched: match.unmatched }),
  };
}

export function formatIndexReport(report: IndexReport): string {
  const lines = [
    `${report.documents} documents, ${report.passages} passages in ${report.ms} ms` +
      (report.fromSnapshot ? ' (from cache)' : ` (${report.ingested} files read)`),
  ];
  if (report.skipped.length > 0) {
    lines.push(`${report.skipped.length} skipped:`);
    for (const { file, reason } of report.skipped) lines.push(`  ${file}: ${reason}`);
  }
  if (report.warnings.length > 0) {
    lines.push(`${report.warnings.length} read with a caveat:`);
    for (const { file, reason } of report.warnings) lines.push(`  ${file}: ${reason}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatSearchResults(results: SearchMatch[]): string {
  if (results.length === 0) return 'No matching passages.\n';
  const unmatched = results[0].unmatched;
  return (
    (unmatched ? `${describeUnmatched(unmatched)}:\n\n` : '') +
    results
      .map((match, i) => {
        const about = [match.title, match.speaker, match.date].filter(Boolean).join(' · ');
        const page = match.page === null ? '' : ` (p. ${match.page})`;
        const where = `${match.file}:${match.range.startLine + 1}:${match.range.startColumn + 1}${page}`;
        return `${i + 1}. [${match.score.toFixed(2)}] ${about}\n   ${where}\n   ${match.text}\n`;
      })
      .join('\n')
  );
}

export function continuationJson(continuation: Continuation) {
  return {
    text: continuation.text,
    file: continuation.file,
    line: continuation.range.startLine + 1,
    title: continuation.title,
    date: continuation.date,
  };
}

export function formatContinuations(continuations: Continuation[]): string {
  if (continuations.length === 0) return 'No continuation in the corpus.\n';
  return continuations
    .map((c, i) => `${i + 1}. …${c.text}\n   ${[c.title, c.date].filter(Boolean).join(' · ')} (${c.file}:${c.range.startLine + 1})\n`)
    .join('\n');
}

export function factJson(fact: Fact) {
  return {
    subject: fact.subject.display,
    actor: fact.actor.display,
    relation: fact.relation,
    object: fact.object,
    quantities: fact.quantities.map(({ value, unit, text, approximate }) => ({ value, unit, text, approximate })),
    time: fact.time,
    text: fact.text,
    file: fact.file,
    line: fact.range.startLine + 1,
    title: fact.title,
    date: fact.date,
  };
}

/** Facts grouped under their subject, as a timeline: newest first. */
export function formatFacts(facts: Fact[]): string {
  if (facts.length === 0) return 'No matching facts.\n';
  const lines: string[] = [];
  let subject: string | null = null;
  for (const fact of facts) {
    if (fact.subject.key !== subject) {
      subject = fact.subject.key;
      lines.push(`${lines.length > 0 ? '\n' : ''}${fact.subject.display}`);
    }
    lines.push(`  ${factWhen(fact)}: ${describeFact(fact)}${fact.object ? ` · ${fact.object}` : ''}`);
    lines.push(`    "${fact.text}"`);
    lines.push(`    ${[fact.title, fact.date].filter(Boolean).join(' · ')} (${fact.file}:${fact.range.startLine + 1})`);
    for (const file of fact.alsoIn) lines.push(`    also in ${file}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatPublishReport(report: PublishReport): string {
  const lines = [
    `Published ${report.documents} documents, ${report.passages} passages to collection ${report.collection} in ${report.ms} ms: ` +
      `${report.added} added, ${report.updated} updated, ${report.removed} removed, ${report.unchanged} unchanged`,
  ];
  if (report.skipped.length > 0) {
    lines.push(`${report.skipped.length} skipped:`);
    for (const { file, reason } of report.skipped) lines.push(`  ${file}: ${reason}`);
  }
  return `${lines.join('\n')}\n`;
}
