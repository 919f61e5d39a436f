import type { Role } from '@baton/auth';
import type { ServiceConfig } from '@baton/config';
import type { TestService } from '@baton/service-host';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { call as parentingCall } from '../services/parenting/src/testing/http-client.js';
import { yotOrder } from '../services/parenting/src/testing/parenting-fixtures.js';
import { startParentingTestApp, type ParentingTestApp } from '../services/parenting/src/testing/parenting-test-app.js';
import { httpClient } from '../services/taf/src/testing/http-client.js';
import { directPlan, SCHOOL_LEAD } from '../services/taf/src/testing/taf-fixtures.js';
import { startTafTestApp, type TafTestApp } from '../services/taf/src/testing/taf-test-app.js';

/**
 * The access matrix: every operation of a service's served OpenAPI document that names a record in its path,
 * pointed at a record of a fixture world (a TAF plan the school leads, a parenting order the YOT holds), called
 * by each kind of stranger. None may succeed: no token is 401, every other stranger is refused, and a read is
 * answered 404 (or 403 by role) so nobody learns the record exists.
 */
const NOW = new Date('2026-11-23T10:00:00Z');

interface Claims {
  sub: string;
  agency_id: string;
  roles: Role[];
  tenant?: string;
}

const STRANGERS: Record<string, (holder: Claims) => Claims> = {
  'an uninvolved agency’s practitioner': () => ({
    sub: 'housing-officer',
    agency_id: 'demo-housing',
    roles: ['practitioner'],
  }),
  'an uninvolved agency’s manager': () => ({ sub: 'police-inspector', agency_id: 'demo-police', roles: ['manager'] }),
  'the holder’s person id with another agency': (holder) => ({ ...holder, agency_id: 'demo-police' }),
  'the holder in another local authority': (holder) => ({ ...holder, tenant: 'elsewhere' }),
  'a voluntary organisation’s agency admin': () => ({
    sub: 'trust-admin',
    agency_id: 'demo-family-voluntary',
    roles: ['agency-admin'],
  }),
};

interface OpenApi {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
}

async function operationsOn(url: string): Promise<{ method: string; path: string; params: string[] }[]> {
  const doc = (await (await fetch(`${url}/docs/json`)).json()) as OpenApi;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      }))
      .filter((op) => op.params.length > 0 && !/\/(stream|changes)$/.test(path)),
  );
}

describe('the access matrix: no stranger reaches a record through any route', () => {
  let infra: TestInfra;
  let taf: TafTestApp;
  let parenting: ParentingTestApp;
  const worlds: { name: string; service: () => TestService<ServiceConfig>; recordId: () => string; holder: Claims }[] =
    [];
  let planId: string;
  let orderId: string;

  beforeAll(async () => {
    infra = await provisionTestInfra('access-matrix');
    taf = await startTafTestApp(infra, NOW, { databaseUrl: await infra.createDatabase('taf') });
    parenting = await startParentingTestApp({ ...infra, databaseUrl: await infra.createDatabase('parenting') }, NOW);
    const opened = await httpClient(() => taf)('schoolDsl', 'POST', '/v1/plans', directPlan({ lead: SCHOOL_LEAD }));
    planId = opened.body.id;
    const made = await parentingCall(parenting, 'yotOfficer', 'POST', '/v1/orders', yotOrder('2026-11-16'));
    orderId = made.body.id;
    worlds.push(
      {
        name: 'taf',
        service: () => taf,
        recordId: () => planId,
        holder: { sub: 'school-dsl', agency_id: 'demo-oakfield-primary', roles: ['practitioner'] },
      },
      {
        name: 'parenting',
        service: () => parenting,
        recordId: () => orderId,
        holder: { sub: 'yot-officer', agency_id: 'demo-yot', roles: ['practitioner'] },
      },
    );
  }, 120_000);

  afterAll(async () => {
    await parenting?.close();
    await taf?.close();
    await infra?.dispose();
  });

  it('gives every stranger, on every route naming the record, no success and no sign the record exists', async () => {
    const unexpected: string[] = [];
    let cells = 0;
    for (const world of worlds) {
      const service = world.service();
      const operations = await operationsOn(service.url);
      expect(operations.length).toBeGreaterThan(3);
      const sign = (claims: Claims) =>
        service.issuer.sign({ name: claims.sub, tenant: 'demo', ...claims }, { expiresIn: '10m' });
      // The world is real: its holder reads the record through the same document's route.
      const own = operations.find((op) => op.method === 'GET' && /^\/v1\/[a-z]+\/\{[a-zA-Z]+\}$/.test(op.path));
      const holderRead = await fetch(`${service.url}${own!.path.replace(/\{[^}]+\}/, world.recordId())}`, {
        headers: { authorization: `Bearer ${await sign(world.holder)}` },
      });
      expect(holderRead.status).toBe(200);
      for (const op of operations) {
        const path = op.params.reduce(
          (p, name, i) => p.replace(`{${name}}`, i === 0 ? world.recordId() : '00000000-0000-4000-8000-000000000000'),
          op.path,
        );
        const callers: [string, string | undefined][] = [['no token', undefined]];
        for (const [who, claims] of Object.entries(STRANGERS)) callers.push([who, await sign(claims(world.holder))]);
        for (const [who, token] of callers) {
          const response = await fetch(`${service.url}${path}`, {
            method: op.method,
            headers: {
              ...(token ? { authorization: `Bearer ${token}` } : {}),
              ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { 'content-type': 'application/json' }),
              'if-match': '"1"',
            },
            body: op.method === 'GET' || op.method === 'DELETE' ? undefined : '{}',
          });
          cells++;
          const cell = `${world.name} ${op.method} ${op.path} as ${who} → ${response.status}`;
          if (token === undefined) {
            if (response.status !== 401) unexpected.push(cell);
          } else if (response.status < 400 || response.status >= 500) {
            unexpected.push(cell);
          } else if (op.method === 'GET' && ![401, 403, 404].includes(response.status)) {
            // 401 for a tenant the service does not know; 403 by role; 404 for a record the caller cannot see.
            unexpected.push(cell);
          }
        }
      }
    }
    expect(cells).toBeGreaterThan(50);
    expect(unexpected).toEqual([]);
  }, 300_000);
});
