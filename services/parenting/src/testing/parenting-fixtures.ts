import { randomUUID } from 'node:crypto';
import type { TestIssuer } from '@baton/testing';
import { addDays, addMonths, lastDayOfPeriod } from '../domain/calendar-dates.js';

/** Invented people of the demo tenant (config/tenants/demo.json); no real person's details. */
export const PEOPLE = {
  yotOfficer: { sub: 'yot-officer', name: 'Owen Thistlecombe', agency_id: 'demo-yot', roles: ['practitioner'] },
  yotManager: { sub: 'yot-manager', name: 'Grace Fernhollow', agency_id: 'demo-yot', roles: ['manager'] },
  /** One person holding both the officer's and the manager's role: the two-person rule must still hold. */
  yotOfficerManager: {
    sub: 'yot-senior',
    name: 'Sol Example',
    agency_id: 'demo-yot',
    roles: ['practitioner', 'manager'],
  },
  ewoOfficer: {
    sub: 'ewo-officer',
    name: 'Felix Orchardson',
    agency_id: 'demo-education-welfare',
    roles: ['practitioner'],
  },
  hubWorker: {
    sub: 'hub-triager',
    name: 'Tamsin Quillfeather',
    agency_id: 'demo-early-help-hub',
    roles: ['practitioner'],
  },
  schoolDsl: {
    sub: 'school-dsl',
    name: 'Priya Lanternby',
    agency_id: 'demo-oakfield-primary',
    roles: ['practitioner'],
  },
  adultWorker: {
    sub: 'adult-worker',
    name: 'Callum Dewbury',
    agency_id: 'demo-adult-services',
    roles: ['practitioner'],
  },
  auditor: { sub: 'audit-officer', name: 'Audit Example', agency_id: 'demo-early-help-hub', roles: ['auditor'] },
} as const;

export type Person = keyof typeof PEOPLE;

export function tokenFor(issuer: TestIssuer, person: Person, tenant = 'demo'): Promise<string> {
  return issuer.sign({ ...PEOPLE[person], roles: [...PEOPLE[person].roles], tenant }, { expiresIn: '10m' });
}

/** An order under ASBA 2003 s.26 made on `madeOn`, with a 3-month programme and a 7-month school escort. */
export function yotOrder(madeOn: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    familyId: randomUUID(),
    legalBasis: 'asba-2003-s26',
    applicant: 'youth-offending-team',
    courtKind: 'magistrates-court',
    courtName: 'Demo Magistrates Court',
    madeOn,
    grounds: 'Repeated criminal damage at the Eastfield estate; ASB injunction breached twice.',
    previousParentingOrder: false,
    children: [{ personId: randomUUID(), givenName: 'Alfie', familyName: 'Testcase' }],
    parents: [{ personId: randomUUID(), givenName: 'Jo', familyName: 'Testcase' }],
    requirements: [
      {
        kind: 'programme',
        description: 'Attend the Strengthening Families programme',
        startsOn: madeOn,
        endsOn: lastDayOfPeriod(madeOn, 3),
      },
      {
        kind: 'escort-to-school',
        description: 'Escort Alfie to school every school day',
        startsOn: madeOn,
        endsOn: addDays(addMonths(madeOn, 7), -2),
      },
    ],
    ...overrides,
  };
}
