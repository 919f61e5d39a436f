import type { TestIssuer } from '@baton/testing';

/** Invented people from the demo tenant (config/tenants/demo.json); no real person's details. */
export const PEOPLE = {
  hubTriager: {
    sub: 'hub-triager',
    name: 'Priya Example',
    agency_id: 'demo-early-help-hub',
    roles: ['triager', 'practitioner'],
  },
  hubManager: { sub: 'hub-manager', name: 'Morgan Example', agency_id: 'demo-early-help-hub', roles: ['manager'] },
  schoolDsl: { sub: 'school-dsl', name: 'Sam Teacher', agency_id: 'demo-oakfield-primary', roles: ['practitioner'] },
  yotOfficer: { sub: 'yot-officer', name: 'Yusuf Officer', agency_id: 'demo-yot', roles: ['practitioner'] },
} as const;

export type Person = keyof typeof PEOPLE;

export function tokenFor(issuer: TestIssuer, person: Person, tenant = 'demo'): Promise<string> {
  return issuer.sign({ ...PEOPLE[person], roles: [...PEOPLE[person].roles], tenant }, { expiresIn: '10m' });
}

/** A referral from the demo school about an invented family; override any part. */
export function schoolReferral(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    source: {
      kind: 'practitioner',
      agencyId: 'demo-oakfield-primary',
      name: 'Sam Teacher',
      role: 'Designated safeguarding lead',
      email: 'sam.teacher@example.org',
    },
    sourceCode: '2A',
    family: {
      children: [{ givenName: 'Alfie', familyName: 'Testcase', dateOfBirth: '2016-04-12' }],
      carers: [{ givenName: 'Jo', familyName: 'Testcase', relationship: 'mother', phone: '01632 960000' }],
    },
    concerns: {
      summary: 'Attendance has fallen to 78% this term; Alfie often arrives hungry.',
      categories: ['education'],
    },
    proposedLevelOfNeed: 3,
    consent: { status: 'given', sharingAgreed: true },
    ...overrides,
  };
}
