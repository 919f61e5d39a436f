import { randomUUID } from 'node:crypto';
import { newEvent, ReferralEvents, type CloudEvent } from '@baton/contracts';

/** Invented people and children only. */
const CHILD = { givenName: 'Alfie', familyName: 'Testcase', dateOfBirth: '2016-04-12' };
const CARER = { givenName: 'Jo', familyName: 'Testcase', relationship: 'mother' };

export interface ReferralIds {
  referralId: string;
  familyId: string;
}

export function newReferralIds(): ReferralIds {
  return { referralId: randomUUID(), familyId: randomUUID() };
}

/** The school's referral to the hub, as the referrals service publishes it. */
export function referralReceived(ids: ReferralIds, urgency: 'routine' | 'urgent' = 'routine'): CloudEvent {
  return newEvent(ReferralEvents.received, {
    source: 'baton/referrals',
    subject: ids.referralId,
    tenant: 'demo',
    familyid: ids.familyId,
    actor: 'school-dsl',
    actoragency: 'demo-oakfield-primary',
    data: {
      ...ids,
      receivedAt: '2026-11-20T10:00:00.000Z',
      decisionDueAt: '2026-11-24T00:00:00.000Z',
      sourceCode: '2A',
      source: { kind: 'practitioner', agencyId: 'demo-oakfield-primary', identityWithheld: false },
      receivingAgencyId: 'demo-early-help-hub',
      proposedLevelOfNeed: 3,
      urgency,
      consent: { status: 'given', sharingAgreed: true },
      concernCategories: ['education'],
      children: [{ childId: randomUUID(), ...CHILD }],
      carers: [{ carerId: randomUUID(), ...CARER }],
    },
  });
}

export function referralDecided(
  ids: ReferralIds,
  outcome: 'accept-early-help' | 'step-up-social-care' = 'accept-early-help',
): CloudEvent {
  const stepUp = outcome === 'step-up-social-care';
  return newEvent(ReferralEvents.decided, {
    source: 'baton/referrals',
    subject: ids.referralId,
    tenant: 'demo',
    familyid: ids.familyId,
    actor: 'hub-triager',
    actoragency: 'demo-early-help-hub',
    data: {
      ...ids,
      outcome,
      levelOfNeed: stepUp ? 4 : 3,
      reasons: 'Needs across school and home; the family agreed to a Team Around the Family.',
      decidedAt: '2026-11-20T15:00:00.000Z',
      decidedBy: { personId: 'hub-triager', name: 'Tamsin Quillfeather', agencyId: 'demo-early-help-hub' },
      receivingAgencyId: 'demo-early-help-hub',
      referrerAgencyId: 'demo-oakfield-primary',
      urgent: stepUp,
      allocatedTeamId: 'demo-hub-family-support',
      consent: { status: 'given', sharingAgreed: true },
      children: [{ childId: randomUUID(), ...CHILD }],
      carers: [{ carerId: randomUUID(), ...CARER }],
    },
  });
}

export function referralDecisionOverdue(ids: ReferralIds): CloudEvent {
  return newEvent(ReferralEvents.decisionOverdue, {
    source: 'baton/referrals',
    subject: ids.referralId,
    tenant: 'demo',
    familyid: ids.familyId,
    actor: 'system',
    data: {
      ...ids,
      receivingAgencyId: 'demo-early-help-hub',
      decisionDueAt: '2026-11-24T00:00:00.000Z',
      detectedAt: '2026-11-24T00:00:30.000Z',
      urgency: 'routine',
    },
  });
}
