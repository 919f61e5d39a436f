import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { schoolReferral } from '../services/referrals/src/testing/referral-fixtures.js';
import { startSystem, type RunningSystem } from './support/running-system.js';
import { systemClient, type DemoPerson } from './support/system-client.js';

// Monday 23 November 2026, 10:00 in London.
const MONDAY = new Date('2026-11-23T10:00:00Z');

type Person = DemoPerson;

const ADULT_LEAD = {
  personId: 'adult-worker',
  name: 'Callum Dewbury',
  agencyId: 'demo-adult-services',
  role: 'Family support worker',
  email: 'callum.dewbury@demo-borough.example.org',
};
const YOT_LEAD = {
  personId: 'yot-officer',
  name: 'Owen Thistlecombe',
  agencyId: 'demo-yot',
  role: 'Case manager',
  email: 'owen.thistlecombe@demo-borough.example.org',
};
const THREE: Person[] = ['school', 'yot', 'adult'];

describe('every agency sees the same family, plan and lead professional (referrals + taf + agency-views)', () => {
  let infra: TestInfra;
  let system: RunningSystem;

  beforeAll(async () => {
    infra = await provisionTestInfra('e2e-agency-views');
    system = await startSystem(infra, MONDAY);
  });

  afterAll(async () => {
    await system?.close();
    await infra?.dispose();
  });

  const call: ReturnType<typeof systemClient>['call'] = (...args) => systemClient(system).call(...args);

  /** Polls an agency's view of the family until `check` holds; views follow the events within moments. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the view's JSON, as any client reads it
  async function viewOnceTrue(person: Person, familyId: string, check: (status: number, view: any) => boolean) {
    const answer = await systemClient(system).viewOnceTrue(person, `/v1/families/${familyId}`, (a) =>
      check(a.status, a.body),
    );
    return answer.body;
  }

  const plan = (planId: string, person: Person = 'adult') => call('taf', person, 'GET', `/v1/plans/${planId}`);

  it('follows a school referral through to a plan whose lead every agency sees, through handover and removal', async () => {
    const referral = await call('referrals', 'school', 'POST', '/v1/referrals', schoolReferral());
    expect(referral.status).toBe(201);
    const familyId = referral.body.familyId as string;
    const decided = await call(
      'referrals',
      'hub',
      'POST',
      `/v1/referrals/${referral.body.id}/decision`,
      { outcome: 'accept-early-help', levelOfNeed: 3, reasons: 'Needs across school and home: a TAF.' },
      referral.etag,
    );
    expect(decided.status).toBe(200);

    // taf opens the plan from the accepted referral, with the hub's triager holding the baton.
    const opened = await viewOnceTrue('hub', familyId, (s, v) => s === 200 && v.plan !== undefined);
    const planId = opened.plan.planId as string;

    // The hub hands the lead to adult services.
    let current = await plan(planId, 'hub');
    const proposed = await call(
      'taf',
      'hub',
      'POST',
      `/v1/plans/${planId}/handovers`,
      { proposedLead: ADULT_LEAD, familyPreference: { preference: 'agrees' } },
      current.etag,
    );
    expect(proposed.status).toBe(201);
    const accepted = await call(
      'taf',
      'adult',
      'POST',
      `/v1/plans/${planId}/handovers/${proposed.body.pendingHandover.handoverId}/acceptance`,
      undefined,
      proposed.etag,
    );
    expect(accepted.status).toBe(200);

    // The lead adds the youth offending team and the school to the Team Around the Family.
    const yot = await call(
      'taf',
      'adult',
      'POST',
      `/v1/plans/${planId}/members`,
      {
        agencyId: 'demo-yot',
        personId: 'yot-officer',
        contactName: 'Owen Thistlecombe',
        role: 'case manager',
        email: YOT_LEAD.email,
      },
      accepted.etag,
    );
    expect(yot.status).toBe(201);
    const school = await call(
      'taf',
      'adult',
      'POST',
      `/v1/plans/${planId}/members`,
      {
        agencyId: 'demo-oakfield-primary',
        personId: 'school-dsl',
        contactName: 'Priya Lanternby',
        role: 'designated safeguarding lead',
        email: 'priya.lanternby@oakfield-primary.example.org',
      },
      yot.etag,
    );
    expect(school.status).toBe(201);
    const withMembers = Number(school.etag.replaceAll('"', ''));

    const views = await Promise.all(
      THREE.map((p) => viewOnceTrue(p, familyId, (s, v) => s === 200 && v.plan?.version >= withMembers)),
    );
    for (const view of views) {
      expect(view.leadProfessional).toMatchObject({
        name: 'Callum Dewbury',
        agencyId: 'demo-adult-services',
        contact: { email: ADULT_LEAD.email },
      });
      expect(view.plan.planId).toBe(planId);
      expect(view.children).toEqual([expect.objectContaining({ givenName: 'Alfie', dateOfBirth: '2016-04-12' })]);
    }
    expect(new Set(views.map((v) => JSON.stringify(v.plan.members)))).toHaveProperty('size', 1);

    // A handover to the youth offending team reaches all three.
    current = await plan(planId);
    const toYot = await call(
      'taf',
      'adult',
      'POST',
      `/v1/plans/${planId}/handovers`,
      { proposedLead: YOT_LEAD, familyPreference: { preference: 'agrees' } },
      current.etag,
    );
    expect(toYot.status).toBe(201);
    const yotAccepted = await call(
      'taf',
      'yot',
      'POST',
      `/v1/plans/${planId}/handovers/${toYot.body.pendingHandover.handoverId}/acceptance`,
      undefined,
      toYot.etag,
    );
    expect(yotAccepted.status).toBe(200);
    for (const person of THREE) {
      const view = await viewOnceTrue(
        person,
        familyId,
        (s, v) => s === 200 && v.leadProfessional?.personId === 'yot-officer',
      );
      expect(view.leadProfessional).toMatchObject({ name: 'Owen Thistlecombe', agencyId: 'demo-yot' });
    }

    // The lead removes the school: the family leaves the school's list, and stays on the others'.
    const schoolMember = (yotAccepted.body.members as { memberId: string; agencyId: string }[]).find(
      (m) => m.agencyId === 'demo-oakfield-primary',
    );
    const departed = await call(
      'taf',
      'yot',
      'POST',
      `/v1/plans/${planId}/members/${schoolMember?.memberId}/departure`,
      { reason: 'Alfie has moved school.' },
      yotAccepted.etag,
    );
    expect(departed.status).toBe(200);
    await viewOnceTrue('school', familyId, (s) => s === 404);
    const list = await call('agency-views', 'school', 'GET', '/v1/families?name=testcase');
    expect(list.body.items.map((f: { familyId: string }) => f.familyId)).not.toContain(familyId);
    for (const person of ['yot', 'adult'] as const) {
      const view = await call('agency-views', person, 'GET', `/v1/families/${familyId}`);
      expect(view.status).toBe(200);
      expect(view.body.plan.members.map((m: { agencyId: string }) => m.agencyId)).not.toContain(
        'demo-oakfield-primary',
      );
    }
  });
});
