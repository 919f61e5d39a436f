import pg from 'pg';
import { openCuttableProxy, provisionTestInfra, type CuttableProxy, type TestInfra } from '@baton/testing';
import { httpClient, type HttpResult } from '../testing/http-client.js';
import { directPlan, HUB_LEAD } from '../testing/taf-fixtures.js';
import { startTafTestApp, type TafTestApp } from '../testing/taf-test-app.js';

const MONDAY = new Date('2026-11-23T10:00:00Z');

/**
 * The service's database goes away while writes arrive (a relay between them is cut: connections dropped, new
 * ones refused), then comes back. The shared Postgres is never stopped.
 */
describe('taf while its database is unavailable', () => {
  let infra: TestInfra;
  let proxy: CuttableProxy;
  let service: TafTestApp;
  let db: pg.Client;
  const call = httpClient(() => service);

  beforeAll(async () => {
    infra = await provisionTestInfra('taf-outage');
    proxy = await openCuttableProxy(infra.databaseUrl);
    service = await startTafTestApp(infra, MONDAY, { databaseUrl: proxy.url });
    db = new pg.Client({ connectionString: infra.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await proxy?.restore();
    await service?.close();
    await proxy?.close();
    await infra?.dispose();
  });

  async function counts(): Promise<{ plans: number; outbox: number; members: number }> {
    const { rows } = await db.query<{ plans: string; outbox: string; members: string }>(
      `SELECT (SELECT count(*) FROM plan) AS plans, (SELECT count(*) FROM outbox) AS outbox,
              (SELECT count(*) FROM plan_member) AS members`,
    );
    return { plans: Number(rows[0].plans), outbox: Number(rows[0].outbox), members: Number(rows[0].members) };
  }

  function expectUnavailable(response: HttpResult) {
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(response.body).toMatchObject({ status: 503, type: expect.stringMatching(/unavailable$/) });
  }

  it('answers writes with 503 and Retry-After, writes nothing, and takes writes again once it is back', async () => {
    const first = await call('schoolDsl', 'POST', '/v1/plans', directPlan({ lead: HUB_LEAD }));
    expect(first.status).toBe(201);
    const before = await counts();

    await proxy.cut();
    const during = await Promise.all(
      Array.from({ length: 12 }, () => call('schoolDsl', 'POST', '/v1/plans', directPlan({ lead: HUB_LEAD }))),
    );
    const read = await call('schoolDsl', 'GET', `/v1/plans/${first.body.id}`);
    for (const response of [...during, read]) expectUnavailable(response);
    const ready = await fetch(`${service.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await counts()).toEqual(before);

    await proxy.restore();
    let after: HttpResult | undefined;
    const deadline = Date.now() + 15_000;
    do {
      after = await call('schoolDsl', 'POST', '/v1/plans', directPlan({ lead: HUB_LEAD }));
      if (after.status !== 201) await new Promise((resolve) => setTimeout(resolve, 200));
    } while (after.status !== 201 && Date.now() < deadline);
    expect(after.status).toBe(201);
    const now = await counts();
    expect(now.plans).toBe(before.plans + 1);
    expect(now.outbox).toBeGreaterThan(before.outbox);
  });
});
