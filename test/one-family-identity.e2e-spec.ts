import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { schoolReferral } from '../services/referrals/src/testing/referral-fixtures.js';
import { startSystem, type RunningSystem } from './support/running-system.js';
import { systemClient } from './support/system-client.js';

// Monday 23 November 2026, 10:00 in London.
const MONDAY = new Date('2026-11-23T10:00:00Z');

const family = (familyName: string) => ({
  children: [{ givenName: 'Maisie', familyName, dateOfBirth: '2019-02-03' }],
  carers: [{ givenName: 'Jo', familyName, relationship: 'mother' }],
});

/** Health visiting refers the same child, as the health visitor would. */
const healthVisitorReferral = (familyName: string) =>
  schoolReferral({
    source: {
      kind: 'practitioner',
      agencyId: 'demo-health-visiting',
      name: 'Nia Marchbank',
      role: 'Health visitor',
    },
    sourceCode: '3B',
    family: family(familyName),
    concerns: { summary: 'Maisie’s weight has fallen since the summer.', categories: ['health'] },
  });

describe('one family, one identity across referrals, taf and agency-views', () => {
  let infra: TestInfra;
  let system: RunningSystem;
  let client: ReturnType<typeof systemClient>;

  beforeAll(async () => {
    infra = await provisionTestInfra('e2e-one-family');
    system = await startSystem(infra, MONDAY);
    client = systemClient(system);
  });

  afterAll(async () => {
    await system?.close();
    await infra?.dispose();
  });

  it('files a duplicate referral under the plan’s family, and lists the child once, with the lead professional', async () => {
    const { call, viewOnceTrue } = client;
    const familyName = 'Fernwood';
    const accept = async (referral: { body: { id: string }; etag: string }) => {
      const decided = await call(
        'referrals',
        'hub',
        'POST',
        `/v1/referrals/${referral.body.id}/decision`,
        { outcome: 'accept-early-help', levelOfNeed: 3, reasons: 'A TAF.' },
        referral.etag,
      );
      expect(decided.status).toBe(200);
    };

    const first = await call(
      'referrals',
      'school',
      'POST',
      '/v1/referrals',
      schoolReferral({ family: family(familyName) }),
    );
    await accept(first);
    const planFamilyId = first.body.familyId as string;
    const withPlan = await viewOnceTrue('hub', `/v1/families/${planFamilyId}`, (a) => a.body.plan !== undefined);
    const planId = withPlan.body.plan.planId as string;

    // Health visiting refers the same child (same name and date of birth) while the plan is open.
    const second = await call('referrals', 'healthVisitor', 'POST', '/v1/referrals', healthVisitorReferral(familyName));
    expect(second.status).toBe(201);
    await accept(second);

    // taf joins the concern to the plan; the referral now carries the plan's family.
    // (version 2 of the plan is the concern joining it)
    const refiled = await viewOnceTrue('hub', `/v1/families/${planFamilyId}`, (a) => a.body.plan?.version >= 2);
    expect(refiled.body.plan.planId).toBe(planId);
    let hvReferral = await call('referrals', 'healthVisitor', 'GET', `/v1/referrals/${second.body.id}`);
    for (let i = 0; hvReferral.body.familyId !== planFamilyId && i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      hvReferral = await call('referrals', 'healthVisitor', 'GET', `/v1/referrals/${second.body.id}`);
    }
    expect(hvReferral.body.familyId).toBe(planFamilyId);

    // The front door finds the child once, with the lead professional; the second family is gone for good.
    const search = await viewOnceTrue(
      'hub',
      `/v1/families?name=${familyName.toLowerCase()}`,
      (a) => a.status === 200 && a.body.items.length === 1,
    );
    expect(search.body.items).toEqual([
      expect.objectContaining({
        familyId: planFamilyId,
        leadProfessional: expect.objectContaining({ name: 'Tamsin Quillfeather' }),
      }),
    ]);
    const splitOff = await call('agency-views', 'hub', 'GET', `/v1/families/${second.body.familyId}`);
    expect(splitOff.status).toBe(404);
    // The health visitor is not on the plan: like any referrer once a plan takes the referral on, it sees no family
    // (no lead-less copy), until the lead adds it.
    expect((await call('agency-views', 'healthVisitor', 'GET', '/v1/families')).body.items).toEqual([]);
  });
});
