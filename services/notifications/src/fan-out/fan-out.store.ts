import type { EntityManager } from 'typeorm';
import { activeTraceCarrier } from '@baton/messaging';
import { DELIVERY_CHANNEL, INBOX_CHANNEL } from '../migrations/1763900000400-create-notifications.js';

/** The event's identity as every row of its fan-out records it. */
export interface FannedEvent {
  id: string;
  type: string;
  tenant: string;
  subject: string;
  familyId: string | null;
  senderAgencyId: string | null;
  actor: string;
  time: string;
}

export interface NotificationInsert {
  id: string;
  recipient_kind: 'person' | 'agency';
  recipient_id: string;
  agency_id: string;
  relationships: string[];
  urgent: boolean;
  title: string;
  body: string;
  link: string;
  view_id: string;
}

/** What some recipients may see of the event; recipients with the same view share one. */
export interface ViewInsert {
  id: string;
  payload: object;
}

/** A delivery whose target is known without a lookup (inbox, e-mail, NATS subject). */
export interface DirectDeliveryInsert {
  public_id: string;
  notification_id: string;
  channel: 'email' | 'nats';
  target: string;
  /** A person's routine e-mail: held for the digest if they chose one. */
  digest_candidate: boolean;
  person_id: string | null;
}

export interface FanOutWrite {
  event: FannedEvent;
  /** Names under which to remember the event's actor for its aggregate. */
  remember: string[];
  views: ViewInsert[];
  notifications: NotificationInsert[];
  direct: DirectDeliveryInsert[];
  /** Agency notifications: one webhook delivery per active endpoint of the agency that chose this event type. */
  agencies: { notification_id: string; agency_id: string }[];
  now: Date;
  nextDigestAt: Date;
}

/**
 * Writes a whole fan-out in one statement — remembered parties, notifications, deliveries (webhook endpoints
 * joined in the database, digest preferences read there) and the NOTIFYs that wake the dispatcher and open inbox
 * streams on commit — because a consumer handles events one at a time and each round trip is paid per event.
 */
export async function writeFanOut(manager: EntityManager, w: FanOutWrite): Promise<void> {
  const e = w.event;
  const orderKey = e.familyId ?? e.subject;
  const inboxItems = w.notifications
    .filter((n) => n.recipient_kind === 'person')
    .map((n) => JSON.stringify({ tenant: e.tenant, personId: n.recipient_id, agencyId: n.agency_id, id: n.id }));
  await manager.query(
    `WITH remembered AS (
       INSERT INTO remembered_party (tenant, aggregate_id, name, person_id, agency_id)
       SELECT $1, $2, name, $3, $4 FROM unnest($5::text[]) AS name
       ON CONFLICT (tenant, aggregate_id, name) DO NOTHING
     ), views AS (
       INSERT INTO notification_view (id, tenant, event_id, payload)
       SELECT x.id, $1, $6, x.payload FROM jsonb_to_recordset($18::jsonb) AS x(id uuid, payload jsonb)
     ), notifications AS (
       INSERT INTO notification (id, tenant, event_id, event_type, aggregate_id, family_id, sender_agency_id,
         recipient_kind, recipient_id, agency_id, relationships, urgent, title, body, link, view_id, trace_context)
       SELECT x.id, $1, $6, $7, $2, $8, $9, x.recipient_kind, x.recipient_id, x.agency_id,
         ARRAY(SELECT jsonb_array_elements_text(x.relationships)), x.urgent, x.title, x.body, x.link, x.view_id,
         $19::jsonb
       FROM jsonb_to_recordset($10::jsonb) AS x(id uuid, recipient_kind text, recipient_id text, agency_id text,
         relationships jsonb, urgent boolean, title text, body text, link text, view_id uuid)
     ), direct AS (
       INSERT INTO delivery (public_id, notification_id, tenant, event_id, channel, target, order_key, event_time,
         digest, status, due_at)
       SELECT x.public_id, x.notification_id, $1, $6, x.channel, x.target, $11, $12, held.digest, 'pending',
         CASE WHEN held.digest THEN $14::timestamptz ELSE $13::timestamptz END
       FROM jsonb_to_recordset($15::jsonb) AS x(public_id uuid, notification_id uuid, channel text, target text,
         digest_candidate boolean, person_id text)
       CROSS JOIN LATERAL (SELECT x.digest_candidate AND EXISTS (
         SELECT 1 FROM preference p WHERE p.tenant = $1 AND p.person_id = x.person_id AND p.email_mode = 'daily-digest'
       ) AS digest) AS held
       RETURNING status
     ), webhooks AS (
       INSERT INTO delivery (public_id, notification_id, tenant, event_id, channel, target, endpoint_id, order_key,
         event_time, status, due_at)
       SELECT gen_random_uuid(), a.notification_id, $1, $6, 'webhook', w.id::text, w.id, $11, $12, 'pending', $13
       FROM jsonb_to_recordset($16::jsonb) AS a(notification_id uuid, agency_id text)
       JOIN webhook_endpoint w ON w.tenant = $1 AND w.active AND w.agency_id = a.agency_id AND $7 = ANY (w.event_types)
       RETURNING status
     )
     SELECT
       (SELECT count(pg_notify('${INBOX_CHANNEL}', item)) FROM jsonb_array_elements_text($17::jsonb) AS item) AS inbox,
       CASE WHEN EXISTS (SELECT 1 FROM webhooks) OR EXISTS (SELECT 1 FROM direct)
         THEN pg_notify('${DELIVERY_CHANNEL}', '') END AS woken`,
    [
      e.tenant,
      e.subject,
      e.actor,
      e.senderAgencyId,
      w.remember,
      e.id,
      e.type,
      e.familyId,
      e.senderAgencyId,
      JSON.stringify(w.notifications),
      orderKey,
      e.time,
      w.now.toISOString(),
      w.nextDigestAt.toISOString(),
      JSON.stringify(w.direct),
      JSON.stringify(w.agencies),
      JSON.stringify(inboxItems),
      JSON.stringify(w.views),
      // The consumer's trace, continued by each delivery attempt.
      traceContextJson(),
    ],
  );
}

/** Who this service remembered for an aggregate, by name. */
export async function readRemembered(
  manager: EntityManager,
  tenant: string,
  aggregateId: string,
): Promise<Map<string, { personId: string; agencyId?: string }>> {
  const rows = await manager.query<{ name: string; personId: string; agencyId: string | null }[]>(
    `SELECT name, person_id AS "personId", agency_id AS "agencyId" FROM remembered_party
     WHERE tenant = $1 AND aggregate_id = $2`,
    [tenant, aggregateId],
  );
  return new Map(rows.map((r) => [r.name, { personId: r.personId, agencyId: r.agencyId ?? undefined }]));
}

function traceContextJson(): string | null {
  const carrier = activeTraceCarrier();
  return carrier && JSON.stringify(carrier);
}
