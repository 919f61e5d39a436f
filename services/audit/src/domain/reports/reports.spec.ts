import { annexAList1, annexAList2, annexAList3, type AnnexANames } from './annex-a.js';
import { eventsOfAgency, factsOfAgency, foldCaseFacts } from './case-facts.js';
import { cinCensusReferrals } from './cin-census.js';
import { enforcementCases } from './enforcement-evidence.js';
import { EventScript } from '../../testing/report-events.fixture.js';
import { reportCard } from './report-card.js';
import { ageInYears, median, percentile } from './statistics.js';
import { waitingTimes } from './waiting-times.js';

const period = { from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-09T00:00:00Z') };
const names: AnnexANames = {
  teamName: (id) => ({ 'csc-duty-team': 'Duty Team' })[id],
  agencyName: (id) => ({ hub: 'Early Help Hub' })[id],
  isChildrensSocialCare: (id) => id === 'csc',
};

describe('report arithmetic', () => {
  it('takes the median as the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  it('takes the 90th percentile by nearest rank', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(percentile([7], 90)).toBe(7);
  });

  it('counts age in whole years on the day', () => {
    expect(ageInYears('2016-04-12', '2026-04-11')).toBe(9);
    expect(ageInYears('2016-04-12', '2026-04-12')).toBe(10);
  });
});

describe('waiting times', () => {
  const script = new EventScript()
    .received('r1', '2026-11-02T09:00:00.000Z')
    .decided('r1', '2026-11-02T13:00:00.000Z', 'accept-early-help')
    .received('r2', '2026-11-02T10:00:00.000Z')
    .decided('r2', '2026-11-03T16:00:00.000Z', 'no-further-action')
    .received('r3', '2026-11-04T09:00:00.000Z')
    .received('r4', '2026-10-20T09:00:00.000Z')
    .decided('r4', '2026-10-20T10:00:00.000Z', 'accept-early-help')
    .planOpened('p1', 'r1', '2026-11-06T13:00:00.000Z');
  const report = waitingTimes(foldCaseFacts(script.events), period, new Date('2026-11-06T12:00:00Z'));

  it('measures receipt to decision for referrals received in the period', () => {
    expect(report.received).toBe(3);
    // r1: 4 h, r2: 30 h
    expect(report.receiptToDecisionHours).toEqual({ count: 2, median: 17, p90: 30 });
  });

  it('measures decision to plan and receipt to plan in days', () => {
    expect(report.decisionToPlanDays).toEqual({ count: 1, median: 4, p90: 4 });
    expect(report.receiptToPlanDays).toEqual({ count: 1, median: 4.17, p90: 4.17 });
  });

  it('lists referrals awaiting a decision past their deadline, and those decided late', () => {
    expect(report.awaitingPastDeadline.map((r) => [r.referralId, r.hoursOverdue])).toEqual([['r3', 27]]);
    expect(report.decidedPastDeadline.map((r) => [r.referralId, r.hoursOverdue])).toEqual([['r2', 6]]);
    expect([report.decidedWithinDeadline, report.decidedLate]).toEqual([1, 1]);
  });
});

describe('the report card', () => {
  const script = new EventScript()
    .received('r1', '2026-11-02T09:00:00.000Z')
    .decided('r1', '2026-11-02T13:00:00.000Z', 'accept-early-help')
    .planOpened('p1', 'r1', '2026-09-01T13:00:00.000Z', '2026-11-03')
    .review('p1', '2026-11-03', ['good-progress', 'no-change'], '2026-12-15')
    .planOpened('p2', 'r9', '2026-09-01T13:00:00.000Z', '2026-11-04')
    .review('p2', '2026-11-05', ['achieved'], '2026-12-15')
    .add('baton.plan.lead-changed.v1', '2026-11-04T10:00:00.000Z', {
      planId: 'p2',
      effectiveAt: '2026-11-04T10:00:00.000Z',
      plan: {},
    })
    .closed('p1', '2026-11-06T10:00:00.000Z', 'needs-met')
    .add('baton.order.made.v1', '2026-11-03T10:00:00.000Z', { orderId: 'o1' })
    .add('baton.order.enforcement-decided.v1', '2026-11-04T10:00:00.000Z', {
      orderId: 'o1',
      workingDaysFromBreach: 2,
      takesEffect: true,
    });
  const card = reportCard(foldCaseFacts(script.events), script.events, period);

  it('counts how much was done', () => {
    expect(card.howMuch).toMatchObject({
      referralsReceived: 1,
      triageDecisions: 1,
      plansOpenDuringPeriod: 2,
      plansClosed: 1,
      ordersMade: 1,
    });
  });

  it('says how well: deadlines, reviews on time, lead continuity, enforcement speed', () => {
    expect(card.howWell).toMatchObject({
      decisionsWithinDeadlinePercent: 100,
      reviewsHeld: 2,
      reviewsOnTimePercent: 50,
      leadContinuityPercent: 50,
      leadChanges: 1,
      enforcementDecisionMedianWorkingDays: 2,
    });
  });

  it('says whether anyone is better off', () => {
    expect(card.betterOff).toMatchObject({
      plansClosedWithNeedsMet: 1,
      plansClosedWithNeedsMetPercent: 100,
      outcomeRatingsAtReviews: 3,
      outcomesImprovingPercent: 66.7,
      outcomesAchieved: 1,
    });
  });
});

describe('Ofsted Annex A and the CIN census', () => {
  const script = new EventScript()
    .received('r1', '2026-11-02T09:00:00.000Z', { source: '3B' })
    .received('r2', '2026-11-03T09:00:00.000Z', { agency: 'csc', source: '6' })
    .decided('r2', '2026-11-03T15:00:00.000Z', 'no-further-action')
    .received('r3', '2026-11-04T09:00:00.000Z', { agency: 'csc', source: '6', children: ['child-r2'] })
    .decided('r3', '2026-11-04T15:00:00.000Z', 'accept-early-help')
    .received('r4', '2026-11-05T09:00:00.000Z', { source: '2A' })
    .decided('r4', '2026-11-05T11:00:00.000Z', 'step-up-social-care', {
      team: 'csc-duty-team',
      worker: 'Rosalind Kettleby',
    })
    .planOpened('p1', 'r1', '2026-11-06T13:00:00.000Z');
  const facts = foldCaseFacts(script.events);

  it('lists every contact in list 1 with its source', () => {
    const list = annexAList1(facts, period);
    expect(list.rows.map((r) => [r['Child Unique ID'], r['Date of Contact'], r['Contact Source']])).toEqual([
      ['child-r1', '2026-11-02', '3B: Health services: Health visitor'],
      ['child-r2', '2026-11-03', '6: Police'],
      ['child-r2', '2026-11-04', '6: Police'],
      ['child-r4', '2026-11-05', '2A: Schools'],
    ]);
    expect(Object.keys(list.rows[0])).toEqual(list.columns);
  });

  it('lists children in plans opened in the window in list 2', () => {
    const list = annexAList2(facts, period, names);
    expect(list.rows).toEqual([
      expect.objectContaining({
        'Child Unique ID': 'child-r1',
        'Assessment Start Date': '2026-11-06',
        'Organisation Completing Assessment': 'Early Help Hub',
      }),
    ]);
  });

  it('lists referrals to social care in list 3, with NFA, repeat referrals and allocation', () => {
    const list = annexAList3(facts, period, names);
    expect(
      list.rows.map((r) => [
        r['Child Unique ID'],
        r['Date of Referral'],
        r['Referral NFA?'],
        r['Number of Referrals in Last 12 Months'],
        r['Allocated Team'],
        r['Allocated Worker'],
      ]),
    ).toEqual([
      ['child-r2', '2026-11-03', 'Yes', 1, '', ''],
      ['child-r2', '2026-11-04', 'No', 2, '', ''],
      ['child-r4', '2026-11-05', 'No', 1, 'Duty Team', 'Rosalind Kettleby'],
    ]);
    expect(Object.keys(list.rows[0])).toEqual(list.columns);
  });

  it('gives CIN census referral items, closing a step-down to early help with RC9', () => {
    expect(cinCensusReferrals(facts, period, names).rows).toEqual([
      {
        LAchildID: 'child-r2',
        CINreferralDate: '2026-11-03',
        ReferralSource: '6',
        ReferralNFA: 'true',
        CINclosureDate: '2026-11-03',
        ReasonForClosure: 'RC8',
      },
      {
        LAchildID: 'child-r2',
        CINreferralDate: '2026-11-04',
        ReferralSource: '6',
        ReferralNFA: 'false',
        CINclosureDate: '2026-11-04',
        ReasonForClosure: 'RC9',
      },
      {
        LAchildID: 'child-r4',
        CINreferralDate: '2026-11-05',
        ReferralSource: '2A',
        ReferralNFA: 'false',
        CINclosureDate: '',
        ReasonForClosure: '',
      },
    ]);
  });
});

describe('parenting enforcement evidence', () => {
  const order = {
    orderId: 'o1',
    familyId: 'f1',
    holdingAgencyId: 'demo-yot',
    holdingAgencyKind: 'youth-offending-team',
  };
  const script = new EventScript()
    .add('baton.order.made.v1', '2026-11-02T10:00:00.000Z', order)
    .add('baton.order.enforcement-opened.v1', '2026-11-03T10:00:00.000Z', {
      ...order,
      enforcementId: 'e1',
      breachOn: '2026-11-03',
      contactDueAt: '2026-11-04T23:59:59.000Z',
    })
    .add('baton.order.parent-contacted.v1', '2026-11-04T09:00:00.000Z', {
      ...order,
      enforcementId: 'e1',
      contactedAt: '2026-11-04T09:00:00.000Z',
    })
    .add('baton.order.enforcement-decided.v1', '2026-11-05T09:00:00.000Z', {
      ...order,
      enforcementId: 'e1',
      decision: 'written-warning',
      decidedAt: '2026-11-05T09:00:00.000Z',
      workingDaysFromBreach: 2,
      takesEffect: true,
    })
    .add('baton.order.enforcement-opened.v1', '2026-11-06T10:00:00.000Z', {
      ...order,
      enforcementId: 'e2',
      breachOn: '2026-11-06',
      contactDueAt: '2026-11-09T23:59:59.000Z',
    });
  const cases = enforcementCases(script.events, period);

  it('follows each breach to its decision, citing every ledger entry on the way', () => {
    expect(cases[0]).toMatchObject({
      enforcementId: 'e1',
      decision: 'written-warning',
      workingDaysFromBreach: 2,
      undecided: false,
      parentContactedAt: '2026-11-04T09:00:00.000Z',
    });
    expect(cases[0].evidence.map((e) => [e.seq, e.hash, e.type])).toEqual([
      [2, 'hash-2', 'baton.order.enforcement-opened.v1'],
      [3, 'hash-3', 'baton.order.parent-contacted.v1'],
      [4, 'hash-4', 'baton.order.enforcement-decided.v1'],
    ]);
  });

  it('shows a breach with no recorded decision as undecided', () => {
    expect(cases[1]).toMatchObject({
      enforcementId: 'e2',
      undecided: true,
      evidence: [expect.objectContaining({ seq: 5 })],
    });
  });
});

describe('a prosecution referral in the enforcement evidence and the report card', () => {
  const order = {
    orderId: 'o2',
    familyId: 'f2',
    holdingAgencyId: 'demo-yot',
    holdingAgencyKind: 'youth-offending-team',
  };
  const opened = (id: string) =>
    ({ ...order, enforcementId: id, breachOn: '2026-11-03', contactDueAt: '2026-11-05T00:00:00.000Z' }) as const;
  const referred = (id: string) => ({
    ...order,
    enforcementId: id,
    decision: 'prosecution-referral',
    decidedAt: '2026-11-04T09:00:00.000Z',
    workingDaysFromBreach: 1,
    takesEffect: false,
  });
  const script = new EventScript()
    .add('baton.order.enforcement-opened.v1', '2026-11-03T10:00:00.000Z', opened('pending'))
    .add('baton.order.enforcement-decided.v1', '2026-11-04T09:00:00.000Z', referred('pending'))
    .add('baton.order.enforcement-opened.v1', '2026-11-03T10:00:00.000Z', opened('rejected'))
    .add('baton.order.enforcement-decided.v1', '2026-11-04T09:00:00.000Z', referred('rejected'))
    .add('baton.order.prosecution-rejected.v1', '2026-11-04T12:00:00.000Z', { ...order, enforcementId: 'rejected' })
    .add('baton.order.enforcement-opened.v1', '2026-11-03T10:00:00.000Z', opened('approved'))
    .add('baton.order.enforcement-decided.v1', '2026-11-04T09:00:00.000Z', {
      ...referred('approved'),
      workingDaysFromBreach: 3,
    })
    .add('baton.order.prosecution-approved.v1', '2026-11-05T12:00:00.000Z', { ...order, enforcementId: 'approved' });
  const byId = new Map(enforcementCases(script.events, period).map((c) => [c.enforcementId, c]));

  it('shows one awaiting its second approver as awaiting approval, not as a prosecution', () => {
    expect(byId.get('pending')).toMatchObject({ awaitingApproval: true, takesEffect: false, undecided: false });
    expect(byId.get('approved')).toMatchObject({ awaitingApproval: false, takesEffect: true, undecided: false });
  });

  it('shows a rejected referral as a breach awaiting a decision again', () => {
    const rejected = byId.get('rejected');
    expect(rejected).toMatchObject({ awaitingApproval: false, undecided: true });
    expect(rejected?.decision).toBeUndefined();
  });

  it('counts only decisions that took effect in the median working days to a decision', () => {
    const card = reportCard(foldCaseFacts(script.events), script.events, period);
    expect(card.howWell.enforcementDecisionMedianWorkingDays).toBe(3);
  });
});

describe('reports scoped to one agency', () => {
  const script = new EventScript()
    .received('r-hub', '2026-11-03T09:00:00.000Z')
    .received('r-yot', '2026-11-03T10:00:00.000Z', { agency: 'yot' })
    .planOpened('p-hub', 'r-hub', '2026-11-04T09:00:00.000Z')
    .add('baton.order.made.v1', '2026-11-04T10:00:00.000Z', { orderId: 'o-yot', holdingAgencyId: 'yot' })
    .add('baton.order.made.v1', '2026-11-04T11:00:00.000Z', { orderId: 'o-other', holdingAgencyId: 'other' });

  it('keeps the referrals an agency sent or received and the plans it leads, and their events', () => {
    const facts = foldCaseFacts(script.events);
    const yot = factsOfAgency(facts, 'yot');
    expect([...yot.referrals.keys()]).toEqual(['r-yot']);
    expect([...yot.plans.keys()]).toEqual([]);
    expect(eventsOfAgency(script.events, yot, 'yot').map((e) => e.event.subject)).toEqual(['r-yot', 'o-yot']);
    expect(reportCard(yot, eventsOfAgency(script.events, yot, 'yot'), period).howMuch).toMatchObject({
      referralsReceived: 1,
      plansOpened: 0,
      ordersMade: 1,
    });
    expect([...factsOfAgency(facts, 'hub').plans.keys()]).toEqual(['p-hub']);
  });
});
