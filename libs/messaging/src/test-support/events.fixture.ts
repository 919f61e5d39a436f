import { randomUUID } from 'node:crypto';
import { newEvent, ReferralEvents, type CloudEvent } from '@baton/contracts';

/** A valid `baton.referral.decision-overdue.v1` about an invented referral. */
export function overdueEvent(referralId: string = randomUUID(), tenant = 'tst'): CloudEvent {
  return newEvent(ReferralEvents.decisionOverdue, {
    source: 'baton/referrals',
    subject: referralId,
    tenant,
    actor: 'system',
    data: {
      referralId,
      familyId: '0b7f8b9e-3c1d-4e55-9a51-8f0f3f8a1c01',
      receivingAgencyId: 'agency-early-help',
      decisionDueAt: '2025-11-20T17:00:00.000Z',
      detectedAt: '2025-11-20T17:00:05.000Z',
      urgency: 'routine',
    },
  });
}
