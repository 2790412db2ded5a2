/**
 * `precedent publish`: a corpus read as `index` reads it (same ingestion, same skipped files, the same cache), written
 * to a database server in one transaction — documents and their text, paragraphs, passages with their exact places,
 * citations, facts, the acronym table, word counts, and the files left out (unreadable ones, and twins: a file with
 * the same content as another is published once). Incremental: a file whose content is unchanged is not sent again,
 * a removed file is removed; an interrupted publish leaves the previous version in place.
 */
import * as path from 'path';
import type { ClientBase } from 'pg';
import { extractCitations } from '../citations/extract';
import { readSourceText } from '../corpus/sourceText';
import { documentFacts, identityOf, searchableFact, subjectKeyOf } from '../facts/factBase';
import type { CorpusDocument } from '../types';
import { PrecedentWorkspace } from '../workspace';
import { openClient } from './connection';
import { COLLECTION_NAME, documentReference } from './reference';
import { DEFAULT_READER_ROLE, grantReading, migrate, tidyAfterWriting } from './schema';
import { wordList } from './words';

export interface PublishOptions {
  url: string;
  collection: string;
  /** The role whose members may read the collection. */
  readers?: string;
  roots: string[];
  cacheDir: string | null;
  maxFileBytes?: number;
  log?: (line: string) => void;
}

export interface PublishReport {
  collection: string;
  documents: number;
  passages: number;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  skipped: Array<{ file: string; reason: string }>;
  ms: number;
}

export class PublishError extends Error {}

/** Rows go to the server this many at a time. */
const BATCH_ROWS = 5000;

export async function publishCorpus(options: PublishOptions): Promise<PublishReport> {
  const started = performance.now();
  if (!COLLECTION_NAME.test(options.collection)) {
    throw new PublishError(`a collection's name is letters, digits, ".", "_" and "-" (got "${options.collection}")`);
  }
  const workspace = await PrecedentWorkspace.load({ roots: options.roots, cacheDir: options.cacheDir, maxFileBytes: options.maxFileBytes });
  await workspace.saved.catch((error: Error) => options.log?.(`the index cache could not be written: ${error.message}`));
  const base = commonFolder(options.roots);
  const pathOf = (file: string) => path.relative(base, file).split(path.sep).join('/');
  const client = await openClient(options.url);
  try {
    await client.query('BEGIN');
    // One publish at a time: a second waits for the first to commit.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('precedent publish'))`);
    await migrate(client);
    const readers = options.readers ?? DEFAULT_READER_ROLE;
    await requireRole(client, readers);
    const collectionId = await upsertCollection(client, options.collection, readers);
    const stored = await client.query<{ id: string; path: string; hash: string }>(
      'SELECT id, path, hash FROM precedent.documents WHERE collection_id = $1',
      [collectionId],
    );
    const storedByPath = new Map(stored.rows.map((row) => [row.path, row]));
    const current = new Set(workspace.documents.map((d) => pathOf(d.file)));
    const changed = workspace.documents.filter((d) => storedByPath.get(pathOf(d.file))?.hash !== d.hash);
    const gone = stored.rows.filter((row) => !current.has(row.path) || changed.some((d) => pathOf(d.file) === row.path));
    await client.query('DELETE FROM precedent.documents WHERE id = ANY ($1::bigint[])', [gone.map((row) => row.id)]);
    const ids = await insertDocuments(client, collectionId, changed, pathOf);

    // Facts name acronyms as the whole collection defines them: when the table changes, every document's are read again.
    const acronyms = workspace.acronymTable();
    const acronymsChanged = await replaceAcronyms(client, collectionId, acronyms.definitions());
    const refacted = acronymsChanged ? workspace.documents : changed;
    const documentIds = new Map(ids);
    if (acronymsChanged) {
      const all = await client.query<{ id: string; path: string }>('SELECT id, path FROM precedent.documents WHERE collection_id = $1', [
        collectionId,
      ]);
      for (const row of all.rows) documentIds.set(row.path, row.id);
      await client.query('DELETE FROM precedent.facts WHERE collection_id = $1', [collectionId]);
    }
    await insertFacts(
      client,
      collectionId,
      refacted.map((d) => ({
        id: documentIds.get(pathOf(d.file))!,
        facts: documentFacts(d, acronyms, documentReference(options.collection, pathOf(d.file))),
      })),
    );
    if (changed.length > 0 || gone.length > 0) await countTerms(client, collectionId);
    await client.query('DELETE FROM precedent.skipped WHERE collection_id = $1', [collectionId]);
    const skipped = workspace.report.skipped;
    await client.query('INSERT INTO precedent.skipped (collection_id, path, reason) SELECT $1, * FROM unnest($2::text[], $3::text[])', [
      collectionId,
      skipped.map((s) => pathOf(s.file)),
      skipped.map((s) => s.reason),
    ]);
    await grantReading(client, readers);
    if (changed.length > 0 || gone.length > 0 || acronymsChanged) await tidyAfterWriting(client);
    await client.query('COMMIT');
    const removed = stored.rows.filter((row) => !current.has(row.path)).length;
    return {
      collection: options.collection,
      documents: workspace.report.documents,
      passages: workspace.report.passages,
      added: changed.length - (gone.length - removed),
      updated: gone.length - removed,
      removed,
      unchanged: workspace.documents.length - changed.length,
      skipped,
      ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw writeRefused(error) ?? error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A role without the right to create or change the schema gets a message that says what publishing needs. */
function writeRefused(error: unknown): PublishError | null {
  if ((error as { code?: string }).code !== '42501') return null;
  return new PublishError(
    `publish needs a role that may write: one that owns schema precedent (or may create it in this database) — ${(error as Error).message}`,
  );
}

async function requireRole(client: ClientBase, role: string): Promise<void> {
  const { rows } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (rows.length === 0) {
    throw new PublishError(
      `the readers' role "${role}" does not exist: create it (CREATE ROLE ${role} NOLOGIN) and grant it to the drafters`,
    );
  }
}

async function upsertCollection(client: ClientBase, name: string, readers: string): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO precedent.collections (name, reader_role) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET reader_role = EXCLUDED.reader_role RETURNING id`,
    [name, readers],
  );
  return rows[0].id;
}

/** Documents, paragraphs, passages and citations, in batches; returns each document's id by path. */
async function insertDocuments(
  client: ClientBase,
  collectionId: number,
  documents: CorpusDocument[],
  pathOf: (file: string) => string,
): Promise<Array<[string, string]>> {
  const ids: Array<[string, string]> = [];
  const paragraphs = new Rows(['document_id', 'ordinal', 'text'], ['bigint', 'int', 'text']);
  const passages = new Rows(
    ['id', 'document_id', 'ordinal', 'paragraph', 'start_line', 'start_column', 'end_line', 'end_column', 'text', 'words'],
    ['bigint', 'bigint', 'int', 'int', 'int', 'int', 'int', 'int', 'text', 'text'],
  );
  const citations = new Rows(['passage_id', 'number', 'session', 'year', 'label'], ['bigint', 'int', 'int', 'int', 'text']);
  // All three at once, in order: a citation is sent only with (or after) the passage it belongs to.
  const flush = async (force: boolean) => {
    if (!force && !paragraphs.full && !passages.full && !citations.full) return;
    await paragraphs.flush(client, 'paragraphs', collectionId, true);
    await passages.flush(client, 'passages', collectionId, true, { words: `array_to_tsvector(string_to_array(words, ' '))` });
    await citations.flush(client, 'citations', collectionId, true);
  };
  for (const document of documents) {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO precedent.documents (collection_id, path, hash, encoding, meta, notes, page_starts, source_text)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        collectionId,
        pathOf(document.file),
        document.hash,
        document.encoding,
        JSON.stringify(document.meta),
        document.notes,
        document.pageStarts ?? null,
        await readSourceText(document.file),
      ],
    );
    const documentId = rows[0].id;
    ids.push([pathOf(document.file), documentId]);
    document.paragraphs.forEach((paragraph, ordinal) => paragraphs.add([documentId, ordinal, paragraph.text]));
    const passageIds = await nextIds(client, 'precedent.passages_id_seq', document.passages.length);
    document.passages.forEach((passage, ordinal) => {
      const text = document.paragraphs[passage.paragraph].text.slice(passage.start, passage.end);
      const { startLine, startColumn, endLine, endColumn } = passage.range;
      const id = passageIds[ordinal];
      passages.add([id, documentId, ordinal, passage.paragraph, startLine, startColumn, endLine, endColumn, text, wordList(text)]);
      for (const citation of extractCitations(text, { documentDate: document.meta.date })) {
        citations.add([id, citation.number, citation.session, citation.year, citation.label]);
      }
    });
    await flush(false);
  }
  await flush(true);
  return ids;
}

async function insertFacts(
  client: ClientBase,
  collectionId: number,
  documents: Array<{ id: string; facts: ReturnType<typeof documentFacts> }>,
) {
  const facts = new Rows(
    [
      'document_id',
      'ordinal',
      'identity',
      'subject_key',
      'subject_name',
      'actor_name',
      'fact',
      'subject_words',
      'relation_words',
      'actor_words',
      'other_words',
    ],
    ['bigint', 'int', 'text', 'text', 'text', 'text', 'jsonb', 'text', 'text', 'text', 'text'],
  );
  const words = (list: string, weight: string) => `setweight(array_to_tsvector(string_to_array(${list}, ' ')), '${weight}')`;
  const flush = (force: boolean) =>
    facts.flush(
      client,
      'facts',
      collectionId,
      force,
      {
        words: [words('subject_words', 'A'), words('relation_words', 'B'), words('actor_words', 'C'), words('other_words', 'D')].join(
          ' || ',
        ),
      },
      ['subject_words', 'relation_words', 'actor_words', 'other_words'],
    );
  for (const { id, facts: stated } of documents) {
    stated.forEach((fact, ordinal) => {
      const searchable = searchableFact(fact);
      facts.add([
        id,
        ordinal,
        identityOf(fact),
        subjectKeyOf(fact),
        fact.subject.key,
        fact.actor.key,
        JSON.stringify(fact),
        wordList(searchable.subject),
        wordList(searchable.relation),
        wordList(`${searchable.actor} ${searchable.counted}`),
        wordList(`${searchable.object} ${searchable.text}`),
      ]);
    });
    await flush(false);
  }
  await flush(true);
}

/** Replaces the collection's acronym table; whether it changed. */
async function replaceAcronyms(
  client: ClientBase,
  collectionId: number,
  definitions: Array<{ acronym: string; expansion: string; uses: number }>,
): Promise<boolean> {
  const { rows } = await client.query<{ acronym: string; expansion: string; uses: number }>(
    'SELECT acronym, expansion, uses FROM precedent.acronyms WHERE collection_id = $1',
    [collectionId],
  );
  const key = (list: Array<{ acronym: string; expansion: string; uses: number }>) =>
    list
      .map((d) => `${d.acronym}\u0000${d.expansion}\u0000${d.uses}`)
      .sort()
      .join('\n');
  if (key(rows) === key(definitions)) return false;
  await client.query('DELETE FROM precedent.acronyms WHERE collection_id = $1', [collectionId]);
  await client.query(
    'INSERT INTO precedent.acronyms (collection_id, acronym, expansion, uses) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[])',
    [collectionId, definitions.map((d) => d.acronym), definitions.map((d) => d.expansion), definitions.map((d) => d.uses)],
  );
  return true;
}

/** Each term's passages in the collection, in order: what candidates are selected and weighed by. */
async function countTerms(client: ClientBase, collectionId: number): Promise<void> {
  await client.query('DELETE FROM precedent.postings WHERE collection_id = $1', [collectionId]);
  await client.query(
    `INSERT INTO precedent.postings (collection_id, term, passages)
     SELECT $1, lexeme, array_agg(id ORDER BY id) FROM precedent.passages, unnest(tsvector_to_array(words)) AS lexeme
     WHERE collection_id = $1 GROUP BY lexeme`,
    [collectionId],
  );
}

async function nextIds(client: ClientBase, sequence: string, count: number): Promise<string[]> {
  if (count === 0) return [];
  const { rows } = await client.query<{ id: string }>(`SELECT nextval('${sequence}') AS id FROM generate_series(1, $1)`, [count]);
  return rows.map((row) => row.id);
}

/** Rows for one table, sent as one INSERT … SELECT FROM unnest(…) per batch; every table also gets the collection. */
class Rows {
  private columns: unknown[][];
  private count = 0;

  constructor(
    private readonly names: string[],
    private readonly types: string[],
  ) {
    this.columns = names.map(() => []);
  }

  add(values: unknown[]): void {
    values.forEach((value, i) => this.columns[i].push(value));
    this.count++;
  }

  get full(): boolean {
    return this.count >= BATCH_ROWS;
  }

  /**
   * Sends the rows when there are enough (or any, when `force`). `computed` gives columns made on the server from
   * the sent ones; a sent column named in `helpers` only feeds them and is not stored.
   */
  async flush(
    client: ClientBase,
    table: string,
    collectionId: number,
    force: boolean,
    computed: Record<string, string> = {},
    helpers: readonly string[] = [],
  ): Promise<void> {
    if (this.count === 0 || (!force && !this.full)) return;
    const sent = this.types.map((type, i) => `$${i + 2}::${type}[]`).join(', ');
    const target = [...new Set([...this.names.filter((name) => !helpers.includes(name)), ...Object.keys(computed)])];
    await client.query(
      `INSERT INTO precedent.${table} (collection_id, ${target.join(', ')})
       SELECT $1, ${target.map((name) => computed[name] ?? name).join(', ')} FROM unnest(${sent}) AS r (${this.names.join(', ')})`,
      [collectionId, ...this.columns],
    );
    this.columns = this.names.map(() => []);
    this.count = 0;
  }
}

/** The folder all roots lie in (a single folder is its own): published paths are relative to it. */
function commonFolder(roots: string[]): string {
  const folders = roots.map((root) => path.resolve(root));
  let common = folders[0];
  while (!folders.every((folder) => folder === common || folder.startsWith(common.endsWith(path.sep) ? common : common + path.sep))) {
    common = path.dirname(common);
  }
  return common;
}
