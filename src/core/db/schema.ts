/**
 * The database's tables and the functions drafters query through, in schema `precedent`. The schema carries its
 * version; `migrate` applies the steps a database lacks, in order, inside the publish's transaction.
 *
 * Who sees what: every row belongs to a collection, and a collection names the role whose members may read it.
 * Drafters query through SECURITY DEFINER functions that run with the owner's rights and keep only the collections
 * the connected role may read — so the trigram and word indexes serve the queries, which row-level security alone
 * would turn into full scans (its policies cannot be pushed below `<%` and `@@`, which are not leakproof). The
 * policies stay on every table as a backstop for a drafter who reads the tables directly.
 */
import type { ClientBase, Pool } from 'pg';

export const SCHEMA = 'precedent';
/** The role a collection's readers belong to unless `publish --readers` names another. */
export const DEFAULT_READER_ROLE = 'precedent_reader';

/** Tables whose rows belong to a collection: each gets the same policy. */
const COLLECTION_TABLES = ['documents', 'paragraphs', 'passages', 'citations', 'facts', 'acronyms', 'postings', 'skipped'];

/**
 * The collections the connected role may read (session_user: inside these functions current_user is the owner); in
 * a subquery, so it is computed once per query, not once per row.
 */
const READABLE = `collection_id = ANY ((SELECT precedent.readable_collections())::int[])`;

const PASSAGE_ROW = `
  p.id, p.text, pa.text AS context, c.name AS collection, d.path, d.meta,
  p.start_line, p.start_column, p.end_line, p.end_column,
  CASE WHEN d.page_starts IS NULL THEN NULL
       ELSE (SELECT count(*)::int FROM unnest(d.page_starts) s WHERE s <= p.start_line) END AS page`;
const PASSAGE_JOINS = `
  JOIN precedent.documents d ON d.id = p.document_id
  JOIN precedent.collections c ON c.id = p.collection_id
  JOIN precedent.paragraphs pa ON pa.document_id = p.document_id AND pa.ordinal = p.paragraph`;
/** Passages the selecting words bring in that are also scored by the common words: far more than are kept. */
const FIRST_PASS_MIN = 1000;
const PASSAGE_COLUMNS = `id bigint, text text, context text, collection text, path text, meta jsonb,
  start_line int, start_column int, end_line int, end_column int, page int`;

const VERSION_1 = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE SCHEMA precedent;
CREATE TABLE precedent.schema_version (version int NOT NULL);
INSERT INTO precedent.schema_version VALUES (0);

CREATE TABLE precedent.collections (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9._-]+$'),
  reader_role name NOT NULL
);
CREATE TABLE precedent.documents (
  id bigserial PRIMARY KEY,
  collection_id int NOT NULL REFERENCES precedent.collections ON DELETE CASCADE,
  path text NOT NULL,
  hash text NOT NULL,
  encoding text NOT NULL,
  meta jsonb NOT NULL,
  notes text[] NOT NULL,
  page_starts int[],
  source_text text NOT NULL,
  UNIQUE (collection_id, path)
);
CREATE TABLE precedent.paragraphs (
  document_id bigint NOT NULL REFERENCES precedent.documents ON DELETE CASCADE,
  collection_id int NOT NULL,
  ordinal int NOT NULL,
  text text NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);
CREATE TABLE precedent.passages (
  id bigserial PRIMARY KEY,
  document_id bigint NOT NULL REFERENCES precedent.documents ON DELETE CASCADE,
  collection_id int NOT NULL,
  ordinal int NOT NULL,
  paragraph int NOT NULL,
  start_line int NOT NULL,
  start_column int NOT NULL,
  end_line int NOT NULL,
  end_column int NOT NULL,
  text text NOT NULL,
  -- The passage's words, numbers and symbols as the local index reads them (normalised, numbers kept whole).
  words tsvector NOT NULL
);
CREATE INDEX passages_document ON precedent.passages (document_id);
CREATE INDEX passages_text_trgm ON precedent.passages USING gin (text gin_trgm_ops);
CREATE INDEX passages_words ON precedent.passages USING gin (words);
CREATE TABLE precedent.citations (
  passage_id bigint NOT NULL REFERENCES precedent.passages ON DELETE CASCADE,
  collection_id int NOT NULL,
  number int NOT NULL,
  session int,
  year int,
  label text NOT NULL
);
CREATE INDEX citations_number ON precedent.citations (number);
CREATE TABLE precedent.facts (
  document_id bigint NOT NULL REFERENCES precedent.documents ON DELETE CASCADE,
  collection_id int NOT NULL,
  ordinal int NOT NULL,
  -- Two documents stating the same fact give it one identity (FactBase keeps it once).
  identity text NOT NULL,
  subject_key text NOT NULL,
  subject_name text NOT NULL,
  actor_name text NOT NULL,
  fact jsonb NOT NULL,
  words tsvector NOT NULL
);
CREATE INDEX facts_subject ON precedent.facts (subject_key);
CREATE INDEX facts_subject_name ON precedent.facts (subject_name);
CREATE INDEX facts_actor_name ON precedent.facts (actor_name);
CREATE INDEX facts_words ON precedent.facts USING gin (words);
CREATE TABLE precedent.acronyms (
  collection_id int NOT NULL REFERENCES precedent.collections ON DELETE CASCADE,
  acronym text NOT NULL,
  expansion text NOT NULL,
  uses int NOT NULL
);
-- Each term's passages, as the local index keeps its postings: what candidates are selected by, and counted by.
CREATE TABLE precedent.postings (
  collection_id int NOT NULL REFERENCES precedent.collections ON DELETE CASCADE,
  term text NOT NULL,
  passages bigint[] NOT NULL,
  PRIMARY KEY (term, collection_id)
);
CREATE TABLE precedent.skipped (
  collection_id int NOT NULL REFERENCES precedent.collections ON DELETE CASCADE,
  path text NOT NULL,
  reason text NOT NULL
);

CREATE FUNCTION precedent.readable_collections() RETURNS int[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT coalesce(array_agg(id), '{}') FROM precedent.collections
  WHERE EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = reader_role) AND pg_has_role(session_user, reader_role, 'USAGE')
$$;

ALTER TABLE precedent.collections ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON precedent.collections FOR SELECT USING (id = ANY ((SELECT precedent.readable_collections())::int[]));
${COLLECTION_TABLES.map(
  (table) => `ALTER TABLE precedent.${table} ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON precedent.${table} FOR SELECT USING (${READABLE});`,
).join('\n')}

CREATE FUNCTION precedent.corpus_summary(OUT documents bigint, OUT passages bigint, OUT facts bigint, OUT collections text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT (SELECT count(*) FROM precedent.documents WHERE ${READABLE}),
         (SELECT count(*) FROM precedent.passages WHERE ${READABLE}),
         (SELECT count(DISTINCT identity) FROM precedent.facts WHERE ${READABLE}),
         (SELECT coalesce(array_agg(name ORDER BY name), '{}') FROM precedent.collections
          WHERE id = ANY ((SELECT precedent.readable_collections())::int[]))
$$;

CREATE FUNCTION precedent.term_counts() RETURNS TABLE (term text, passages bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT term, sum(cardinality(passages))::bigint FROM precedent.postings WHERE ${READABLE} GROUP BY term
$$;

-- Candidates for a query, as the local index picks them (PassageIndex.candidates): each variant of a query word
-- (the word, a typo of it, a completion) has a weight, and a passage scores, for each word, its best variant there.
-- Variants that select bring passages in, each by its list of passages (postings, kept at publish: no row of the
-- passages is read to select); the best thousand are then also scored by the common words, which only rank.
-- Identifiers are required. For a phrase that no passage holds every word of, passages by word_similarity (<%) on
-- the trigram index join them: they find what OCR broke apart ("oftrafficking"), which the words cannot. (When some
-- passage holds them all, it outranks such a passage anyway, and the trigram lookup, the costliest part, is left out.)
CREATE FUNCTION precedent.passage_candidates(
  required_terms text[], required tsquery, phrase text, terms text[], queries tsquery[], groups int[], weights float8[],
  selects bool[], total float8, lim int, phrase_lim int
) RETURNS TABLE (${PASSAGE_COLUMNS}, coverage float8)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
BEGIN
  -- Dynamic SQL is planned for each call with its values (the collections readable, the words asked for).
  RETURN QUERY EXECUTE $q$
  WITH variant AS (SELECT * FROM unnest($5, $6, $7, $8, $9) AS v (term, q, grp, weight, selects)),
  required_passages AS (
    SELECT u.id FROM precedent.postings po CROSS JOIN LATERAL unnest(po.passages) AS u (id)
    WHERE po.term = ANY ($2) AND po.collection_id = ANY ($1)
    GROUP BY u.id HAVING count(DISTINCT po.term) = cardinality($2)
  ),
  selected AS (
    SELECT u.id, v.grp, max(v.weight) AS best
    FROM variant v JOIN precedent.postings po ON po.term = v.term AND po.collection_id = ANY ($1)
    CROSS JOIN LATERAL unnest(po.passages) AS u (id)
    WHERE v.selects AND (cardinality($2) = 0 OR u.id IN (SELECT id FROM required_passages))
    GROUP BY u.id, v.grp
  ),
  first_pass AS (
    SELECT id, sum(best) AS score, count(*) AS matched FROM selected GROUP BY id
    ORDER BY score DESC, id LIMIT greatest(${FIRST_PASS_MIN}, 10 * $11)
  ),
  by_words AS (
    SELECT f.id, (f.score + coalesce((
      SELECT sum(best) FROM (SELECT max(v.weight) AS best FROM variant v WHERE NOT v.selects AND p.words @@ v.q GROUP BY v.grp) g
    ), 0)) / $10 AS coverage
    FROM first_pass f JOIN precedent.passages p ON p.id = f.id
  ),
  best_words AS (
    SELECT w.id, w.coverage FROM by_words w JOIN precedent.passages p ON p.id = w.id
    JOIN precedent.documents d ON d.id = p.document_id JOIN precedent.collections c ON c.id = p.collection_id
    ORDER BY w.coverage DESC, c.name, d.path, p.ordinal LIMIT $11
  ),
  by_phrase AS (
    SELECT p.id, p.words FROM precedent.passages p
    WHERE $12 > 0 AND $4 <% p.text AND ($3 IS NULL OR p.words @@ $3)
      AND (SELECT coalesce(max(matched), 0) FROM first_pass) < (SELECT count(DISTINCT grp) FROM variant WHERE selects)
      AND p.collection_id = ANY ($1)
    ORDER BY word_similarity($4, p.text) DESC, p.id LIMIT $12
  ),
  chosen AS (
    SELECT id, coverage FROM best_words
    UNION
    SELECT b.id, coalesce((
      SELECT sum(best) FROM (SELECT max(v.weight) AS best FROM variant v WHERE b.words @@ v.q GROUP BY v.grp, v.selects) g
    ), 0) / $10
    FROM by_phrase b WHERE b.id NOT IN (SELECT id FROM best_words)
  )
  SELECT ${PASSAGE_ROW}, ch.coverage
  FROM chosen ch JOIN precedent.passages p ON p.id = ch.id ${PASSAGE_JOINS}
  ORDER BY ch.coverage DESC, c.name, d.path, p.ordinal
  $q$ USING precedent.readable_collections(), required_terms, required, phrase, terms, queries, groups, weights, selects, total,
    lim, phrase_lim;
END
$fn$;

CREATE FUNCTION precedent.passages_citing(resolution int, lim int) RETURNS TABLE (${PASSAGE_COLUMNS})
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT ${PASSAGE_ROW}
  FROM precedent.passages p ${PASSAGE_JOINS}
  WHERE p.id IN (SELECT passage_id FROM precedent.citations WHERE number = resolution AND session IS NULL AND ${READABLE})
  ORDER BY d.meta->>'date' DESC NULLS LAST, c.name, d.path, p.ordinal LIMIT lim
$$;

CREATE FUNCTION precedent.passages_holding(term tsquery, lim int) RETURNS TABLE (text text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT p.text FROM precedent.passages p JOIN precedent.documents d ON d.id = p.document_id
  JOIN precedent.collections c ON c.id = p.collection_id
  WHERE p.words @@ term AND p.${READABLE} ORDER BY c.name, d.path, p.ordinal LIMIT lim
$$;

CREATE FUNCTION precedent.acronym_definitions() RETURNS TABLE (acronym text, expansion text, uses bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT acronym, expansion, sum(uses)::bigint FROM precedent.acronyms WHERE ${READABLE} GROUP BY acronym, expansion
$$;

CREATE FUNCTION precedent.facts_matching(query tsquery, lim int) RETURNS TABLE (fact jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT f.fact FROM precedent.facts f JOIN precedent.collections c ON c.id = f.collection_id
  JOIN precedent.documents d ON d.id = f.document_id
  WHERE f.words @@ query AND f.${READABLE}
  ORDER BY ts_rank(f.words, query) DESC, c.name, d.path, f.ordinal LIMIT lim
$$;

CREATE FUNCTION precedent.facts_on(subject_keys text[], names text[]) RETURNS TABLE (fact jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT f.fact FROM precedent.facts f JOIN precedent.collections c ON c.id = f.collection_id
  JOIN precedent.documents d ON d.id = f.document_id
  WHERE (f.subject_key = ANY (subject_keys) OR f.subject_name = ANY (names) OR f.actor_name = ANY (names)) AND f.${READABLE}
  ORDER BY c.name, d.path, f.ordinal
$$;

CREATE FUNCTION precedent.document_list() RETURNS TABLE (collection text, path text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT c.name, d.path FROM precedent.documents d JOIN precedent.collections c ON c.id = d.collection_id
  WHERE d.${READABLE} ORDER BY c.name, d.path
$$;

CREATE FUNCTION precedent.document_text(collection_name text, document_path text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT d.source_text FROM precedent.documents d JOIN precedent.collections c ON c.id = d.collection_id
  WHERE c.name = collection_name AND d.path = document_path AND d.${READABLE}
$$;
`;

/**
 * The readable collections narrowed to those the session names in `precedent.collections` (comma-separated; the
 * editor's `precedent.server.collections`), when it names any: a drafter chooses what to search, never more than the
 * role may read.
 */
const VERSION_2 = `
CREATE OR REPLACE FUNCTION precedent.readable_collections() RETURNS int[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT coalesce(array_agg(id), '{}') FROM precedent.collections
  WHERE EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = reader_role) AND pg_has_role(session_user, reader_role, 'USAGE')
    AND (coalesce(current_setting('precedent.collections', true), '') = ''
         OR name = ANY (string_to_array(current_setting('precedent.collections', true), ',')))
$$;
`;

/** Each step takes the schema from the version before it to its own; never edit a published step, add one. */
const MIGRATIONS: readonly string[] = [VERSION_1, VERSION_2];
export const SCHEMA_VERSION = MIGRATIONS.length;
/** The first version whose readable_collections() honours the session's `precedent.collections`. */
export const COLLECTIONS_SCHEMA_VERSION = 2;

/** Functions drafters call; nobody else may, until a collection's reader role is granted them. */
const QUERY_FUNCTIONS = [
  'readable_collections()',
  'corpus_summary()',
  'term_counts()',
  'passage_candidates(text[], tsquery, text, text[], tsquery[], int[], float8[], bool[], float8, int, int)',
  'passages_citing(int, int)',
  'passages_holding(tsquery, int)',
  'acronym_definitions()',
  'facts_matching(tsquery, int)',
  'facts_on(text[], text[])',
  'document_list()',
  'document_text(text, text)',
];

export class SchemaVersionError extends Error {}

/** The schema's version in this database, 0 when it has none yet. */
export async function schemaVersion(client: Pick<ClientBase, 'query'> | Pick<Pool, 'query'>): Promise<number> {
  const exists = await client.query<{ present: boolean }>(`SELECT to_regclass('precedent.schema_version') IS NOT NULL AS present`);
  if (!exists.rows[0].present) return 0;
  const { rows } = await client.query<{ version: number }>('SELECT version FROM precedent.schema_version');
  return rows[0]?.version ?? 0;
}

/** Brings the schema to SCHEMA_VERSION; call inside a transaction. Refuses a newer schema than this program knows. */
export async function migrate(client: ClientBase): Promise<void> {
  const version = await schemaVersion(client);
  if (version > SCHEMA_VERSION) {
    throw new SchemaVersionError(
      `the database's schema is version ${version}, newer than this Precedent knows (${SCHEMA_VERSION}): update Precedent`,
    );
  }
  for (let step = version; step < SCHEMA_VERSION; step++) {
    await client.query(MIGRATIONS[step]);
    await client.query('UPDATE precedent.schema_version SET version = $1', [step + 1]);
  }
  if (version === 0) for (const fn of QUERY_FUNCTIONS) await client.query(`REVOKE ALL ON FUNCTION precedent.${fn} FROM PUBLIC`);
}

/** Lets a collection's reader role read: the schema, the tables (under their policies) and the query functions. */
export async function grantReading(client: ClientBase, role: string): Promise<void> {
  const quoted = quoteIdentifier(role);
  await client.query(`GRANT USAGE ON SCHEMA precedent TO ${quoted}`);
  await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA precedent TO ${quoted}`);
  for (const fn of QUERY_FUNCTIONS) await client.query(`GRANT EXECUTE ON FUNCTION precedent.${fn} TO ${quoted}`);
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The GIN indexes, whose pending entries a bulk publish leaves for the first queries to scan: merged at its end. */
const GIN_INDEXES = ['passages_text_trgm', 'passages_words', 'facts_words'];
const ANALYZED_TABLES = ['documents', 'paragraphs', 'passages', 'citations', 'facts', 'acronyms', 'postings'];

/** Leaves the indexes and the planner's statistics as the queries need them; inside the publish's transaction. */
export async function tidyAfterWriting(client: ClientBase): Promise<void> {
  for (const index of GIN_INDEXES) await client.query(`SELECT gin_clean_pending_list('precedent.${index}'::regclass)`);
  for (const table of ANALYZED_TABLES) await client.query(`ANALYZE precedent.${table}`);
}
