/**
 * How a document on a database server is named where a local one has its path: `precedent-db:COLLECTION/PATH`, the
 * collection and the path as published (relative to the folder published, with forward slashes). Stable across
 * publishes, so a result, a finding's related place or a hover can name it and fetch its text again.
 */
export const REFERENCE_SCHEME = 'precedent-db:';

/** A collection's name: letters, digits, ".", "_" and "-" (no "/", which ends it in a reference). */
export const COLLECTION_NAME = /^[A-Za-z0-9._-]+$/;

export function documentReference(collection: string, documentPath: string): string {
  return `${REFERENCE_SCHEME}${collection}/${documentPath}`;
}

export function isDocumentReference(file: string): boolean {
  return file.startsWith(REFERENCE_SCHEME);
}

/** The collection and path a reference names, or null when it is not one. */
export function parseDocumentReference(file: string): { collection: string; path: string } | null {
  if (!isDocumentReference(file)) return null;
  const rest = file.slice(REFERENCE_SCHEME.length);
  const slash = rest.indexOf('/');
  return slash > 0 ? { collection: rest.slice(0, slash), path: rest.slice(slash + 1) } : null;
}

/** Where a passage comes from, as results name it: the server's collection, or null for a local file. */
export function serverCollectionOf(file: string): string | null {
  return parseDocumentReference(file)?.collection ?? null;
}
