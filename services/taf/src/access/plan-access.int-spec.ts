import type { Role } from '@baton/auth';
import pg from 'pg';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { httpClient } from '../testing/http-client.js';
import { directPlan, SCHOOL_LEAD } from '../testing/taf-fixtures.js';
import { startTafTestApp, type TafTestApp } from '../testing/taf-test-app.js';

const MONDAY = new Date('2026-11-23T10:00:00Z');

/** Who reaches a plan the school leads with the health visitor proposed as the next lead. */
describe('access to a plan no broader than the relationship', () => {
  let infra: TestInfra;
  let service: TafTestApp;
  let db: pg.Client;
  let planId: string;
  let handoverId: string;
  const call = httpClient(() => service);

  const HEALTH_VISITOR = {
    personId: 'health-visitor',
    name: 'Nia Marchbank',
    agencyId: 'demo-health-visiting',
    role: 'Health visitor',
    email: 'nia.marchbank@health.example.org',
  };

  beforeAll(async () => {
    infra = await provisionTestInfra('taf-plan-access');
    service = await startTafTestApp(infra, MONDAY);
    db = new pg.Client({ connectionString: infra.databaseUrl });
    await db.connect();
    const opened = await call('schoolDsl', 'POST', '/v1/plans', directPlan({ lead: SCHOOL_LEAD }));
    planId = opened.body.id;
    const proposed = await call(
      'schoolDsl',
      'POST',
      `/v1/plans/${planId}/handovers`,
      { proposedLead: HEALTH_VISITOR, familyPreference: { preference: 'agrees' } },
      { 'if-match': '"1"' },
    );
    expect(proposed.status).toBe(201);
    handoverId = proposed.body.pendingHandover?.handoverId ?? proposed.headers.get('location')!.split('/').pop()!;
  });

  afterAll(async () => {
    await db?.end();
    await service?.close();
    await infra?.dispose();
  });

  async function as(
    claims: { sub: string; agency_id: string; roles: Role[] },
    method: string,
    path: string,
    body?: unknown,
  ) {
    const token = await service.issuer.sign({ name: claims.sub, tenant: 'demo', ...claims }, { expiresIn: '10m' });
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'if-match': '"2"',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  it.each([
    ['a police manager', 'demo-police'],
    ['a housing manager', 'demo-housing'],
    ['a voluntary organisation’s manager', 'demo-family-voluntary'],
  ])('answers 404 to %s, whose agency is not on the plan, and leaves it out of their list', async (_who, agency) => {
    const manager = { sub: `${agency}-manager`, agency_id: agency, roles: ['manager'] as Role[] };
    expect((await as(manager, 'GET', `/v1/plans/${planId}`)).status).toBe(404);
    expect((await as(manager, 'GET', `/v1/plans/${planId}/timeline`)).status).toBe(404);
    const list = await as(manager, 'GET', '/v1/plans?limit=100');
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(planId);
  });

  it.each([
    ['the lead agency’s admin', ['agency-admin']],
    ['an auditor at the lead agency', ['auditor']],
  ])('answers 404 to %s, who holds no casework role, and lists them no plans', async (_who, roles) => {
    const admin = { sub: 'school-office', agency_id: 'demo-oakfield-primary', roles: roles as Role[] };
    expect((await as(admin, 'GET', `/v1/plans/${planId}`)).status).toBe(404);
    expect((await as(admin, 'GET', `/v1/plans/${planId}/timeline`)).status).toBe(404);
    const list = await as(admin, 'GET', '/v1/plans?limit=100');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
  });

  it('records a refused or not-found read as an access attempt an auditor can find by the record', async () => {
    const prober = { sub: 'prober', agency_id: 'demo-police', roles: ['practitioner'] as Role[] };
    expect((await as(prober, 'GET', `/v1/plans/${planId}`)).status).toBe(404);
    const { rows } = await db.query<{ envelope: { actor: string; data: Record<string, unknown> } }>(
      `SELECT envelope FROM outbox WHERE type = 'baton.access.recorded.v1' AND envelope->>'actor' = 'prober'`,
    );
    expect(rows.map((r) => r.envelope.data)).toEqual([
      expect.objectContaining({
        action: 'not-found',
        recordIds: [planId],
        recordType: '/v1/plans/:id',
        accessor: expect.objectContaining({ personId: 'prober', agencyId: 'demo-police' }),
      }),
    ]);
  });

  it('gives the front door’s managers and the lead agency’s managers the plan', async () => {
    expect((await call('hubManager', 'GET', `/v1/plans/${planId}`)).body.relationship).toBe('manager');
    const schoolManager = { sub: 'school-head', agency_id: 'demo-oakfield-primary', roles: ['manager'] as Role[] };
    expect((await as(schoolManager, 'GET', `/v1/plans/${planId}`)).body.relationship).toBe('manager');
  });

  it('answers 404, not 403, to a stranger answering the handover, even one with the proposed lead’s person id', async () => {
    const before = await db.query('SELECT status FROM plan_handover WHERE id = $1', [handoverId]);
    const impostor = { sub: 'health-visitor', agency_id: 'demo-police', roles: ['practitioner'] as Role[] };
    const stranger = { sub: 'housing-officer', agency_id: 'demo-housing', roles: ['practitioner'] as Role[] };
    for (const who of [impostor, stranger]) {
      expect((await as(who, 'GET', `/v1/plans/${planId}`)).status).toBe(404);
      expect((await as(who, 'POST', `/v1/plans/${planId}/handovers/${handoverId}/acceptance`)).status).toBe(404);
      expect(
        (await as(who, 'POST', `/v1/plans/${planId}/handovers/${handoverId}/decline`, { reason: 'no' })).status,
      ).toBe(404);
    }
    expect((await db.query('SELECT status FROM plan_handover WHERE id = $1', [handoverId])).rows).toEqual(before.rows);
  });
});
