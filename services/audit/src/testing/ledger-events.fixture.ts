import { randomUUID } from 'node:crypto';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import {
  AccessEvents,
  newEvent,
  ReferralEvents,
  subjectFor,
  type CloudEvent,
  type EventDefinition,
} from '@baton/contracts';

/** Invented people and families for the audit tests; no real person's details. */
export const FAMILY = '5b0c9a57-1d7e-4f0e-9a41-0f3c2a4b7e11';
export const CHILD = '7a1e2f30-4b5c-4d6e-8f70-8192a3b4c5d6';
export const SIBLING = '7a1e2f30-4b5c-4d6e-8f70-8192a3b4c5d7';
export const CARER = '9c8b7a60-5d4e-4f3a-9b2c-1d0e9f8a7b6c';

export function referralReceived(referralId = randomUUID(), at = '2026-11-02T09:00:00.000Z'): CloudEvent {
  return newEvent(ReferralEvents.received, {
    source: 'baton/referrals',
    subject: referralId,
    tenant: 'demo',
    familyid: FAMILY,
    actor: 'school-dsl',
    actoragency: 'demo-oakfield-primary',
    time: new Date(at),
    data: {
      referralId,
      familyId: FAMILY,
      receivedAt: at,
      decisionDueAt: new Date(Date.parse(at) + 86_400_000).toISOString(),
      sourceCode: '2A',
      source: { kind: 'practitioner', agencyId: 'demo-oakfield-primary', identityWithheld: false },
      receivingAgencyId: 'demo-early-help-hub',
      proposedLevelOfNeed: 3,
      urgency: 'routine',
      consent: { status: 'given', sharingAgreed: true },
      concernCategories: ['education'],
      children: [
        { childId: CHILD, givenName: 'Ada', familyName: 'Testcase', dateOfBirth: '2016-04-12' },
        { childId: SIBLING, givenName: 'Ben', familyName: 'Testcase', dateOfBirth: '2019-01-30' },
      ],
      carers: [{ carerId: CARER, givenName: 'Jo', familyName: 'Testcase', relationship: 'mother' }],
    },
  });
}

/** An access to the family's referral, optionally on a lawful basis other than involvement. */
export function accessed(
  referralId: string,
  who = 'hub-triager',
  lawfulBasis?: string,
  agencyId = 'demo-early-help-hub',
): CloudEvent {
  return newEvent(AccessEvents.recorded, {
    source: 'baton/referrals',
    subject: who,
    tenant: 'demo',
    familyid: FAMILY,
    actor: who,
    actoragency: agencyId,
    data: {
      service: 'referrals',
      recordType: 'referral',
      recordIds: [referralId],
      familyIds: [FAMILY],
      action: 'read',
      purpose: 'triage',
      ...(lawfulBasis ? { lawfulBasis } : {}),
      accessedAt: new Date().toISOString(),
      accessor: { personId: who, name: 'Tamsin Quillfeather', agencyId, roles: ['triager'] },
      origin: { ip: '192.0.2.10', userAgent: 'test' },
    },
  });
}

/** Publishes events as their producers' relays do: on their subjects, with the event id as Nats-Msg-Id. */
export class EventPublisher {
  private readonly js: JetStreamClient;

  constructor(
    nc: NatsConnection,
    private readonly prefix: string,
  ) {
    this.js = jetstream(nc);
  }

  async publish(...events: CloudEvent[]): Promise<void> {
    for (const event of events) {
      const [, aggregate, name] = event.type.split('.');
      const definition = { aggregate, name } as EventDefinition;
      await this.js.publish(subjectFor(this.prefix, event.tenant, definition), JSON.stringify(event), {
        msgID: event.id,
      });
    }
  }

  /** Publishes raw text on a subject, as a broken or newer producer might. */
  async publishRaw(subject: string, text: string): Promise<void> {
    await this.js.publish(`${this.prefix}.${subject}`, text);
  }
}
