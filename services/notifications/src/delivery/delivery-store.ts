import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ClaimedDelivery } from './claimed-delivery.js';

/** What became of one attempt. */
export type AttemptResult =
  | { id: string; outcome: 'delivered' }
  | { id: string; outcome: 'retry'; dueAt: Date; error: string }
  | { id: string; outcome: 'dead'; error: string };

/**
 * The durable schedule of outgoing deliveries. A delivery is claimed with a lease (SKIP LOCKED, so replicas share the
 * work) only when it is due and is the earliest unfinished one of its queue — same channel, same target (endpoint,
 * mailbox or subject) and same family, by the time the event happened — so each receiver gets a family's events in
 * order even when they were consumed by different consumers, and one family's failures never hold up another's.
 */
@Injectable()
export class DeliveryStore {
  constructor(private readonly dataSource: DataSource) {}

  async claim(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return this.dataSource.query<ClaimedDelivery[]>(
      `WITH due AS (
         SELECT d.id FROM delivery d
         WHERE d.status IN ('pending', 'failed') AND NOT d.digest AND d.due_at <= now()
           AND (d.lease_until IS NULL OR d.lease_until < now())
           AND NOT EXISTS (
             SELECT 1 FROM delivery e
             WHERE e.channel = d.channel AND e.target = d.target AND e.order_key = d.order_key AND NOT e.digest
               AND e.status IN ('pending', 'failed') AND (e.event_time, e.id) < (d.event_time, d.id))
         ORDER BY d.due_at, d.id
         LIMIT $1
         FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE delivery SET lease_until = now() + make_interval(secs => $2::float8 / 1000), attempts = attempts + 1
         FROM due WHERE delivery.id = due.id
         RETURNING delivery.*
       )
       SELECT c.id::text AS id, c.public_id AS "publicId", c.tenant, c.event_id AS "eventId",
         n.event_type AS "eventType", c.channel, c.target, c.endpoint_id AS "endpointId", c.attempts,
         n.title, n.body, n.link, v.payload::text AS payload, n.trace_context AS "traceContext",
         CASE WHEN w.id IS NULL THEN NULL ELSE jsonb_build_object('url', w.url, 'secrets', w.secrets) END AS endpoint
       FROM claimed c
       JOIN notification n ON n.id = c.notification_id
       JOIN notification_view v ON v.id = n.view_id
       LEFT JOIN webhook_endpoint w ON w.id = c.endpoint_id AND w.active
       ORDER BY c.id`,
      [limit, leaseMs],
    );
  }

  async record(results: AttemptResult[]): Promise<void> {
    if (results.length === 0) return;
    const rows = results.map((r) => ({
      id: r.id,
      status: r.outcome === 'retry' ? 'failed' : r.outcome,
      due_at: r.outcome === 'retry' ? r.dueAt.toISOString() : null,
      error: r.outcome === 'delivered' ? null : r.error.slice(0, 2_000),
    }));
    await this.dataSource.query(
      `UPDATE delivery d SET status = x.status, lease_until = NULL, last_error = x.error,
         due_at = COALESCE(x.due_at, d.due_at),
         delivered_at = CASE WHEN x.status = 'delivered' THEN now() ELSE d.delivered_at END
       FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, status text, due_at timestamptz, error text)
       WHERE d.id = x.id`,
      [JSON.stringify(rows)],
    );
  }
}
