import { ProblemException } from '../problem/problem-details.js';

/** A page of a list endpoint; `nextCursor` is absent on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** An opaque cursor: the sort key of the last item returned. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => ['string', 'number'].includes(typeof k))) {
      return key as (string | number)[];
    }
  } catch {
    // fall through to the problem below: a malformed cursor is the caller's error
  }
  throw ProblemException.of(400, 'validation', 'The request is not valid', 'cursor is not one this API issued', {
    errors: [{ field: 'cursor', rule: 'isIssuedCursor', message: 'cursor is not one this API issued' }],
  });
}

/** Builds a page from `limit + 1` rows fetched: the extra row only tells whether there is a next page. */
export function pageOf<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  keyOf: (row: Row) => readonly (string | number)[],
): Page<Item> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : undefined,
  };
}
