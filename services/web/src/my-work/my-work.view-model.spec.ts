import type { AgencyFamilyView } from '../families/agency-views.api.js';
import { dueInWords } from '../layout/due-words.js';
import type { Plan } from '../plans/taf.api.js';
import type { SignedInPerson } from '../sign-in/session.types.js';
import type { PlanListItem } from './my-work.api.js';
import { myWorkPage } from './my-work.view-model.js';

const TODAY = '2026-12-04'; // a Friday
const tamsin: SignedInPerson = {
  personId: 'hub-triager',
  name: 'Tamsin Quillfeather',
  agencyId: 'demo-early-help-hub',
  agencyName: 'Early Help Hub',
  tenant: 'demo',
  roles: ['triager', 'practitioner'],
};
const child = (familyName: string) => ({ givenName: 'Alfie', familyName, childId: familyName });
const plan = (id: string, familyName: string, lead: string, nextReviewDate?: string): PlanListItem => ({
  id,
  familyId: `family-${id}`,
  children: [child(familyName)],
  lead: { name: lead, agencyId: 'demo-early-help-hub', agencyName: 'Early Help Hub', email: 'hub@example.org' },
  levelOfNeed: 3,
  openedAt: '2026-11-01T10:00:00Z',
  status: 'open',
  ...(nextReviewDate ? { nextReviewDate } : {}),
});
const action = (actionId: string, description: string, dueDate: string) => ({
  actionId,
  description,
  dueDate,
  outcomeId: 'o',
  ownerAgencyId: 'demo-early-help-hub',
  status: 'not-started' as const,
});
const family = (familyName: string, open: ReturnType<typeof action>[], overdue: string[]): AgencyFamilyView => ({
  familyId: `family-${familyName}`,
  relationships: ['plan-member'],
  children: [{ givenName: 'Alfie', familyName }],
  carers: [],
  openReferrals: [],
  position: 1,
  actions: { open, overdue: open.filter((a) => overdue.includes(a.actionId)) },
  plan: {
    planId: `plan-${familyName}`,
    agreement: 'agreed',
    members: [],
    openedAt: '2026-11-01T10:00:00Z',
    outcomes: [],
    reviewOverdue: false,
    status: 'open',
    version: 1,
  },
});
const level = (n: number) => `Level ${n}`;

describe('My work', () => {
  it('lists our actions overdue first, then by due date, each due date in words with its tag', () => {
    const page = myWorkPage(
      {
        plans: [],
        handovers: [],
        actions: {
          families: [
            family('Hollowmere', [action('a1', 'Book the housing visit', '2026-12-20')], []),
            family(
              'Copperfield',
              [
                action('a2', 'Call the school nurse', '2026-12-07'),
                action('a3', 'Send the attendance letter', '2026-12-01'),
              ],
              ['a3'],
            ),
          ],
          moreFamilies: 0,
        },
      },
      tamsin,
      TODAY,
      level,
    );
    expect(page.actions.map((a) => [a.description, a.due, a.tag?.text])).toEqual([
      ['Send the attendance letter', 'Due 3 days ago, on Tuesday 1 December', 'Overdue'],
      ['Call the school nurse', 'Due Monday 7 December', 'Due soon'],
      ['Book the housing visit', 'Due Sunday 20 December', undefined],
    ]);
    expect(page.actions[0]!.href).toBe('/plans/plan-Copperfield/outcomes');
  });

  it('shows the plans I lead, and only theirs the reviews due within a week or overdue', () => {
    const page = myWorkPage(
      {
        plans: [
          plan('p1', 'Hollowmere', 'Tamsin Quillfeather', '2027-01-15'),
          plan('p2', 'Copperfield', 'Tamsin Quillfeather', '2026-12-02'),
          plan('p3', 'Ashdown', 'Priya Lanternby', '2026-12-05'),
          plan('p4', 'Brightwater', 'Tamsin Quillfeather'),
        ],
        handovers: [],
        actions: { families: [], moreFamilies: 0 },
      },
      tamsin,
      TODAY,
      level,
    );
    expect(page.plans.map((p) => [p.family, p.review, p.tag?.text])).toEqual([
      ['Alfie Copperfield', 'Review due 2 days ago, on Wednesday 2 December', 'Overdue'],
      ['Alfie Hollowmere', 'Review due Friday 15 January 2027', undefined],
      ['Alfie Brightwater', 'No review date', undefined],
    ]);
    expect(page.reviews.map((r) => [r.family, r.tag?.text])).toEqual([['Alfie Copperfield', 'Overdue']]);
  });

  it('shows a handover waiting for me with who proposed it and when', () => {
    const waiting = {
      id: 'p9',
      children: [child('Hollowmere')],
      lead: { professional: { name: 'Tamsin Quillfeather', agencyName: 'Early Help Hub' } },
      pendingHandover: { proposedAt: '2026-12-03T15:00:00Z' },
    } as Plan;
    const page = myWorkPage(
      { plans: [], handovers: [waiting], actions: { families: [], moreFamilies: 0 } },
      tamsin,
      TODAY,
      level,
    );
    expect(page.handovers).toEqual([
      {
        family: 'Alfie Hollowmere',
        href: '/plans/p9',
        from: 'Tamsin Quillfeather, Early Help Hub',
        proposed: '3 December 2026',
      },
    ]);
  });
});

describe('due dates in words', () => {
  it.each([
    ['2026-12-04', 'Due today', 'due-soon'],
    ['2026-12-05', 'Due tomorrow', 'due-soon'],
    ['2026-12-03', 'Due yesterday', 'overdue'],
    ['2026-12-11', 'Due Friday 11 December', 'due-soon'],
    ['2026-12-12', 'Due Saturday 12 December', 'later'],
  ])('reads %s as "%s" (%s)', (date, words, urgency) => {
    expect(dueInWords(date, TODAY)).toEqual({ words, urgency });
  });
});
