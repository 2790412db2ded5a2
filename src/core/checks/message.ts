/**
 * Every finding's message in one shape, the point first: what is written → what is right, then why, then where
 * that comes from. "2001 → 2000: Security Council resolution 1325 was adopted on 31 October 2000".
 */
export interface MessageParts {
  /** The text as written and what it should be; both or neither. */
  written?: string;
  right?: string;
  /** Why, as one clause or sentence. */
  why: string;
  /** Where the fact comes from: "your registry file", a corpus passage. */
  source?: string;
}

export function findingMessage({ written, right, why, source }: MessageParts): string {
  const point = written !== undefined && right !== undefined ? `${written} → ${right}: ` : '';
  return `${point}${why}${source ? ` (${source})` : ''}`;
}
