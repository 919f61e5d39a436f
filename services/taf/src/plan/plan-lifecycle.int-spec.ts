import { AccessEvents, PlanEvents } from '@baton/contracts';
import { EventTap, provisionTestInfra, type TestInfra } from '@baton/testing';
import { httpClient } from '../testing/http-client.js';
import { directPlan, HUB_LEAD } from '../testing/taf-fixtures.js';
import { startTafTestApp, type TafTestApp } from '../testing/taf-test-app.js';

// Monday 23 November 2026, 10:00 in London.
const MONDAY = new Date('2026-11-23T10:00:00Z');
const HEALTH_VISITING = {
  agencyId: 'demo-health-visiting',
  personId: 'health-visitor',
  contactName: 'Nia Marchbank',
  role: 'health visitor',
  email: 'nia.marchbank@demo-health.example.org',
};

describe('a Team Around the Family plan over HTTP', () => {
  let infra: TestInfra;
  let service: TafTestApp;
  let tap: EventTap;
  const call = httpClient(() => service);

  beforeAll(async () => {
    infra = await provisionTestInfra('taf-plan-lifecycle');
    service = await startTafTestApp(infra, MONDAY);
    tap = await EventTap.open(infra.natsUrl, infra.subjectPrefix);
  });

  afterAll(async () => {
    await tap?.close();
    await service?.close();
    await infra?.dispose();
  });

  it('runs from opening to step-up: members, outcomes, actions, access by relationship, review, closure', async () => {
    // The school opens the plan with the hub's practitioner as lead professional.
    const opened = await call('schoolDsl', 'POST', '/v1/plans', directPlan({ lead: HUB_LEAD }));
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    expect(opened.headers.get('location')).toBe(`/v1/plans/${id}`);
    expect(opened.headers.get('etag')).toBe('"1"');
    expect(opened.body).toMatchObject({
      relationship: 'member',
      status: 'open',
      nextReviewDate: '2027-01-04',
      members: [
        expect.objectContaining({ agencyId: 'demo-early-help-hub', role: 'Early help practitioner' }),
        expect.objectContaining({ agencyId: 'demo-oakfield-primary', personId: 'school-dsl' }),
      ],
    });

    const joined = await call('hubTriager', 'POST', `/v1/plans/${id}/members`, HEALTH_VISITING, { 'if-match': '"1"' });
    expect(joined.status).toBe(201);
    expect(joined.headers.get('etag')).toBe('"2"');

    const outcomes = await call(
      'hubTriager',
      'PUT',
      `/v1/plans/${id}/outcomes`,
      {
        outcomes: [
          { headlineOutcome: 'education', description: 'Alfie is in school every day' },
          { headlineOutcome: 'early-years', description: "Alfie's baby sister is thriving" },
        ],
      },
      { 'if-match': '"2"' },
    );
    expect(outcomes.status).toBe(200);
    const [education, earlyYears] = outcomes.body.outcomes as { outcomeId: string }[];

    const schoolAction = await call(
      'hubTriager',
      'POST',
      `/v1/plans/${id}/actions`,
      {
        outcomeId: education.outcomeId,
        description: 'Breakfast club place',
        ownerAgencyId: 'demo-oakfield-primary',
        dueDate: '2026-12-04',
      },
      { 'if-match': '"3"' },
    );
    expect(schoolAction.status).toBe(201);
    const visit = await call(
      'hubTriager',
      'POST',
      `/v1/plans/${id}/actions`,
      {
        outcomeId: earlyYears.outcomeId,
        description: 'Home visit',
        ownerAgencyId: 'demo-health-visiting',
        dueDate: '2026-11-30',
      },
      { 'if-match': '"4"' },
    );
    expect(visit.status).toBe(201);
    const visitId = (visit.body.actions as { actionId: string; ownerAgencyId: string }[]).find(
      (a) => a.ownerAgencyId === 'demo-health-visiting',
    )?.actionId;

    // A member sees the plan, members and outcomes, and only its own actions.
    const asHealth = await call('healthVisitor', 'GET', `/v1/plans/${id}`);
    expect(asHealth.status).toBe(200);
    expect(asHealth.body.relationship).toBe('member');
    expect(asHealth.body.actions).toEqual([expect.objectContaining({ actionId: visitId, status: 'not-started' })]);
    expect(asHealth.body.outcomes).toHaveLength(2);
    expect(asHealth.body.lead.professional).toMatchObject({ name: 'Tamsin Quillfeather', email: HUB_LEAD.email });

    // Members update their own actions, never another agency's; only the lead changes the plan itself.
    const started = await call(
      'healthVisitor',
      'PATCH',
      `/v1/plans/${id}/actions/${visitId}`,
      { status: 'in-progress' },
      { 'if-match': '"5"' },
    );
    expect(started.status).toBe(200);
    const schoolActionId = (schoolAction.body.actions as { actionId: string }[])[0].actionId;
    const notTheirs = await call(
      'healthVisitor',
      'PATCH',
      `/v1/plans/${id}/actions/${schoolActionId}`,
      { status: 'done' },
      { 'if-match': '"6"' },
    );
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.errors).toEqual([expect.objectContaining({ field: 'actionId', rule: 'isOwnAction' })]);
    const notLead = await call(
      'healthVisitor',
      'POST',
      `/v1/plans/${id}/members`,
      { ...HEALTH_VISITING, agencyId: 'demo-yot' },
      { 'if-match': '"6"' },
    );
    expect(notLead.status).toBe(403);

    // Managers read every plan; an agency not on it, or another authority, is told it does not exist.
    expect((await call('hubManager', 'GET', `/v1/plans/${id}`)).body.relationship).toBe('manager');
    const yot = await call('yotOfficer', 'GET', `/v1/plans/${id}`);
    expect(yot.status).toBe(404);
    expect(yot.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await call('yotOfficer', 'GET', `/v1/plans/${id}/timeline`)).status).toBe(404);

    // Every read is recorded for the audit ledger.
    const read = await tap.waitFor(
      (e) =>
        e.type === AccessEvents.recorded.type &&
        e.actor === 'health-visitor' &&
        (e.data.recordIds as string[]).includes(id),
    );
    expect(read.data).toMatchObject({ service: 'taf', recordType: 'plan', action: 'read', purpose: 'plan member' });

    // A stale ETag is refused, and so is a change without one.
    const stale = await call(
      'hubTriager',
      'POST',
      `/v1/plans/${id}/reviews`,
      { heldOn: '2026-11-23', attendees: [{ name: 'Jo', role: 'mother' }], progress: [], decisions: 'x' },
      { 'if-match': '"2"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({
      status: 412,
      errors: [expect.objectContaining({ field: 'If-Match', rule: 'matchesCurrentVersion' })],
    });
    const unsure = await call('hubTriager', 'POST', `/v1/plans/${id}/reviews`, {
      heldOn: '2026-11-23',
      attendees: [{ name: 'Jo', role: 'mother' }],
      progress: [],
      decisions: 'x',
    });
    expect(unsure.status).toBe(428);

    const reviewed = await call(
      'hubTriager',
      'POST',
      `/v1/plans/${id}/reviews`,
      {
        heldOn: '2026-11-23',
        attendees: [
          { name: 'Jo Testcase', role: 'mother' },
          { name: 'Tamsin Quillfeather', role: 'lead professional', agencyId: 'demo-early-help-hub' },
        ],
        progress: [
          { outcomeId: education.outcomeId, progress: 'some-progress' },
          { outcomeId: earlyYears.outcomeId, progress: 'good-progress', note: 'Weight back on track' },
        ],
        decisions: 'Continue breakfast club; health visitor to visit fortnightly.',
      },
      { 'if-match': '"6"' },
    );
    expect(reviewed.status).toBe(201);
    // 23 Nov + 6 weeks = Monday 4 January 2027.
    expect(reviewed.body).toMatchObject({ lastReviewDate: '2026-11-23', nextReviewDate: '2027-01-04' });
    const reviewEvent = await tap.waitFor((e) => e.type === PlanEvents.reviewRecorded.type && e.subject === id);
    expect(reviewEvent.data).toMatchObject({
      planVersion: 7,
      nextReviewDate: '2027-01-04',
      plan: { nextReviewDate: '2027-01-04' },
    });

    // The timeline: everything, in order, for the lead; members do not see other agencies' actions.
    const leadTimeline = await call('hubTriager', 'GET', `/v1/plans/${id}/timeline`);
    expect(leadTimeline.body.items.map((e: { type: string }) => e.type)).toEqual([
      PlanEvents.opened.type,
      PlanEvents.memberJoined.type,
      PlanEvents.outcomesAgreed.type,
      PlanEvents.actionAdded.type,
      PlanEvents.actionAdded.type,
      PlanEvents.actionUpdated.type,
      PlanEvents.reviewRecorded.type,
    ]);
    const memberTimeline = await call('healthVisitor', 'GET', `/v1/plans/${id}/timeline?limit=3`);
    expect(memberTimeline.body.items).toHaveLength(3);
    const rest = await call(
      'healthVisitor',
      'GET',
      `/v1/plans/${id}/timeline?cursor=${memberTimeline.body.nextCursor}`,
    );
    expect(
      [...memberTimeline.body.items, ...rest.body.items].map((e: { planVersion: number }) => e.planVersion),
    ).toEqual([1, 2, 3, 5, 6, 7]);
    const family = await call('healthVisitor', 'GET', `/v1/families/${opened.body.familyId}/timeline`);
    expect(family.body.items).toHaveLength(6);

    // Stepping up is urgent and closes the plan; the child can be in a new plan afterwards.
    const up = await call(
      'hubTriager',
      'POST',
      `/v1/plans/${id}/step-up`,
      { reason: 'Disclosure at school' },
      { 'if-match': '"7"' },
    );
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: 'closed', closure: { reason: 'stepped-up' } });
    expect(up.body.nextReviewDate).toBeUndefined();
    const steppedUp = await tap.waitFor((e) => e.type === PlanEvents.steppedUp.type && e.subject === id);
    expect(steppedUp.data).toMatchObject({ urgent: true, toAgencyId: 'demo-csc', planVersion: 8 });
    const closed = await tap.waitFor((e) => e.type === PlanEvents.closed.type && e.subject === id);
    expect(closed.data).toMatchObject({ reason: 'stepped-up', planVersion: 9, plan: { status: 'closed' } });
    const again = await call('hubTriager', 'PUT', `/v1/plans/${id}/outcomes`, { outcomes: [] }, { 'if-match': '"9"' });
    expect(again.status).toBe(409);
    const children = opened.body.children as { givenName: string; familyName: string; dateOfBirth: string }[];
    const reopened = await call(
      'schoolDsl',
      'POST',
      '/v1/plans',
      directPlan({
        children: children.map(({ givenName, familyName, dateOfBirth }) => ({ givenName, familyName, dateOfBirth })),
      }),
    );
    expect(reopened.status).toBe(201);
  });

  it('keeps the family’s withdrawal: no new information flows, but the plan can still close', async () => {
    const opened = await call('hubTriager', 'POST', '/v1/plans', directPlan({ lead: HUB_LEAD }));
    const id = opened.body.id as string;
    const withdrawn = await call(
      'hubTriager',
      'POST',
      `/v1/plans/${id}/agreement-withdrawal`,
      { withdrawnAt: '2026-11-23T09:00:00Z', reason: 'Family no longer wants support' },
      { 'if-match': '"1"' },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.agreement).toMatchObject({
      status: 'withdrawn',
      withdrawalReason: 'Family no longer wants support',
    });
    const member = await call('hubTriager', 'POST', `/v1/plans/${id}/members`, HEALTH_VISITING, { 'if-match': '"2"' });
    expect(member.status).toBe(409);
    expect(member.body.errors).toEqual([
      expect.objectContaining({ field: 'agreement', rule: 'familyAgreementInForce' }),
    ]);
    const other = await call(
      'hubTriager',
      'POST',
      `/v1/plans/${id}/closure`,
      { reason: 'other' },
      { 'if-match': '"2"' },
    );
    expect(other.status).toBe(422);
    expect(other.body.errors).toEqual([
      expect.objectContaining({ field: 'reasonText', rule: 'requiredWhenReasonOther' }),
    ]);
    const closed = await call(
      'hubTriager',
      'POST',
      `/v1/plans/${id}/closure`,
      { reason: 'family-withdrew-agreement' },
      { 'if-match': '"2"' },
    );
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closure: { reason: 'family-withdrew-agreement' } });
  });

  it("lists the plans I am involved in, and serves the authority's plan reference data", async () => {
    const opened = await call('schoolDsl', 'POST', '/v1/plans', directPlan({ lead: HUB_LEAD }));
    const mine = await call('schoolDsl', 'GET', '/v1/plans?status=open');
    expect(mine.body.items.map((p: { id: string }) => p.id)).toContain(opened.body.id);
    expect((await call('yotOfficer', 'GET', '/v1/plans')).body.items).toEqual([]);
    const reviews = await call('schoolDsl', 'GET', `/v1/plans/${opened.body.id}/reviews`);
    expect(reviews.body).toEqual({ items: [] });

    const reference = await call('yotOfficer', 'GET', '/v1/reference/plans');
    expect(reference.status).toBe(200);
    expect(reference.body).toMatchObject({
      reviewCadenceWeeks: 6,
      outcomeProgress: ['worse', 'no-change', 'some-progress', 'good-progress', 'achieved'],
    });
    expect(reference.body.headlineOutcomes).toHaveLength(10);
    expect(reference.body.headlineOutcomes[0]).toEqual({ code: 'education', label: 'Getting a good education' });
  });
});
