import { randomUUID } from 'node:crypto';
import type { JetStreamClient } from '@nats-io/jetstream';
import {
  definitionOf,
  newEvent,
  ReferralEvents,
  subjectFor,
  type CloudEvent,
  type ReferralOutcome,
} from '@baton/contracts';

/** An invented family, as referrals describe it. */
export interface FamilyFixture {
  tenant: string;
  familyId: string;
  referralId: string;
  referrerAgencyId: string;
  receivingAgencyId: string;
  child: { childId: string; givenName: string; familyName: string; dateOfBirth: string };
  carer: { carerId: string; givenName: string; familyName: string; relationship: string };
}

export function aFamily(overrides: Partial<FamilyFixture> = {}): FamilyFixture {
  return {
    tenant: 'demo',
    familyId: randomUUID(),
    referralId: randomUUID(),
    referrerAgencyId: 'demo-oakfield-primary',
    receivingAgencyId: 'demo-early-help-hub',
    child: { childId: randomUUID(), givenName: 'Alfie', familyName: 'Testcase', dateOfBirth: '2016-04-12' },
    carer: { carerId: randomUUID(), givenName: 'Jo', familyName: 'Testcase', relationship: 'mother' },
    ...overrides,
  };
}

const actor = { personId: 'hub-triager', name: 'Tamsin Quillfeather', agencyId: 'demo-early-help-hub' };

function envelope(f: FamilyFixture, time: Date) {
  return { source: 'baton/referrals', subject: f.referralId, tenant: f.tenant, familyid: f.familyId, actor: 'x', time };
}

export function referralReceived(f: FamilyFixture, time = new Date('2026-11-20T10:00:00Z')): CloudEvent {
  return newEvent(ReferralEvents.received, {
    ...envelope(f, time),
    data: {
      referralId: f.referralId,
      familyId: f.familyId,
      receivedAt: time.toISOString(),
      decisionDueAt: '2026-11-24T00:00:00.000Z',
      sourceCode: '2A',
      source: { kind: 'practitioner', agencyId: f.referrerAgencyId, identityWithheld: false },
      receivingAgencyId: f.receivingAgencyId,
      proposedLevelOfNeed: 3,
      urgency: 'routine',
      consent: { status: 'given', sharingAgreed: true },
      concernCategories: ['education'],
      children: [f.child],
      carers: [f.carer],
    },
  });
}

export function referralDecided(
  f: FamilyFixture,
  outcome: ReferralOutcome = 'accept-early-help',
  time = new Date('2026-11-20T15:00:00Z'),
): CloudEvent {
  return newEvent(ReferralEvents.decided, {
    ...envelope(f, time),
    data: {
      referralId: f.referralId,
      familyId: f.familyId,
      outcome,
      levelOfNeed: outcome === 'accept-early-help' ? 3 : 2,
      reasons: 'Needs across school and home.',
      decidedAt: time.toISOString(),
      decidedBy: actor,
      receivingAgencyId: f.receivingAgencyId,
      referrerAgencyId: f.referrerAgencyId,
      urgent: false,
      consent: { status: 'given', sharingAgreed: true },
      children: [f.child],
      carers: [f.carer],
    },
  });
}

export function referralWithdrawn(f: FamilyFixture, time = new Date('2026-11-20T12:00:00Z')): CloudEvent {
  return newEvent(ReferralEvents.withdrawn, {
    ...envelope(f, time),
    data: {
      referralId: f.referralId,
      familyId: f.familyId,
      withdrawnAt: time.toISOString(),
      reason: 'Family moved away.',
      withdrawnBy: { ...actor, personId: 'school-dsl', agencyId: f.referrerAgencyId },
      receivingAgencyId: f.receivingAgencyId,
    },
  });
}

/**
 * Publishes events as a producer's relay does (message id = event id), returning each one's stream sequence.
 * `messageId` lets a test publish one event twice past the broker's dedupe, as a redelivery would arrive.
 */
export async function publishEvents(
  js: JetStreamClient,
  subjectPrefix: string,
  events: CloudEvent[],
  messageId: (e: CloudEvent) => string = (e) => e.id,
): Promise<number[]> {
  const sequences: number[] = [];
  for (const event of events) {
    const definition = definitionOf(event.type);
    if (definition === undefined) throw new Error(`${event.type} is not in the catalogue`);
    const ack = await js.publish(subjectFor(subjectPrefix, event.tenant, definition), JSON.stringify(event), {
      msgID: messageId(event),
    });
    sequences.push(ack.seq);
  }
  return sequences;
}
