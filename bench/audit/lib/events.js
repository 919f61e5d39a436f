// Invented events for the audit benchmark: access records (most of the stream, as in production) and referral
// events, as valid CloudEvents of the catalogue, spread over tenants.
import { randomUUID } from 'node:crypto';

const FAMILIES = Array.from({ length: 500 }, () => randomUUID());

function accessEvent(tenant, i) {
  const familyId = FAMILIES[i % FAMILIES.length];
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: 'baton/referrals',
    type: 'baton.access.recorded.v1',
    subject: 'hub-triager',
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    tenant,
    familyid: familyId,
    correlationid: randomUUID(),
    actor: 'hub-triager',
    actoragency: 'demo-early-help-hub',
    data: {
      service: 'referrals',
      recordType: 'referral',
      recordIds: [randomUUID()],
      familyIds: [familyId],
      action: 'read',
      purpose: 'triage queue',
      ...(i % 50 === 0 ? { lawfulBasis: 'Children Act 1989 s.47' } : {}),
      accessedAt: new Date().toISOString(),
      accessor: {
        personId: 'hub-triager',
        name: 'Tamsin Quillfeather',
        agencyId: 'demo-early-help-hub',
        roles: ['triager'],
      },
      origin: { ip: '192.0.2.10', userAgent: 'bench' },
    },
  };
}

function referralEvent(tenant, i) {
  const familyId = FAMILIES[i % FAMILIES.length];
  const referralId = randomUUID();
  const receivedAt = new Date().toISOString();
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: 'baton/referrals',
    type: 'baton.referral.received.v1',
    subject: referralId,
    time: receivedAt,
    datacontenttype: 'application/json',
    tenant,
    familyid: familyId,
    correlationid: randomUUID(),
    actor: 'school-dsl',
    actoragency: 'demo-oakfield-primary',
    data: {
      referralId,
      familyId,
      receivedAt,
      decisionDueAt: new Date(Date.now() + 86_400_000).toISOString(),
      sourceCode: '2A',
      source: { kind: 'practitioner', agencyId: 'demo-oakfield-primary', identityWithheld: false },
      receivingAgencyId: 'demo-early-help-hub',
      proposedLevelOfNeed: 3,
      urgency: 'routine',
      consent: { status: 'given', sharingAgreed: true },
      concernCategories: ['education'],
      children: [{ childId: randomUUID(), givenName: 'Ada', familyName: `Bench${i}`, dateOfBirth: '2016-04-12' }],
      carers: [{ carerId: randomUUID(), givenName: 'Jo', familyName: `Bench${i}`, relationship: 'mother' }],
    },
  };
}

/** The i-th event of a benchmark stream: 4 in 5 are access records; tenants take turns. */
export function benchEvent(i, tenants) {
  const tenant = tenants[i % tenants.length];
  return i % 5 === 4 ? referralEvent(tenant, i) : accessEvent(tenant, i);
}
