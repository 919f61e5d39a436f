import { randomUUID } from 'node:crypto';
import type { TestIssuer } from '@baton/testing';
import { newEvent, ReferralEvents, type CloudEvent, type ReferralDecidedV1 } from '@baton/contracts';

/** Invented people from the demo tenant (config/tenants/demo.json); no real person's details. */
export const PEOPLE = {
  hubTriager: {
    sub: 'hub-triager',
    name: 'Tamsin Quillfeather',
    agency_id: 'demo-early-help-hub',
    roles: ['triager', 'practitioner'],
  },
  hubManager: {
    sub: 'hub-manager',
    name: 'Marlowe Brackenridge',
    agency_id: 'demo-early-help-hub',
    roles: ['manager'],
  },
  schoolDsl: {
    sub: 'school-dsl',
    name: 'Priya Lanternby',
    agency_id: 'demo-oakfield-primary',
    roles: ['practitioner'],
  },
  yotOfficer: { sub: 'yot-officer', name: 'Owen Thistlecombe', agency_id: 'demo-yot', roles: ['practitioner'] },
  healthVisitor: {
    sub: 'health-visitor',
    name: 'Nia Marchbank',
    agency_id: 'demo-health-visiting',
    roles: ['practitioner'],
  },
} as const;

export type Person = keyof typeof PEOPLE;

export function tokenFor(issuer: TestIssuer, person: Person, tenant = 'demo'): Promise<string> {
  return issuer.sign({ ...PEOPLE[person], roles: [...PEOPLE[person].roles], tenant }, { expiresIn: '10m' });
}

/** The lead professional as the direct-opening API takes it. */
export const SCHOOL_LEAD = {
  personId: 'school-dsl',
  name: 'Priya Lanternby',
  agencyId: 'demo-oakfield-primary',
  role: 'Designated safeguarding lead',
  email: 'priya.lanternby@oakfield-primary.example.org',
  phone: '01632 960102',
};

export const HUB_LEAD = {
  personId: 'hub-triager',
  name: 'Tamsin Quillfeather',
  agencyId: 'demo-early-help-hub',
  role: 'Early help practitioner',
  email: 'tamsin.quillfeather@demo-borough.example.org',
};

/** An invented family name no other test uses, so tests never find each other's children. */
export function uniqueFamilyName(): string {
  return `Testcase-${randomUUID().slice(0, 8)}`;
}

/** A plan opened directly by the school for an invented family; override any part. */
export function directPlan(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const family = uniqueFamilyName();
  return {
    levelOfNeed: 3,
    children: [{ givenName: 'Alfie', familyName: family, dateOfBirth: '2016-04-12' }],
    carers: [{ givenName: 'Jo', familyName: family, relationship: 'mother' }],
    lead: SCHOOL_LEAD,
    familyAgreement: { agreedAt: '2026-11-19T15:00:00Z', recordedAs: 'signed plan agreement at a school meeting' },
    ...overrides,
  };
}

/** `baton.referral.decided.v1` as the referrals service publishes it, accepting an invented family for early help. */
export function referralDecided(
  overrides: Partial<ReferralDecidedV1> = {},
  decidedAt = '2026-11-20T10:00:00.000Z',
): CloudEvent<ReferralDecidedV1> {
  const family = uniqueFamilyName();
  const data: ReferralDecidedV1 = {
    referralId: randomUUID(),
    familyId: randomUUID(),
    outcome: 'accept-early-help',
    levelOfNeed: 3,
    reasons: 'Needs across education and family support: a TAF is appropriate.',
    decidedAt,
    decidedBy: { personId: 'hub-triager', name: 'Tamsin Quillfeather', agencyId: 'demo-early-help-hub' },
    receivingAgencyId: 'demo-early-help-hub',
    referrerAgencyId: 'demo-oakfield-primary',
    urgent: false,
    consent: { status: 'given', sharingAgreed: true },
    children: [{ childId: randomUUID(), givenName: 'Alfie', familyName: family, dateOfBirth: '2016-04-12' }],
    carers: [{ carerId: randomUUID(), givenName: 'Jo', familyName: family, relationship: 'mother' }],
    ...overrides,
  };
  return newEvent(ReferralEvents.decided, {
    source: 'baton/referrals',
    subject: data.referralId,
    tenant: 'demo',
    familyid: data.familyId,
    actor: data.decidedBy.personId,
    actoragency: data.decidedBy.agencyId,
    data,
  });
}
