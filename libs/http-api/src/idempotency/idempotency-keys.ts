import { createHash } from 'node:crypto';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { ProblemException } from '../problem/problem-details.js';

/** Canonical JSON (keys sorted) so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonical(body)).digest('hex');
}

/** A replay names the resource the first request made and the events it produced (for its `Baton-Events`). */
export type IdempotencyClaim = { replay: false } | { replay: true; resourceId: string; eventIds: string[] };

/**
 * `Idempotency-Key` for creating writes. Claimed inside the create's own transaction: the same key
 * and body return the resource made the first time; the same key with another body is a 422.
 * A concurrent duplicate waits on the first one's row lock and then sees its result.
 */
export async function claimIdempotencyKey(
  manager: EntityManager,
  claim: { scope: string; key: string; body: unknown; resourceId: string },
): Promise<IdempotencyClaim> {
  const hash = requestHash(claim.body);
  const inserted: unknown[] = await manager.query(
    `INSERT INTO idempotency_key (scope, key, request_hash, resource_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (scope, key) DO NOTHING RETURNING resource_id`,
    [claim.scope, claim.key, hash, claim.resourceId],
  );
  if (inserted.length > 0) return { replay: false };
  const [prior] = (await manager.query(
    'SELECT request_hash, resource_id, event_ids FROM idempotency_key WHERE scope = $1 AND key = $2',
    [claim.scope, claim.key],
  )) as { request_hash: string; resource_id: string; event_ids: string[] }[];
  if (prior.request_hash !== hash) {
    throw ProblemException.of(
      422,
      'idempotency-key-reused',
      'Idempotency-Key already used',
      'This Idempotency-Key was used with a different request body',
      {
        errors: [
          { field: 'Idempotency-Key', rule: 'sameBodyForSameKey', message: 'key was used with a different body' },
        ],
      },
    );
  }
  return { replay: true, resourceId: prior.resource_id, eventIds: prior.event_ids };
}

/**
 * Keeps the ids of the events a claimed write produced with its key, in the write's transaction, so that a retry
 * answers with the same `Baton-Events` as the first request (and a client can still read its own write).
 */
export async function recordIdempotentEvents(
  manager: EntityManager,
  claim: { scope: string; key: string },
  eventIds: readonly string[],
): Promise<void> {
  await manager.query('UPDATE idempotency_key SET event_ids = $3 WHERE scope = $1 AND key = $2', [
    claim.scope,
    claim.key,
    [...new Set(eventIds)],
  ]);
}

/** Creates the idempotency_key table; services list it among their migrations. */
export class CreateIdempotencyKeys1763900000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE idempotency_key (
      scope text NOT NULL,
      key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
      request_hash text NOT NULL,
      resource_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (scope, key)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE idempotency_key');
  }
}

/** Keeps the events each claimed write produced, for a replay's `Baton-Events`; listed after the table's creation. */
export class AddIdempotencyEventIds1763900000001 implements MigrationInterface {
  name = 'AddIdempotencyEventIds1763900000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE idempotency_key ADD COLUMN event_ids text[] NOT NULL DEFAULT '{}'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE idempotency_key DROP COLUMN event_ids');
  }
}
