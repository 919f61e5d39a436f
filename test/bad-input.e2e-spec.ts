import fc from 'fast-check';
import pg from 'pg';
import type { ServiceConfig } from '@baton/config';
import type { TestService } from '@baton/service-host';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { startAgencyViewsTestApp } from '../services/agency-views/src/testing/agency-views-test-app.js';
import { startAuditTestApp } from '../services/audit/src/testing/audit-test-app.js';
import { startNotificationsTestApp } from '../services/notifications/src/testing/notifications-test-app.js';
import { startParentingTestApp } from '../services/parenting/src/testing/parenting-test-app.js';
import { startReferralsTestApp } from '../services/referrals/src/testing/referrals-test-app.js';
import { startTafTestApp } from '../services/taf/src/testing/taf-test-app.js';

/**
 * The bad-input test: requests generated with fast-check from each service's served OpenAPI document — every
 * operation, with wrong types, unknown fields, huge and deeply nested bodies, bad dates and ids, bad headers and
 * content types — sent by an authenticated caller holding every role. No answer may be a 5xx; every 4xx is
 * problem+json; a refused write writes nothing. A fixed seed and a few thousand requests here; BAD_INPUT_RUNS
 * and BAD_INPUT_SEED make a longer or different run (the bench's job).
 */
const SEED = Number(process.env.BAD_INPUT_SEED ?? 20261203);
const RUNS_PER_SERVICE = Number(process.env.BAD_INPUT_RUNS ?? 350);
const NOW = new Date('2026-11-23T10:00:00Z');

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyFields: string[];
  hasBody: boolean;
}

interface OpenApi {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
}
interface OperationObject {
  parameters?: { name: string; in: string }[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}
interface SchemaObject {
  $ref?: string;
  properties?: Record<string, SchemaObject>;
  allOf?: SchemaObject[];
}

function resolve(doc: OpenApi, schema: SchemaObject | undefined): SchemaObject | undefined {
  if (!schema?.$ref) return schema;
  return doc.components?.schemas?.[schema.$ref.split('/').pop() as string];
}

/** A server-sent event stream: it never ends, by design (the live inbox and family changes). */
function isStream(path: string, op: OperationObject): boolean {
  const produces = Object.values(op.responses ?? {}).flatMap((r) => Object.keys(r.content ?? {}));
  return produces.includes('text/event-stream') || /\/(stream|changes)$/.test(path);
}

/** Every operation of the document, except server-sent event streams. */
function operationsOf(doc: OpenApi): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .filter(([, op]) => !isStream(path, op))
      .map(([method, op]) => {
        const schema = resolve(doc, op.requestBody?.content?.['application/json']?.schema);
        const parameters = op.parameters ?? [];
        return {
          method: method.toUpperCase(),
          path,
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
          bodyFields: Object.keys(schema?.properties ?? {}),
          hasBody: op.requestBody !== undefined,
        };
      }),
  );
}

const nasty = fc.constantFrom(
  '',
  ' ',
  'null',
  '-1',
  '1e309',
  'NaN',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '💥',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '2026-02-30',
  '9999-99-99T99:99:99Z',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  "=cmd|' /C calc'!A0",
);
const text = fc.oneof(nasty, fc.string({ maxLength: 30 }), fc.uuid(), fc.string({ minLength: 120, maxLength: 400 }));
const anyValue = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), text, { maxKeys: 3 }),
);

interface GeneratedRequest {
  path: string;
  query: string;
  headers: Record<string, string>;
  body?: string;
}

function requestFor(op: Operation): fc.Arbitrary<GeneratedRequest> {
  const pathValues = fc.tuple(...op.pathParams.map(() => text));
  const query = fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...(op.queryParams.length ? op.queryParams : ['q'])), fc.string({ maxLength: 6 })),
      text,
    ),
    { maxLength: 4 },
  );
  const fields = op.bodyFields.length ? op.bodyFields : ['field'];
  const body: fc.Arbitrary<string | undefined> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .dictionary(fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 8 })), anyValue)
        .map((o) => JSON.stringify(o)),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.integer({ min: 33, max: 6000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`) },
    { weight: 1, arbitrary: fc.constant(`{"${fields[0]}":"${'x'.repeat(300 * 1024)}"}`) },
    { weight: 1, arbitrary: fc.constantFrom('{', '{"a":1,}', 'undefined', '', '{"__proto__":{"x":1}}') },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const contentType = fc.constantFrom(
    'application/json',
    'application/json',
    'application/json',
    'text/plain',
    'application/xml',
    '',
  );
  const ifMatch = fc.option(fc.oneof(fc.constantFrom('"1"', '*', 'W/"1"', '"999999999999"'), text), { nil: undefined });
  const idempotencyKey = fc.option(text, { nil: undefined });
  return fc.record({ pathValues, query, body, contentType, ifMatch, idempotencyKey }).map((g) => {
    let path = op.path;
    op.pathParams.forEach((name, i) => {
      path = path.replace(`{${name}}`, encodeURIComponent(g.pathValues[i] || 'x'));
    });
    const headers: Record<string, string> = {};
    const sendsBody = op.method !== 'GET' && op.method !== 'DELETE' && g.body !== undefined;
    if (sendsBody && g.contentType) headers['content-type'] = g.contentType;
    if (g.ifMatch !== undefined) headers['if-match'] = g.ifMatch.replace(/[^\x20-\x7e]/g, '');
    if (g.idempotencyKey !== undefined) headers['idempotency-key'] = g.idempotencyKey.replace(/[^\x20-\x7e]/g, '');
    return {
      path,
      query: new URLSearchParams(g.query).toString(),
      headers,
      body: sendsBody ? g.body : undefined,
    };
  });
}

type Started = TestService<ServiceConfig>;

describe('hostile input to every operation of every service', () => {
  let infra: TestInfra;
  const services: { name: string; service: Started }[] = [];

  beforeAll(async () => {
    infra = await provisionTestInfra('bad-input');
    const own = async (name: string) => ({ ...infra, databaseUrl: await infra.createDatabase(name) });
    const start: [string, () => Promise<Started>][] = [
      ['referrals', async () => startReferralsTestApp(await own('referrals'), NOW)],
      ['taf', async () => startTafTestApp(await own('taf'), NOW)],
      ['parenting', async () => startParentingTestApp(await own('parenting'), NOW)],
      [
        'notifications',
        async () => startNotificationsTestApp(await own('notifications'), { AGENCY_NATS_ENABLED: 'false' }),
      ],
      ['audit', async () => startAuditTestApp({ ...(await own('audit')), now: NOW })],
      ['agency-views', async () => startAgencyViewsTestApp(await own('agency-views'), { now: NOW })],
    ];
    for (const [name, run] of start) services.push({ name, service: await run() });
  }, 180_000);

  afterAll(async () => {
    for (const { service } of services.reverse()) await service.close();
    await infra?.dispose();
  });

  it('answers no request with a 5xx, every refusal with problem+json, and writes nothing it refuses', async () => {
    const failures: string[] = [];
    const slow: string[] = [];
    let sent = 0;
    for (const { name, service } of services) {
      const doc = (await (await fetch(`${service.url}/docs/json`)).json()) as OpenApi;
      const operations = operationsOf(doc);
      expect(operations.length).toBeGreaterThan(0);
      const token = await service.issuer.sign(
        {
          sub: 'hub-triager',
          name: 'Tamsin Quillfeather',
          agency_id: 'demo-early-help-hub',
          roles: ['practitioner', 'triager', 'manager', 'agency-admin', 'auditor'],
          tenant: 'demo',
        },
        { expiresIn: '1h' },
      );
      const db = new pg.Client({ connectionString: service.context.config.DATABASE_URL });
      await db.connect();
      const changes = async () =>
        Number(
          (await db.query<{ n: string }>("SELECT count(*) AS n FROM outbox WHERE type NOT LIKE 'baton.access.%'"))
            .rows[0].n,
        );
      try {
        const arbitrary = fc.constantFrom(...operations).chain((op) => requestFor(op).map((req) => ({ op, req })));
        await fc.assert(
          fc.asyncProperty(arbitrary, async ({ op, req }) => {
            const before = op.method === 'GET' ? 0 : await changes();
            const url = `${service.url}${req.path}${req.query ? `?${req.query}` : ''}`;
            const started = Date.now();
            const response = await fetch(url, {
              method: op.method,
              headers: { authorization: `Bearer ${token}`, ...req.headers },
              body: req.body,
              signal: AbortSignal.timeout(10_000),
            });
            const body = await response.text();
            sent++;
            const what = `${name} ${op.method} ${op.path} → ${response.status}`;
            // A 503 with Retry-After is an answer, not a failure: agency-views asked to wait for events it has not
            // applied yet (`after=`) says so and how long to wait. Any other 5xx is a failure.
            const asksToWait = response.status === 503 && response.headers.get('retry-after') !== null;
            if (response.status >= 500 && !asksToWait) failures.push(`${what}: ${body.slice(0, 200)}`);
            // (It waits a few seconds for them first; nothing else may take that long.)
            if (!asksToWait && Date.now() - started > 2000) slow.push(`${what} in ${Date.now() - started} ms`);
            if (response.status >= 400) {
              if (!/^application\/problem\+json/.test(response.headers.get('content-type') ?? '')) {
                failures.push(`${what}: not problem+json`);
              } else if ((JSON.parse(body) as { status?: number }).status !== response.status) {
                failures.push(`${what}: the problem's status is not the answer's`);
              }
              if (op.method !== 'GET' && (await changes()) !== before) failures.push(`${what}: refused, but wrote`);
            }
            return true;
          }),
          { seed: SEED, numRuns: RUNS_PER_SERVICE, endOnFailure: true },
        );
      } finally {
        await db.end();
      }
    }
    expect(sent).toBeGreaterThanOrEqual(services.length * RUNS_PER_SERVICE);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(slow.slice(0, 20)).toEqual([]);
  }, 900_000);
});
