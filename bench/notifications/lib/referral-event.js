// A `baton.referral.received.v1` as the referrals service publishes it (invented family), for the hub.
import { randomUUID } from 'node:crypto';

export function referralReceived() {
  const referralId = randomUUID();
  const familyId = randomUUID();
  const id = randomUUID();
  const now = new Date().toISOString();
  return {
    specversion: '1.0',
    id,
    source: 'baton/referrals',
    type: 'baton.referral.received.v1',
    subject: referralId,
    time: now,
    datacontenttype: 'application/json',
    tenant: 'demo',
    familyid: familyId,
    correlationid: id,
    actor: 'school-dsl',
    actoragency: 'demo-oakfield-primary',
    data: {
      referralId,
      familyId,
      receivedAt: now,
      decisionDueAt: now,
      sourceCode: '2A',
      source: { kind: 'practitioner', agencyId: 'demo-oakfield-primary', identityWithheld: false },
      receivingAgencyId: 'demo-early-help-hub',
      proposedLevelOfNeed: 3,
      urgency: 'routine',
      consent: { status: 'given', sharingAgreed: true },
      concernCategories: ['education'],
      children: [{ childId: randomUUID(), givenName: 'Bench', familyName: 'Child', dateOfBirth: '2016-04-12' }],
      carers: [{ carerId: randomUUID(), givenName: 'Bench', familyName: 'Carer', relationship: 'mother' }],
    },
  };
}
