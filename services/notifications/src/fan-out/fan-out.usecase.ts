import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { definitionOf, type CloudEvent } from '@baton/contracts';
import { TenantDirectory } from '@baton/tenancy';
import { CHANNEL_SETTINGS, type ChannelSettings } from '../delivery/channel-settings.js';
import { agencySubject } from '../delivery/nats-agency.channel.js';
import { nextDigestAt } from '../domain/digest-schedule.js';
import { renderNotification } from '../domain/notification-text.js';
import { routeEvent, type Recipient } from '../domain/route-event.js';
import type { RememberedParties, RoutingRule } from '../domain/routing-rule.js';
import { ROUTING_RULES } from '../routing/routing-rules.loader.js';
import { tenantPeople } from '../routing/tenant-people.js';
import {
  readRemembered,
  writeFanOut,
  type DirectDeliveryInsert,
  type NotificationInsert,
  type ViewInsert,
} from './fan-out.store.js';

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

  async execute(event: Readonly<CloudEvent>, manager: EntityManager, now: Date = new Date()): Promise<number> {
    const rules = this.rules.filter((r) => r.eventType === event.type);
    if (rules.length === 0) return 0;
    const remembered: RememberedParties = usesRemembered(rules)
      ? await readRemembered(manager, event.tenant, event.subject)
      : new Map();
    const routed = routeEvent(event, rules, tenantPeople(this.tenants, event.tenant), remembered);
    // An event type the catalogue marks urgent is urgent whatever the rules say.
    const urgentType = definitionOf(event.type)?.urgent === true;
    const views = new Map<string, ViewInsert>();
    const notifications = routed.map((r) =>
      this.notificationFor(event, { ...r, urgent: r.urgent || urgentType }, views),
    );
    await writeFanOut(manager, {
      event: {
        id: event.id,
        type: event.type,
        tenant: event.tenant,
        subject: event.subject,
        familyId: event.familyid ?? null,
        senderAgencyId: event.actoragency ?? null,
        actor: event.actor,
        time: event.time,
      },
      // The actor is remembered as a person; scheduled work has none.
      remember: event.actor === 'system' ? [] : rules.flatMap((r) => (r.remember ? [r.remember] : [])),
      views: [...views.values()],
      notifications,
      direct: notifications.flatMap((n) => this.directDeliveries(event, n)),
      agencies: notifications
        .filter((n) => n.recipient_kind === 'agency')
        .map((n) => ({ notification_id: n.id, agency_id: n.recipient_id })),
      now,
      nextDigestAt: nextDigestAt(now, this.channels.digestHour),
    });
    return notifications.length;
  }

  private notificationFor(
    event: Readonly<CloudEvent>,
    recipient: Recipient,
    views: Map<string, ViewInsert>,
  ): NotificationInsert {
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
    const key = JSON.stringify(recipient.view);
    const view = views.get(key) ?? { id: randomUUID(), payload };
    views.set(key, view);
    return {
      id: randomUUID(),
      recipient_kind: recipient.kind,
      recipient_id: recipient.id,
      agency_id: recipient.agencyId,
      relationships: recipient.relationships,
      urgent: recipient.urgent,
      title: text.title,
      body: text.body,
      link: text.link,
      view_id: view.id,
    };
  }

  /**
   * E-mail for a person (their notification is already their inbox item); NATS subject and shared mailbox for an
   * agency (webhook endpoints are joined in SQL).
   */
  private directDeliveries(event: Readonly<CloudEvent>, n: NotificationInsert): DirectDeliveryInsert[] {
    const rows: DirectDeliveryInsert[] = [];
    const add = (row: Omit<DirectDeliveryInsert, 'public_id' | 'notification_id'>): void => {
      rows.push({ public_id: randomUUID(), notification_id: n.id, ...row });
    };
    const email = this.channels.emailEnabled;
    if (n.recipient_kind === 'person') {
      const address = this.tenants.person(event.tenant, n.recipient_id)?.email;
      // Urgent events are never held for a digest.
      const digestCandidate = !n.urgent;
      if (email && address) {
        add({ channel: 'email', target: address, digest_candidate: digestCandidate, person_id: n.recipient_id });
      }
      return rows;
    }
    if (this.channels.agencyNatsEnabled) {
      const subject = agencySubject(this.channels.subjectPrefix, event.tenant, n.recipient_id, event.type);
      add({ channel: 'nats', target: subject, digest_candidate: false, person_id: null });
    }
    const mailbox = this.tenants.agency(event.tenant, n.recipient_id)?.email;
    if (email && mailbox) {
      add({ channel: 'email', target: mailbox, digest_candidate: false, person_id: null });
    }
    return rows;
  }
}

function usesRemembered(rules: readonly RoutingRule[]): boolean {
  return rules.some((r) =>
    r.audiences.some((a) => 'remembered' in a.agencies || (a.people !== undefined && 'remembered' in a.people)),
  );
}
