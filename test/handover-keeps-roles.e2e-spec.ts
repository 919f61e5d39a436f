import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { schoolReferral } from '../services/referrals/src/testing/referral-fixtures.js';
import { startSystem, type RunningSystem } from './support/running-system.js';
import { systemClient } from './support/system-client.js';

// Monday 23 November 2026, 10:00 in London.
const MONDAY = new Date('2026-11-23T10:00:00Z');

const ADULT = {
  agencyId: 'demo-adult-services',
  personId: 'adult-worker',
  contactName: 'Callum Dewbury',
  role: 'Adult social worker',
  email: 'callum.dewbury@demo-borough.example.org',
};
const YOT = {
  agencyId: 'demo-yot',
  personId: 'yot-officer',
  contactName: 'Owen Thistlecombe',
  role: 'YOT case manager',
  email: 'owen.thistlecombe@demo-borough.example.org',
};
const leadOf = (m: typeof ADULT, role: string) => ({
  personId: m.personId,
  name: m.contactName,
  agencyId: m.agencyId,
  role,
  email: m.email,
});

describe('a handover changes who leads, not what each member’s role is (referrals + taf + agency-views)', () => {
  let infra: TestInfra;
  let system: RunningSystem;
  let client: ReturnType<typeof systemClient>;

  beforeAll(async () => {
    infra = await provisionTestInfra('e2e-handover-roles');
    system = await startSystem(infra, MONDAY);
    client = systemClient(system);
  });

  afterAll(async () => {
    await system?.close();
    await infra?.dispose();
  });

  it('keeps adult services and the YOT in the roles they joined with, through two handovers', async () => {
    const { call, viewOnceTrue } = client;
    const referral = await call('referrals', 'school', 'POST', '/v1/referrals', schoolReferral());
    const familyId = referral.body.familyId as string;
    await call(
      'referrals',
      'hub',
      'POST',
      `/v1/referrals/${referral.body.id}/decision`,
      { outcome: 'accept-early-help', levelOfNeed: 3, reasons: 'A TAF.' },
      referral.etag,
    );
    const opened = await viewOnceTrue('hub', `/v1/families/${familyId}`, (a) => a.body.plan !== undefined);
    const planId = opened.body.plan.planId as string;
    let current = await call('taf', 'hub', 'GET', `/v1/plans/${planId}`);
    for (const member of [ADULT, YOT]) {
      current = await call('taf', 'hub', 'POST', `/v1/plans/${planId}/members`, member, current.etag);
      expect(current.status).toBe(201);
    }

    // The hub hands over to adult services, then adult services to the YOT; each lead's job title differs from
    // the role its agency has in the plan, and neither handover may touch those roles.
    const handovers: [typeof ADULT, 'hub' | 'adult', 'adult' | 'yot', string][] = [
      [ADULT, 'hub', 'adult', 'Senior practitioner'],
      [YOT, 'adult', 'yot', 'Case manager'],
    ];
    for (const [member, from, to, title] of handovers) {
      const proposed = await call(
        'taf',
        from,
        'POST',
        `/v1/plans/${planId}/handovers`,
        { proposedLead: leadOf(member, title), familyPreference: { preference: 'agrees' } },
        current.etag,
      );
      expect(proposed.status).toBe(201);
      current = await call(
        'taf',
        to,
        'POST',
        `/v1/plans/${planId}/handovers/${proposed.body.pendingHandover.handoverId}/acceptance`,
        undefined,
        proposed.etag,
      );
      expect(current.status).toBe(200);
    }

    const roles = (members: { agencyId: string; role: string }[]) =>
      Object.fromEntries(members.map((m) => [m.agencyId, m.role]));
    const expected = {
      'demo-early-help-hub': 'Early help practitioner',
      'demo-adult-services': 'Adult social worker',
      'demo-yot': 'YOT case manager',
    };
    expect(current.body.lead.professional).toMatchObject({ personId: 'yot-officer', role: 'Case manager' });
    expect(roles(current.body.members)).toEqual(expected);

    for (const person of ['hub', 'adult', 'yot'] as const) {
      const view = await viewOnceTrue(
        person,
        `/v1/families/${familyId}`,
        (a) => a.status === 200 && a.body.leadProfessional?.personId === 'yot-officer',
      );
      expect(roles(view.body.plan.members)).toEqual(expected);
      expect(view.body.leadProfessional).toMatchObject({ name: 'Owen Thistlecombe', agencyId: 'demo-yot' });
    }
  });
});
