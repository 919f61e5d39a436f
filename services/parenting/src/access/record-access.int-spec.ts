import pg from 'pg';
import { PlanEvents } from '@baton/contracts';
import { type ServiceUnderTest, startServiceUnderTest, type TestInfra } from '@baton/testing';
import { call } from '../testing/http-client.js';
import { yotOrder } from '../testing/parenting-fixtures.js';
import { ACTOR, openPlanSnapshot, publishPlanEvent } from '../testing/plan-events.js';
import { startParentingTestApp, type ParentingTestApp } from '../testing/parenting-test-app.js';

describe('who sees an order and a contract, from the TAF plan events', () => {
  let infra: TestInfra;
  let running: ServiceUnderTest<ParentingTestApp>;
  let service: ParentingTestApp;
  let db: pg.Client;
  let orderId: string;
  let familyId: string;
  const planId = '6f0e1d2c-3b4a-4c5d-8e9f-a0b1c2d3e4f5';

  beforeAll(async () => {
    running = await startServiceUnderTest('parenting-record-access', (infra) =>
      startParentingTestApp(infra, new Date('2026-02-10T10:00:00Z')),
    );
    ({ infra, service, db } = running);
    const made = await call(service, 'yotOfficer', 'POST', '/v1/orders', yotOrder('2026-02-02'));
    orderId = made.body.id;
    familyId = made.body.familyId;
    const plan = openPlanSnapshot();
    await publishPlanEvent(infra, PlanEvents.opened, planId, familyId, {
      planVersion: 1,
      plan,
      origin: 'practitioner',
      openedAt: plan.openedAt,
      openedBy: ACTOR,
    });
    for (let i = 0; i < 100; i++) {
      const { rows } = await db.query('SELECT 1 FROM family_plan WHERE plan_id = $1', [planId]);
      if (rows.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(() => running?.stop());

  it('gives the responsible officer everything, offence detail included', async () => {
    const read = await call(service, 'yotOfficer', 'GET', `/v1/orders/${orderId}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      grounds: expect.stringContaining('criminal damage'),
      legalBasis: 'asba-2003-s26',
    });
  });

  it('gives the family lead professional status and requirements, not offence detail', async () => {
    const read = await call(service, 'hubWorker', 'GET', `/v1/orders/${orderId}`);
    expect(read.status).toBe(200);
    expect(read.body.requirements).toHaveLength(2);
    expect(read.body).not.toHaveProperty('grounds');
    expect(read.body).not.toHaveProperty('legalBasis');
    expect(read.body).not.toHaveProperty('enforcement');
  });

  it('gives a member agency of the plan the status only', async () => {
    const read = await call(service, 'schoolDsl', 'GET', `/v1/orders/${orderId}`);
    expect(read.status).toBe(200);
    expect(Object.keys(read.body).sort()).toEqual(
      [
        'familyId',
        'holdingAgencyId',
        'holdingAgencyKind',
        'id',
        'madeOn',
        'requirementsEndOn',
        'responsibleOfficer',
        'state',
        'version',
      ].sort(),
    );
  });

  it('answers 404 to an agency not on the plan, and to the timeline for anyone but the holder', async () => {
    expect((await call(service, 'adultWorker', 'GET', `/v1/orders/${orderId}`)).status).toBe(404);
    expect((await call(service, 'adultWorker', 'GET', `/v1/orders/${orderId}/timeline`)).status).toBe(404);
    expect((await call(service, 'schoolDsl', 'GET', `/v1/orders/${orderId}/timeline`)).status).toBe(403);
  });

  it('does not take a token with the officer’s person id but another agency for the officer', async () => {
    const impostor = await service.issuer.sign(
      {
        sub: 'yot-officer',
        name: 'Owen Thistlecombe',
        agency_id: 'demo-police',
        roles: ['practitioner'],
        tenant: 'demo',
      },
      { expiresIn: '10m' },
    );
    const as = (method: string, path: string, body?: unknown) =>
      fetch(`${service.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${impostor}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const changes = async () =>
      (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE type NOT LIKE '%.access.%'")).rows[0]
        .n;
    const before = await changes();
    expect((await as('GET', `/v1/orders/${orderId}`)).status).toBe(404);
    expect((await as('GET', `/v1/orders/${orderId}/timeline`)).status).toBe(404);
    const appeal = await as('POST', `/v1/orders/${orderId}/appeals`, { appellant: 'parent', lodgedOn: '2026-02-09' });
    expect(appeal.status).toBe(404);
    const listed = (await (await as('GET', '/v1/orders')).json()) as { items: unknown[] };
    expect(listed.items).toEqual([]);
    expect(await changes()).toBe(before);
  });

  it('takes the school off the order when it leaves the plan', async () => {
    const plan = openPlanSnapshot();
    const school = plan.members[1];
    plan.members = [plan.members[0]];
    await publishPlanEvent(infra, PlanEvents.memberLeft, planId, familyId, {
      planVersion: 2,
      plan,
      member: school,
      leftAt: '2026-02-10T09:00:00Z',
      reason: 'No longer involved',
      removedBy: ACTOR,
    });
    let status = 200;
    for (let i = 0; i < 100 && status === 200; i++) {
      status = (await call(service, 'schoolDsl', 'GET', `/v1/orders/${orderId}`)).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(404);
  });

  it('records every read of the order as an access event through the outbox', async () => {
    const { rows } = await db.query(
      "SELECT envelope->'data' AS data FROM outbox WHERE type = 'baton.access.recorded.v1' AND envelope->'data'->'recordIds' ? $1",
      [orderId],
    );
    type Row = { data: { action: string; accessor: { personId: string } } };
    const by = (action: string) =>
      rows.filter((r: Row) => r.data.action === action).map((r: Row) => r.data.accessor.personId);
    expect(by('read')).toEqual(expect.arrayContaining(['yot-officer', 'hub-triager', 'school-dsl']));
    expect(by('read')).not.toContain('adult-worker');
    // The uninvolved agency's try is kept too, as an attempt the auditor finds in the order's history.
    expect(by('not-found')).toContain('adult-worker');
  });

  it('applies the same rules to a contract, and keeps a refusal as evidence', async () => {
    const drafted = await call(service, 'yotOfficer', 'POST', '/v1/contracts', {
      familyId,
      kind: 'asba-2003-s25',
      ground: 'anti-social-behaviour',
      children: [{ personId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', givenName: 'Alfie', familyName: 'Testcase' }],
      parents: [{ personId: '1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', givenName: 'Jo', familyName: 'Testcase' }],
    });
    expect(drafted.status).toBe(201);
    const id = drafted.body.id;
    const offered = await call(
      service,
      'yotOfficer',
      'POST',
      `/v1/contracts/${id}/offer`,
      {
        offeredOn: '2026-02-10',
        parentRequirements: ['Attend a parenting group weekly', 'Ensure Alfie is home by 8pm'],
        support: ['Weekly parenting group', 'Mentoring for Alfie'],
        periodStartsOn: '2026-02-16',
        periodEndsOn: '2026-08-14',
      },
      { 'if-match': drafted.etag! },
    );
    expect(offered.status).toBe(200);
    const refused = await call(
      service,
      'yotOfficer',
      'POST',
      `/v1/contracts/${id}/refusal`,
      { refusedOn: '2026-02-10', reason: 'Says the group clashes with her shifts' },
      { 'if-match': offered.etag! },
    );
    expect(refused.body).toMatchObject({ state: 'refused', refusalReason: 'Says the group clashes with her shifts' });
    const forced = await call(
      service,
      'yotOfficer',
      'POST',
      `/v1/contracts/${id}/signature`,
      { parentSignedOn: '2026-02-10', providerSignedOn: '2026-02-10' },
      { 'if-match': refused.etag! },
    );
    expect(forced.status).toBe(409);
    expect(forced.body.errors).toEqual([expect.objectContaining({ rule: 'contractLifecycle' })]);

    const evidence = await call(service, 'yotOfficer', 'GET', `/v1/contracts/${id}/evidence`);
    expect(evidence.body).toMatchObject({
      refusal: { refusedOn: '2026-02-10' },
      supportOffered: ['Weekly parenting group', 'Mentoring for Alfie'],
      supportTakenUp: [],
    });
    expect(evidence.body.chronology.map((e: { what: string }) => e.what)).toEqual(['drafted', 'offered', 'refused']);
    const lead = await call(service, 'hubWorker', 'GET', `/v1/contracts/${id}`);
    expect(lead.status).toBe(200);
    expect(lead.body).not.toHaveProperty('refusalReason');
    expect(lead.body).not.toHaveProperty('ground');
    expect((await call(service, 'hubWorker', 'GET', `/v1/contracts/${id}/evidence`)).status).toBe(403);
    expect((await call(service, 'adultWorker', 'GET', `/v1/contracts/${id}`)).status).toBe(404);
  });
});
