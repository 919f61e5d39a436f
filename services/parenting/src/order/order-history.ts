import type { EntityManager } from 'typeorm';
import type { PersonRef } from './parenting-order.entity.js';

/** The system, for steps taken by a scheduled job rather than a person. */
export const SYSTEM_ACTOR: PersonRef = { personId: 'system', name: 'Baton', agencyId: 'system' };

/** Appends one step to an order's chronology, in the transaction that takes the step. */
export async function recordHistory(
  manager: EntityManager,
  orderId: string,
  at: Date,
  what: string,
  actor: PersonRef,
  detail: object,
): Promise<void> {
  await manager.query('INSERT INTO order_history (order_id, at, what, actor, detail) VALUES ($1, $2, $3, $4, $5)', [
    orderId,
    at,
    what,
    JSON.stringify(actor),
    JSON.stringify(detail),
  ]);
}
