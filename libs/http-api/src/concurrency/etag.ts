import { ProblemException } from '../problem/problem-details.js';

/** The ETag for a record at a version: optimistic concurrency on every update. */
export function etagFor(version: number): string {
  return `"${version}"`;
}

/**
 * Checks `If-Match` against the record's current version. Missing → 428 (updates must say which
 * version they change); different → 412 (someone changed it since the caller read it).
 */
export function requireIfMatch(ifMatch: string | undefined, currentVersion: number): void {
  if (!ifMatch) {
    throw ProblemException.of(
      428,
      'if-match-required',
      'Precondition required',
      'Send If-Match with the ETag you read',
      {
        errors: [{ field: 'If-Match', rule: 'required', message: 'If-Match header is required for this update' }],
      },
    );
  }
  const tags = ifMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (!tags.includes(etagFor(currentVersion)) && !tags.includes('*')) {
    throw ProblemException.of(
      412,
      'stale-version',
      'Precondition failed',
      `The record has changed since it was read: current ETag is ${etagFor(currentVersion)}`,
      {
        errors: [{ field: 'If-Match', rule: 'matchesCurrentVersion', message: `expected ${etagFor(currentVersion)}` }],
      },
    );
  }
}
