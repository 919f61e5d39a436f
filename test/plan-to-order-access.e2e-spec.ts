import { randomUUID } from 'node:crypto';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { call } from '../services/parenting/src/testing/http-client.js';
import { yotOrder } from '../services/parenting/src/testing/parenting-fixtures.js';
import { startParentingTestApp, type ParentingTestApp } from '../services/parenting/src/testing/parenting-test-app.js';
import { httpClient, waitUntil } from '../services/taf/src/testing/http-client.js';
import { directPlan } from '../services/taf/src/testing/taf-fixtures.js';
import { startTafTestApp, type TafTestApp } from '../services/taf/src/testing/taf-test-app.js';

const THURSDAY = new Date('2026-11-19T16:00:00Z');

describe('the TAF plan decides who sees a parenting order, across the taf and parenting services', () => {
  let infra: TestInfra;
  let taf: TafTestApp;
  let parenting: ParentingTestApp;
  const asTaf = httpClient(() => taf);

  beforeAll(async () => {
    infra = await provisionTestInfra('e2e-plan-to-order-access');
    taf = await startTafTestApp(infra, THURSDAY, { databaseUrl: await infra.createDatabase('taf') });
    parenting = await startParentingTestApp(infra, THURSDAY);
  });

  afterAll(async () => {
    await parenting?.close();
    await taf?.close();
    await infra?.dispose();
  });

  it('shows the order to the plan lead (requirements) and, once it joins, to a member agency (status only)', async () => {
    const familyId = randomUUID();
    const plan = await asTaf('schoolDsl', 'POST', '/v1/plans', directPlan({ familyId }));
    expect(plan.status).toBe(201);
    const order = await call(parenting, 'yotOfficer', 'POST', '/v1/orders', yotOrder('2026-11-02', { familyId }));
    expect(order.status).toBe(201);
    const path = `/v1/orders/${order.body.id}`;

    // The school leads the plan: once parenting has taken in plan.opened, it sees status and requirements.
    await waitUntil('the school, as lead professional, sees the order', async () => {
      return (await call(parenting, 'schoolDsl', 'GET', path)).status === 200;
    });
    const asLead = await call(parenting, 'schoolDsl', 'GET', path);
    expect(asLead.body.requirements).toHaveLength(2);
    expect(asLead.body).not.toHaveProperty('grounds');
    expect((await call(parenting, 'adultWorker', 'GET', path)).status).toBe(404);

    const joined = await asTaf(
      'schoolDsl',
      'POST',
      `/v1/plans/${plan.body.id}/members`,
      {
        agencyId: 'demo-adult-services',
        personId: 'adult-worker',
        contactName: 'Callum Dewbury',
        role: 'adult mental health worker',
      },
      { 'if-match': plan.headers.get('etag') ?? '' },
    );
    expect(joined.status).toBe(201);
    await waitUntil('the new member agency sees the order', async () => {
      return (await call(parenting, 'adultWorker', 'GET', path)).status === 200;
    });
    const asMember = await call(parenting, 'adultWorker', 'GET', path);
    expect(asMember.body).toMatchObject({ state: 'in-force', holdingAgencyId: 'demo-yot' });
    expect(asMember.body).not.toHaveProperty('requirements');
  });
});
