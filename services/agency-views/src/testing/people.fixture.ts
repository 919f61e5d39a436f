import type { TestIssuer } from '@baton/testing';

/** Invented people of the demo tenant (config/tenants/demo.json), one per agency a test looks through. */
export const PEOPLE = {
  hubTriager: {
    sub: 'hub-triager',
    name: 'Tamsin Quillfeather',
    agency_id: 'demo-early-help-hub',
    roles: ['triager', 'practitioner'],
  },
  schoolDsl: {
    sub: 'school-dsl',
    name: 'Priya Lanternby',
    agency_id: 'demo-oakfield-primary',
    roles: ['practitioner'],
  },
  yotOfficer: { sub: 'yot-officer', name: 'Owen Thistlecombe', agency_id: 'demo-yot', roles: ['practitioner'] },
  adultWorker: {
    sub: 'adult-worker',
    name: 'Callum Dewbury',
    agency_id: 'demo-adult-services',
    roles: ['practitioner'],
  },
  ewoOfficer: {
    sub: 'ewo-officer',
    name: 'Felix Orchardson',
    agency_id: 'demo-education-welfare',
    roles: ['practitioner'],
  },
  auditOfficer: { sub: 'audit-officer', name: 'Idris Wrenfield', agency_id: 'demo-early-help-hub', roles: ['auditor'] },
} as const;

export type Person = keyof typeof PEOPLE;

export function tokenFor(issuer: TestIssuer, person: Person, tenant = 'demo'): Promise<string> {
  return issuer.sign({ ...PEOPLE[person], roles: [...PEOPLE[person].roles], tenant }, { expiresIn: '10m' });
}
