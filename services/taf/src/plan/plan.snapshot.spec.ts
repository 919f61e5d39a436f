import { PlanLeadRow } from '../lead/plan-lead.entity.js';
import { PlanActionRow } from '../work/plan-action.entity.js';
import { Plan } from './plan.entity.js';
import { isOverdue, snapshotOf } from './plan.snapshot.js';

const at = new Date('2026-11-23T10:00:00Z');

function state() {
  const plan = Object.assign(new Plan(), {
    id: 'p',
    tenant: 'demo',
    familyId: 'f',
    status: 'open',
    version: 3,
    levelOfNeed: 3,
    origin: 'referral',
    openedAt: at,
    referralIds: ['r'],
    children: [
      { childId: 'c', givenName: 'Alfie', familyName: 'Testcase', dateOfBirth: '2016-04-12', nhsNumber: '9434765919' },
    ],
    carers: [],
    outcomes: [],
    reviewCadenceWeeks: 6,
    nextReviewDate: '2027-01-04',
    lastReviewDate: null,
    agreement: { status: 'agreed', agreedAt: at.toISOString(), recordedAs: 'signed' },
    assessmentSummary: null,
    closedAt: null,
    closure: null,
  });
  const lead = Object.assign(new PlanLeadRow(), {
    personId: 'hub-triager',
    name: 'Tamsin Quillfeather',
    agencyId: 'demo-early-help-hub',
    agencyName: 'Demo Early Help Hub',
    role: 'Early help practitioner',
    email: 'tamsin@example.org',
    phone: null,
    startedAt: at,
  });
  const action = Object.assign(new PlanActionRow(), {
    id: 'a',
    outcomeId: 'o',
    description: 'Visit',
    ownerAgencyId: 'demo-health-visiting',
    ownerPersonId: null,
    ownerName: null,
    dueDate: '2026-11-24',
    status: 'in-progress' as PlanActionRow['status'],
    overdueNotifiedFor: null as string | null,
  });
  return { plan, lead, members: [], actions: [action] };
}

describe('the plan as every event carries it', () => {
  it('never carries a child’s NHS number, nor empty optional fields', () => {
    const snapshot = snapshotOf(state());
    expect(JSON.stringify(snapshot)).not.toContain('9434765919');
    expect(snapshot.lead.professional).not.toHaveProperty('phone');
    expect(snapshot).not.toHaveProperty('assessment');
    expect(snapshot).toMatchObject({ status: 'open', nextReviewDate: '2027-01-04', referralIds: ['r'] });
  });

  it('marks an action overdue once announced for its current due date, and not once done', () => {
    const s = state();
    const [action] = s.actions;
    expect(isOverdue(action)).toBe(false);
    action.overdueNotifiedFor = '2026-11-24';
    expect(snapshotOf(s).actions[0].overdue).toBe(true);
    action.dueDate = '2026-12-01';
    expect(isOverdue(action)).toBe(false);
    action.dueDate = '2026-11-24';
    action.status = 'done';
    expect(isOverdue(action)).toBe(false);
  });
});
