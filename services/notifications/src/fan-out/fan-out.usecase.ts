import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { definitionOf, type CloudEvent } from '@baton/contracts';
import { TenantDirectory } from '@baton/tenancy';
import { nextDigestAt } from '../domain/digest-schedule.js';
import { renderNotification } from '../domain/notification-text.js';
import { routeEvent, type Recipient } from '../domain/route-event.js';
import type { RememberedParties, RoutingRule } from '../domain/routing-rule.js';
import { ROUTING_RULES } from '../routing/routing-rules.loader.js';
import { tenantPeople } from '../routing/tenant-people.js';
import { DELIVERY_CHANNEL, INBOX_CHANNEL } from '../migrations/1763900000400-create-notifications.js';
import { CHANNEL_SETTINGS, type ChannelSettings } from '../delivery/channel-settings.js';
import { agencySubject } from '../delivery/nats-agency.channel.js';

interface NotificationRow {
  id: string;
  recipient: Recipient;
  title: string;
  body: string;
  link: string;
  payload: object;
}

interface DeliveryRow {
  public_id: string;
  notification_id: string;
  channel: 'inbox' | 'email' | 'webhook' | 'nats';
  target: string;
  endpoint_id: string | null;
  digest: boolean;
  status: 'pending' | 'delivered';
  due_at: string;
}

/**
 * Turns one domain event into notifications and deliveries, in the consumer's transaction (so with its inbox row):
 * the event is routed, each recipient's view minimised, and a delivery recorded per channel. Sending happens after
 * commit, in the dispatcher; an inbox item is delivered by being written.
 */
@Injectable()
export class FanOut {
  constructor(
    @Inject(ROUTING_RULES) private readonly rules: readonly RoutingRule[],
    private readonly tenants: TenantDirectory,
    @Inject(CHANNEL_SETTINGS) private readonly channels: ChannelSettings,
  ) {}

  async execute(event: CloudEvent, manager: EntityManager, now: Date = new Date()): Promise<number> {
    const rules = this.rules.filter((r) => r.eventType === event.type);
    if (rules.length === 0) return 0;
    await this.remember(event, rules, manager);
    const remembered = await this.rememberedFor(event, manager);
    const routed = routeEvent(event, rules, tenantPeople(this.tenants, event.tenant), remembered);
    // An event type the catalogue marks urgent is urgent whatever the rules say.
    const urgentType = definitionOf(event.type)?.urgent === true;
    const recipients = routed.map((r) => ({ ...r, urgent: r.urgent || urgentType }));
    if (recipients.length === 0) return 0;
    const notifications = recipients.map((r) => this.notificationFor(event, r));
    const deliveries = await this.deliveriesFor(event, notifications, manager, now);
    await this.insert(event, notifications, deliveries, manager);
    return notifications.length;
  }

  private async remember(event: CloudEvent, rules: RoutingRule[], manager: EntityManager): Promise<void> {
    for (const name of rules.flatMap((r) => (r.remember ? [r.remember] : []))) {
      if (event.actor === 'system') continue;
      await manager.query(
        `INSERT INTO remembered_party (tenant, aggregate_id, name, person_id, agency_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant, aggregate_id, name) DO NOTHING`,
        [event.tenant, event.subject, name, event.actor, event.actoragency ?? null],
      );
    }
  }

  private async rememberedFor(event: CloudEvent, manager: EntityManager): Promise<RememberedParties> {
    const rows = await manager.query<{ name: string; personId: string; agencyId: string | null }[]>(
      `SELECT name, person_id AS "personId", agency_id AS "agencyId" FROM remembered_party
       WHERE tenant = $1 AND aggregate_id = $2`,
      [event.tenant, event.subject],
    );
    return new Map(rows.map((r) => [r.name, { personId: r.personId, agencyId: r.agencyId ?? undefined }]));
  }

  private notificationFor(event: CloudEvent, recipient: Recipient): NotificationRow {
    const agency = this.tenants.agency(event.tenant, recipient.agencyId);
    const person = recipient.kind === 'person' ? this.tenants.person(event.tenant, recipient.id) : undefined;
    const text = renderNotification({
      eventType: event.type,
      eventId: event.id,
      aggregateId: event.subject,
      urgent: recipient.urgent,
      recipientName: person?.name ?? agency?.name ?? recipient.id,
      agencyName: agency?.name ?? recipient.agencyId,
      view: recipient.view,
      baseUrl: this.channels.publicBaseUrl,
    });
    // The envelope as the recipient receives it: the event's identity and trace, and only its minimised data.
    const payload = {
      specversion: event.specversion,
      id: event.id,
      source: event.source,
      type: event.type,
      subject: event.subject,
      time: event.time,
      datacontenttype: event.datacontenttype,
      tenant: event.tenant,
      ...(event.familyid ? { familyid: event.familyid } : {}),
      correlationid: event.correlationid,
      ...(event.actoragency ? { actoragency: event.actoragency } : {}),
      data: recipient.view,
    };
    return { id: randomUUID(), recipient, title: text.title, body: text.body, link: text.link, payload };
  }

  private async deliveriesFor(
    event: CloudEvent,
    notifications: NotificationRow[],
    manager: EntityManager,
    now: Date,
  ): Promise<DeliveryRow[]> {
    const agencies = notifications.filter((n) => n.recipient.kind === 'agency').map((n) => n.recipient.id);
    const people = notifications.filter((n) => n.recipient.kind === 'person').map((n) => n.recipient.id);
    const endpoints = agencies.length
      ? await manager.query<{ id: string; agencyId: string }[]>(
          `SELECT id, agency_id AS "agencyId" FROM webhook_endpoint
           WHERE tenant = $1 AND active AND agency_id = ANY($2) AND $3 = ANY(event_types)`,
          [event.tenant, agencies, event.type],
        )
      : [];
    const digesters = new Set(
      people.length && this.channels.emailEnabled
        ? (
            await manager.query<{ personId: string }[]>(
              `SELECT person_id AS "personId" FROM preference
               WHERE tenant = $1 AND person_id = ANY($2) AND email_mode = 'daily-digest'`,
              [event.tenant, people],
            )
          ).map((r) => r.personId)
        : [],
    );
    const at = now.toISOString();
    const rows: DeliveryRow[] = [];
    const add = (n: NotificationRow, row: Omit<DeliveryRow, 'public_id' | 'notification_id'>): void => {
      rows.push({ public_id: randomUUID(), notification_id: n.id, ...row });
    };
    for (const n of notifications) {
      const r = n.recipient;
      if (r.kind === 'person') {
        add(n, { channel: 'inbox', target: r.id, endpoint_id: null, digest: false, status: 'delivered', due_at: at });
        const email = this.tenants.person(event.tenant, r.id)?.email;
        if (this.channels.emailEnabled && email) {
          // Urgent events are never held for a digest.
          const digest = !r.urgent && digesters.has(r.id);
          const due = digest ? nextDigestAt(now, this.channels.digestHour).toISOString() : at;
          add(n, { channel: 'email', target: email, endpoint_id: null, digest, status: 'pending', due_at: due });
        }
        continue;
      }
      for (const endpoint of endpoints.filter((e) => e.agencyId === r.id)) {
        add(n, {
          channel: 'webhook',
          target: endpoint.id,
          endpoint_id: endpoint.id,
          digest: false,
          status: 'pending',
          due_at: at,
        });
      }
      if (this.channels.agencyNatsEnabled) {
        const subject = agencySubject(this.channels.subjectPrefix, event.tenant, r.id, event.type);
        add(n, { channel: 'nats', target: subject, endpoint_id: null, digest: false, status: 'pending', due_at: at });
      }
      const mailbox = this.tenants.agency(event.tenant, r.id)?.email;
      if (this.channels.emailEnabled && mailbox) {
        add(n, { channel: 'email', target: mailbox, endpoint_id: null, digest: false, status: 'pending', due_at: at });
      }
    }
    return rows;
  }

  private async insert(
    event: CloudEvent,
    notifications: NotificationRow[],
    deliveries: DeliveryRow[],
    manager: EntityManager,
  ): Promise<void> {
    const notificationRows = notifications.map((n) => ({
      id: n.id,
      recipient_kind: n.recipient.kind,
      recipient_id: n.recipient.id,
      agency_id: n.recipient.agencyId,
      relationships: n.recipient.relationships,
      urgent: n.recipient.urgent,
      title: n.title,
      body: n.body,
      link: n.link,
      payload: n.payload,
    }));
    await manager.query(
      `INSERT INTO notification (id, tenant, event_id, event_type, aggregate_id, family_id, sender_agency_id,
         recipient_kind, recipient_id, agency_id, relationships, urgent, title, body, link, payload)
       SELECT x.id, $2, $3, $4, $5, $6, $7, x.recipient_kind, x.recipient_id, x.agency_id,
         ARRAY(SELECT jsonb_array_elements_text(x.relationships)), x.urgent, x.title, x.body, x.link, x.payload
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, recipient_kind text, recipient_id text, agency_id text,
         relationships jsonb, urgent boolean, title text, body text, link text, payload jsonb)`,
      [
        JSON.stringify(notificationRows),
        event.tenant,
        event.id,
        event.type,
        event.subject,
        event.familyid ?? null,
        event.actoragency ?? null,
      ],
    );
    await manager.query(
      `INSERT INTO delivery (public_id, notification_id, tenant, event_id, channel, target, endpoint_id, order_key,
         event_time, digest, status, due_at, delivered_at)
       SELECT x.public_id, x.notification_id, $2, $3, x.channel, x.target, x.endpoint_id, $4, $5, x.digest, x.status,
         x.due_at, CASE WHEN x.status = 'delivered' THEN x.due_at END
       FROM jsonb_to_recordset($1::jsonb) AS x(public_id uuid, notification_id uuid, channel text, target text,
         endpoint_id uuid, digest boolean, status text, due_at timestamptz)`,
      [JSON.stringify(deliveries), event.tenant, event.id, event.familyid ?? event.subject, event.time],
    );
    if (deliveries.some((d) => d.status === 'pending')) {
      await manager.query('SELECT pg_notify($1, $2)', [DELIVERY_CHANNEL, '']);
    }
    const items = notifications
      .filter((n) => n.recipient.kind === 'person')
      .map((n) => JSON.stringify({ tenant: event.tenant, personId: n.recipient.id, id: n.id }));
    if (items.length > 0) {
      // Delivered on commit only, to every replica's live streams.
      await manager.query('SELECT pg_notify($1, item) FROM jsonb_array_elements_text($2::jsonb) AS item', [
        INBOX_CHANNEL,
        JSON.stringify(items),
      ]);
    }
  }
}
