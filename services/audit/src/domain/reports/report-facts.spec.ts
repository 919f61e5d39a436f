import { erasedReportFacts, reportFactsOf } from './report-facts.js';

const envelope = (type: string, data: Record<string, unknown>) => ({
  specversion: '1.0',
  id: 'e1',
  type,
  source: 'baton/referrals',
  subject: 'r1',
  time: '2026-11-02T09:00:00.000Z',
  tenant: 'demo',
  actor: 'school-dsl',
  actoragency: 'demo-oakfield-primary',
  data,
});

describe('reportFactsOf', () => {
  it('keeps a referral’s ids, codes, agencies and dates, and none of its names, contacts or free text', () => {
    const facts = reportFactsOf(
      envelope('baton.referral.received.v1', {
        referralId: 'r1',
        familyId: 'f1',
        receivedAt: '2026-11-02T09:00:00.000Z',
        sourceCode: '2A',
        source: { kind: 'practitioner', agencyId: 'demo-oakfield-primary', name: 'Pat Example', phone: '0000' },
        children: [{ childId: 'c1', givenName: 'Ada', familyName: 'Testcase', dateOfBirth: '2016-04-12' }],
        carers: [{ carerId: 'p1', givenName: 'Jo', familyName: 'Testcase', address: '1 Invented Road' }],
        concernSummary: 'Free text about the family',
      }),
    );
    expect(facts).toEqual({
      id: 'e1',
      type: 'baton.referral.received.v1',
      time: '2026-11-02T09:00:00.000Z',
      subject: 'r1',
      actor: 'school-dsl',
      actoragency: 'demo-oakfield-primary',
      data: {
        referralId: 'r1',
        familyId: 'f1',
        receivedAt: '2026-11-02T09:00:00.000Z',
        sourceCode: '2A',
        source: { kind: 'practitioner', agencyId: 'demo-oakfield-primary' },
        children: [{ childId: 'c1', dateOfBirth: '2016-04-12' }],
      },
    });
  });

  it('keeps a plan’s closure reason (a code) but no other reason', () => {
    expect(reportFactsOf(envelope('baton.plan.closed.v1', { planId: 'p1', reason: 'needs-met' }))?.data).toEqual({
      planId: 'p1',
      reason: 'needs-met',
    });
    expect(
      reportFactsOf(envelope('baton.referral.withdrawn.v1', { referralId: 'r1', reason: 'The school asked us to' }))
        ?.data,
    ).toEqual({ referralId: 'r1' });
  });

  it('keeps the plan snapshot’s lead agency and children only', () => {
    const facts = reportFactsOf(
      envelope('baton.plan.opened.v1', {
        planId: 'p1',
        plan: {
          lead: {
            professional: { agencyId: 'demo-early-help-hub', name: 'Tamsin Quillfeather', email: 'x@example.org' },
          },
          children: [{ personId: 'c1', givenName: 'Ada', dateOfBirth: '2016-04-12' }],
          members: [{ name: 'Someone' }],
          nextReviewDate: '2026-12-14',
        },
      }),
    );
    expect(facts?.data).toEqual({
      planId: 'p1',
      plan: {
        lead: { professional: { agencyId: 'demo-early-help-hub' } },
        children: [{ personId: 'c1', dateOfBirth: '2016-04-12' }],
        nextReviewDate: '2026-12-14',
      },
    });
  });

  it('leaves out event types no report reads', () => {
    expect(reportFactsOf(envelope('baton.access.recorded.v1', { familyIds: ['f1'] }))).toBeUndefined();
    expect(reportFactsOf(envelope('baton.contract.drafted.v1', { contractId: 'k1' }))).toBeUndefined();
    expect(reportFactsOf(envelope('baton.contract.signed.v1', { contractId: 'k1' }))?.data).toEqual({});
  });
});

describe('erasedReportFacts', () => {
  it('keeps children’s dates of birth to the month, in the event and in a plan’s snapshot', () => {
    const facts = reportFactsOf(
      envelope('baton.plan.opened.v1', {
        planId: 'p1',
        children: [{ childId: 'c1', dateOfBirth: '2016-04-12' }],
        plan: { children: [{ personId: 'c1', dateOfBirth: '2016-04-12' }] },
      }),
    )!;
    const erased = erasedReportFacts(facts);
    expect(erased.data).toEqual({
      planId: 'p1',
      children: [{ childId: 'c1', dateOfBirth: '2016-04-01' }],
      plan: { children: [{ personId: 'c1', dateOfBirth: '2016-04-01' }] },
    });
    expect(facts.data.children).toEqual([{ childId: 'c1', dateOfBirth: '2016-04-12' }]);
  });
});
