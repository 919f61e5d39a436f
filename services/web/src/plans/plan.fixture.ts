import type { Plan } from './taf.api.js';

/** An invented open plan led by the hub, with the school and health visiting in the team. */
export function inventedPlan(overrides: Partial<Plan> = {}): Plan {
  return {
    id: '6f1d2c8e-6a55-4d0b-9a43-0d6c9f6d1a01',
    familyId: '1b7c9e52-3c2d-4a7e-8f4b-2b5f8b6d1a02',
    version: 4,
    relationship: 'lead',
    status: 'open',
    levelOfNeed: 3,
    origin: 'referral',
    referralIds: ['e0000000-0000-4000-8000-000000000001'],
    openedAt: '2026-11-02T10:00:00.000Z',
    children: [
      {
        childId: 'd0000000-0000-4000-8000-000000000001',
        givenName: 'Alfie',
        familyName: 'Larkspur',
        dateOfBirth: '2016-04-12',
      },
    ],
    carers: [
      {
        carerId: 'd0000000-0000-4000-8000-000000000002',
        givenName: 'Jo',
        familyName: 'Larkspur',
        relationship: 'mother',
      },
    ],
    lead: {
      professional: {
        personId: 'hub-triager',
        name: 'Tamsin Quillfeather',
        agencyId: 'demo-early-help-hub',
        agencyName: 'Demo Early Help Hub',
        role: 'Early help practitioner',
        email: 'tamsin@example.org',
      },
      since: '2026-11-02T10:00:00.000Z',
    },
    members: [
      {
        memberId: 'a0000000-0000-4000-8000-000000000001',
        agencyId: 'demo-early-help-hub',
        agencyName: 'Demo Early Help Hub',
        personId: 'hub-triager',
        contactName: 'Tamsin Quillfeather',
        role: 'lead professional',
        joinedAt: '2026-11-02T10:00:00.000Z',
      },
      {
        memberId: 'a0000000-0000-4000-8000-000000000002',
        agencyId: 'demo-oakfield-primary',
        agencyName: 'Oakfield Primary School',
        personId: 'school-dsl',
        contactName: 'Priya Lanternby',
        role: 'Designated safeguarding lead',
        joinedAt: '2026-11-03T10:00:00.000Z',
      },
      {
        memberId: 'a0000000-0000-4000-8000-000000000003',
        agencyId: 'demo-health-visiting',
        agencyName: 'Demo Health Visiting Service',
        personId: 'health-visitor',
        contactName: 'Nia Marchbank',
        role: 'Health visitor',
        joinedAt: '2026-11-03T10:00:00.000Z',
      },
    ],
    outcomes: [
      {
        outcomeId: 'b0000000-0000-4000-8000-000000000001',
        headlineOutcome: 'education',
        description: 'Alfie is in school every day',
      },
    ],
    actions: [
      {
        actionId: 'c0000000-0000-4000-8000-000000000001',
        outcomeId: 'b0000000-0000-4000-8000-000000000001',
        description: 'Breakfast club place from Monday',
        ownerAgencyId: 'demo-oakfield-primary',
        dueDate: '2026-12-18',
        status: 'not-started',
        overdue: false,
      },
    ],
    reviewCadenceWeeks: 6,
    nextReviewDate: '2026-12-14',
    agreement: { status: 'agreed', agreedAt: '2026-11-02T10:00:00.000Z', recordedAs: 'signed at home visit' },
    ...overrides,
  };
}

/** 4 December 2026, mid-morning in London. */
export const NOW = new Date('2026-12-04T10:00:00Z');
