import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { hasRole } from '@baton/auth';
import { decodeCursor, pageOf, ProblemException, type Page } from '@baton/http-api';
import { DELIVERY_CHANNEL } from '../migrations/1763900000400-create-notifications.js';
import type { DeliveryQueryDto, DeliveryStatus } from './dto/delivery-query.dto.js';

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  channel: string;
  recipient: { kind: 'person' | 'agency'; id: string; agencyId: string };
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  dueAt: string;
  deliveredAt: string | null;
}

interface DeliveryRow {
  seq: string;
  id: string;
  eventId: string;
  eventType: string;
  channel: string;
  recipientKind: 'person' | 'agency';
  recipientId: string;
  agencyId: string;
  senderAgencyId: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  dueAt: Date;
  deliveredAt: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SELECT = `SELECT d.id::text AS seq, d.public_id AS id, d.event_id AS "eventId", n.event_type AS "eventType",
  d.channel, n.recipient_kind AS "recipientKind", n.recipient_id AS "recipientId", n.agency_id AS "agencyId",
  n.sender_agency_id AS "senderAgencyId", d.status, d.attempts, d.last_error AS "lastError", d.due_at AS "dueAt",
  d.delivered_at AS "deliveredAt"
  FROM delivery d JOIN notification n ON n.id = d.notification_id`;
/** A person's notification is their inbox item: delivered when written, so the inbox channel's record is the row. */
const INBOX = `SELECT '0' AS seq, n.id, n.event_id AS "eventId", n.event_type AS "eventType", 'inbox' AS channel,
  n.recipient_kind AS "recipientKind", n.recipient_id AS "recipientId", n.agency_id AS "agencyId",
  n.sender_agency_id AS "senderAgencyId", 'delivered' AS status, 0 AS attempts, NULL AS "lastError",
  n.created_at AS "dueAt", n.created_at AS "deliveredAt"
  FROM notification n WHERE n.recipient_kind = 'person'`;

/**
 * Where each delivery of an event stands. The agency that caused the event sees every delivery of it; a manager
 * sees those addressed to their own agency; anyone else is told the event is not found.
 */
@Injectable()
export class DeliveryStatusQueries {
  constructor(private readonly dataSource: DataSource) {}

  async forEvent(
    caller: Caller,
    eventId: string,
  ): Promise<{ eventId: string; summary: Record<DeliveryStatus, number>; deliveries: DeliveryView[] }> {
    const rows = UUID.test(eventId)
      ? await this.dataSource.query<DeliveryRow[]>(
          `${INBOX} AND n.event_id = $1 AND n.tenant = $2
           UNION ALL (${SELECT} WHERE d.event_id = $1 AND d.tenant = $2 ORDER BY d.id)`,
          [eventId, caller.tenant],
        )
      : [];
    const sender = rows.some((r) => r.senderAgencyId === caller.agencyId);
    const visible = sender ? rows : rows.filter((r) => hasRole(caller, 'manager') && r.agencyId === caller.agencyId);
    if (visible.length === 0) throw ProblemException.notFound(`Event ${eventId}`);
    const summary: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, failed: 0, dead: 0 };
    visible.forEach((r) => (summary[r.status] += 1));
    return { eventId, summary, deliveries: visible.map(viewOf) };
  }

  /** Deliveries to the caller's agency and its people in one status (default dead), oldest first. */
  async forAgency(caller: Caller, query: DeliveryQueryDto): Promise<Page<DeliveryView>> {
    const limit = query.limit ?? 50;
    const [after] = query.cursor ? decodeCursor(query.cursor, 1) : [null];
    const rows = await this.dataSource.query<DeliveryRow[]>(
      `${SELECT} WHERE d.tenant = $1 AND n.agency_id = $2 AND d.status = $3 AND ($4::bigint IS NULL OR d.id > $4)
       ORDER BY d.id LIMIT $5`,
      [caller.tenant, caller.agencyId, query.status ?? 'dead', after, limit + 1],
    );
    return pageOf(rows, limit, viewOf, (r) => [r.seq]);
  }

  /** Sends a dead delivery again from the first attempt; it keeps its webhook-id, so receivers can spot a repeat. */
  async replay(caller: Caller, id: string): Promise<DeliveryView> {
    return this.dataSource.transaction(async (manager) => {
      const rows = UUID.test(id)
        ? await manager.query<DeliveryRow[]>(
            `${SELECT} WHERE d.public_id = $1 AND d.tenant = $2 AND n.agency_id = $3 FOR UPDATE OF d`,
            [id, caller.tenant, caller.agencyId],
          )
        : [];
      if (rows.length === 0) throw ProblemException.notFound(`Delivery ${id}`);
      if (rows[0].status !== 'dead') {
        throw ProblemException.of(409, 'delivery-not-dead', 'Only a dead delivery can be replayed', undefined, {
          errors: [{ field: 'id', rule: 'isDead', message: `the delivery is ${rows[0].status}` }],
        });
      }
      await manager.query(
        `UPDATE delivery SET status = 'pending', attempts = 0, due_at = now(), lease_until = NULL WHERE public_id = $1`,
        [id],
      );
      await manager.query('SELECT pg_notify($1, $2)', [DELIVERY_CHANNEL, '']);
      return { ...viewOf(rows[0]), status: 'pending', attempts: 0 };
    });
  }
}

function viewOf(r: DeliveryRow): DeliveryView {
  return {
    id: r.id,
    eventId: r.eventId,
    eventType: r.eventType,
    channel: r.channel,
    recipient: { kind: r.recipientKind, id: r.recipientId, agencyId: r.agencyId },
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    dueAt: new Date(r.dueAt).toISOString(),
    deliveredAt: r.deliveredAt === null ? null : new Date(r.deliveredAt).toISOString(),
  };
}
