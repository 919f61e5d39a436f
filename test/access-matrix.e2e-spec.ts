import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@baton/auth';
import type { ServiceConfig } from '@baton/config';
import type { TestService } from '@baton/service-host';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import {
  startAgencyViewsTestApp,
  type AgencyViewsTestApp,
} from '../services/agency-views/src/testing/agency-views-test-app.js';
import { EventStreamReader } from '../services/agency-views/src/testing/sse.fixture.js';
import { startAuditTestApp, type AuditTestApp } from '../services/audit/src/testing/audit-test-app.js';
import {
  startNotificationsTestApp,
  type NotificationsTestApp,
} from '../services/notifications/src/testing/notifications-test-app.js';
import { yotOrder } from '../services/parenting/src/testing/parenting-fixtures.js';
import { startParentingTestApp, type ParentingTestApp } from '../services/parenting/src/testing/parenting-test-app.js';
import { schoolReferral } from '../services/referrals/src/testing/referral-fixtures.js';
import { startReferralsTestApp, type ReferralsTestApp } from '../services/referrals/src/testing/referrals-test-app.js';
import { waitUntil } from '../services/taf/src/testing/http-client.js';
import { directPlan, SCHOOL_LEAD } from '../services/taf/src/testing/taf-fixtures.js';
import { startTafTestApp, type TafTestApp } from '../services/taf/src/testing/taf-test-app.js';

/**
 * The access matrix, generated from the committed OpenAPI documents (docs/api) and a fixture world: a referral
 * the school made to the front door, the TAF plan the school leads, the order the YOT holds, the front door's
 * inbox item, webhook and delivery, a break-glass grant, and the family's coordinated view. Every operation that
 * names a record in its path is pointed at the world's record and called by each kind of stranger; none may
 * succeed (no token is 401; a read is 403 or 404, so nobody learns the record exists; another authority's valid
 * token is refused by the service's tenant check). Every list answers
 * a stranger without the world's ids, and no live stream delivers them to a stranger.
 */
const NOW = new Date('2026-11-23T10:00:00Z');
const NO_SUCH = '00000000-0000-4000-8000-000000000000';

interface Claims {
  sub: string;
  name?: string;
  agency_id: string;
  roles: Role[];
  tenant?: string;
}

const SCHOOL: Claims = { sub: 'school-dsl', agency_id: 'demo-oakfield-primary', roles: ['practitioner'] };
const YOT: Claims = { sub: 'yot-officer', agency_id: 'demo-yot', roles: ['practitioner'] };
const HUB_TRIAGER: Claims = {
  sub: 'hub-triager',
  agency_id: 'demo-early-help-hub',
  roles: ['triager', 'practitioner'],
};
const HUB_MANAGER: Claims = { sub: 'hub-manager', agency_id: 'demo-early-help-hub', roles: ['manager'] };
const HUB_ADMIN: Claims = { sub: 'hub-admin', agency_id: 'demo-early-help-hub', roles: ['agency-admin'] };
const HEALTH_VISITOR: Claims = { sub: 'health-visitor', agency_id: 'demo-health-visiting', roles: ['practitioner'] };
/** Break-glass grantees: one holds a live grant for another family, the other's grant for this family expired. */
const GRANTEE_ELSEWHERE: Claims = { sub: 'asb-officer', agency_id: 'demo-asb-team', roles: ['practitioner'] };
const GRANTEE_EXPIRED: Claims = { sub: 'asb-manager', agency_id: 'demo-asb-team', roles: ['manager'] };

/** Each kind of stranger, given the holder of the record the route names. */
const STRANGERS: Record<string, (holder: Claims) => Claims> = {
  'an uninvolved agency’s practitioner': () => ({
    sub: 'housing-officer',
    agency_id: 'demo-housing',
    roles: ['practitioner'],
  }),
  'an uninvolved agency’s manager': () => ({ sub: 'police-sergeant', agency_id: 'demo-police', roles: ['manager'] }),
  'the holder’s person id with another agency': (holder) => ({ ...holder, agency_id: 'demo-police' }),
  'the holder in another local authority': (holder) => ({ ...holder, tenant: 'elsewhere' }),
  'a voluntary organisation’s agency admin': () => ({
    sub: 'trust-admin',
    agency_id: 'demo-family-voluntary',
    roles: ['agency-admin'],
  }),
  'the wrong role at the holder’s agency': (holder) => ({
    sub: `${holder.agency_id}-other`,
    agency_id: holder.agency_id,
    roles: holder.roles.includes('agency-admin') ? ['practitioner'] : ['agency-admin'],
  }),
};
const BREAK_GLASS_STRANGERS: Record<string, () => Claims> = {
  'a break-glass grantee for another family': () => GRANTEE_ELSEWHERE,
  'a break-glass grantee whose grant has expired': () => GRANTEE_EXPIRED,
};

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  requiredQuery: { name: string; format?: string; enum?: string[]; example?: string }[];
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: {
          name: string;
          in: string;
          required?: boolean;
          schema?: { format?: string; enum?: string[]; example?: string };
        }[];
      }
    >
  >;
}

/** Every operation of a service's committed document. */
function operationsOf(service: string): Operation[] {
  const doc = JSON.parse(readFileSync(new URL(`../docs/api/${service}.openapi.json`, import.meta.url), 'utf8'));
  return Object.entries((doc as OpenApi).paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        requiredQuery: (op.parameters ?? [])
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => ({ name: p.name, format: p.schema?.format, enum: p.schema?.enum, example: p.schema?.example })),
      })),
  );
}

const isStream = (op: Operation) => /\/(stream|changes)$/.test(op.path);
/** Whether a path names a record; a report's number (`/v1/reports/annex-a/{list}`) makes it a list, not a record. */
const namesRecord = (op: Operation) => op.pathParams.some((p) => p !== 'list');

interface World {
  familyId: string;
  otherFamilyId: string;
  referralId: string;
  referralEventId: string;
  planId: string;
  orderId: string;
  inboxItemId: string;
  webhookId: string;
  deliveryId: string;
  grantId: string;
}

describe('the access matrix: no stranger reaches a record through any route, list or stream', () => {
  let infra: TestInfra;
  let referrals: ReferralsTestApp;
  let taf: TafTestApp;
  let parenting: ParentingTestApp;
  let notifications: NotificationsTestApp;
  let audit: AuditTestApp;
  let views: AgencyViewsTestApp;
  const world = {} as World;
  const services: Record<string, () => TestService<ServiceConfig>> = {
    referrals: () => referrals,
    taf: () => taf,
    parenting: () => parenting,
    notifications: () => notifications,
    audit: () => audit,
    'agency-views': () => views,
  };

  async function call(
    service: string,
    who: Claims | undefined,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    // Test assertions read arbitrary JSON bodies.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ): Promise<{ status: number; headers: Headers; text: string; json: () => any }> {
    const s = services[service]();
    const token = who && (await s.issuer.sign({ name: who.sub, tenant: 'demo', ...who }, { expiresIn: '10m' }));
    const withBody = body !== undefined || !['GET', 'DELETE'].includes(method);
    const response = await fetch(`${s.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(withBody ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: withBody ? JSON.stringify(body ?? {}) : undefined,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
  }

  /** The world's record a path parameter names, by path; ids of nothing for the rest. */
  function valueOf(path: string, param: string): string {
    const byParam: Record<string, string> = {
      familyId: world.familyId,
      recordId: world.planId,
      personId: 'school-dsl',
      grantId: world.grantId,
      planId: world.planId,
      orderId: world.orderId,
      eventId: world.referralEventId,
      list: '3',
    };
    if (param !== 'id') return byParam[param] ?? NO_SUCH;
    const byPrefix: [string, string][] = [
      ['/v1/referrals/', world.referralId],
      ['/v1/plans/', world.planId],
      ['/v1/orders/', world.orderId],
      ['/v1/inbox/', world.inboxItemId],
      ['/v1/webhooks/', world.webhookId],
      ['/v1/deliveries/', world.deliveryId],
    ];
    return byPrefix.find(([prefix]) => path.startsWith(prefix))?.[1] ?? NO_SUCH;
  }

  /** Who holds the record a route names (whose person id and agency the strangers borrow). */
  function holderOf(service: string, path: string): Claims {
    switch (service) {
      case 'referrals':
      case 'taf':
      case 'agency-views':
        return SCHOOL;
      case 'parenting':
        return YOT;
      case 'audit':
        return HUB_MANAGER;
      default:
        return /^\/v1\/(webhooks|deliveries|dead-letters|events)/.test(path) ? HUB_ADMIN : HUB_TRIAGER;
    }
  }

  function pathFor(op: Operation): string {
    const path = op.pathParams.reduce((p, name) => p.replace(`{${name}}`, valueOf(op.path, name)), op.path);
    const query = op.requiredQuery.map(({ name, format, enum: values, example }) => {
      const value = values?.[0] ?? example ?? (format === 'date' ? (name === 'to' ? '2026-12-31' : '2026-01-01') : 'x');
      return `${name}=${encodeURIComponent(value)}`;
    });
    return query.length > 0 ? `${path}?${query.join('&')}` : path;
  }

  let tenantDir: string;

  beforeAll(async () => {
    infra = await provisionTestInfra('access-matrix');
    // A second local authority the services serve, with the same agencies and people: its tokens are valid, so
    // "another authority" is refused by the services' tenant checks, not by token verification.
    tenantDir = await mkdtemp(join(tmpdir(), 'baton-access-matrix-tenants-'));
    const demo = JSON.parse(readFileSync(new URL('../config/tenants/demo.json', import.meta.url), 'utf8'));
    writeFileSync(join(tenantDir, 'demo.json'), JSON.stringify(demo));
    writeFileSync(join(tenantDir, 'elsewhere.json'), JSON.stringify({ ...demo, code: 'elsewhere', name: 'Elsewhere' }));
    infra.tenantConfigDir = tenantDir;
    const db = (name: string) => infra.createDatabase(name);
    referrals = await startReferralsTestApp({ ...infra, databaseUrl: await db('referrals') }, NOW);
    taf = await startTafTestApp(infra, NOW, { databaseUrl: await db('taf') });
    parenting = await startParentingTestApp({ ...infra, databaseUrl: await db('parenting') }, NOW);
    notifications = await startNotificationsTestApp({ ...infra, databaseUrl: await db('notifications') });
    audit = await startAuditTestApp({ ...infra, databaseUrl: await db('audit'), now: NOW });
    views = await startAgencyViewsTestApp(infra, { now: NOW, databaseUrl: await db('views') });

    const webhook = await call('notifications', HUB_ADMIN, 'POST', '/v1/webhooks', {
      url: 'http://127.0.0.1:9/baton-hook',
      eventTypes: ['baton.referral.received.v1'],
    });
    expect(webhook.status).toBe(201);
    world.webhookId = webhook.json().id;
    const referral = await call('referrals', SCHOOL, 'POST', '/v1/referrals', schoolReferral());
    expect(referral.status).toBe(201);
    world.referralId = referral.json().id;
    world.familyId = referral.json().familyId;
    world.referralEventId = (referral.headers.get('baton-events') ?? '').split(',')[0];
    const plan = await call(
      'taf',
      SCHOOL,
      'POST',
      '/v1/plans',
      directPlan({ lead: SCHOOL_LEAD, familyId: world.familyId }),
    );
    expect(plan.status).toBe(201);
    world.planId = plan.json().id;
    world.otherFamilyId = randomUUID();
    const other = await call('taf', SCHOOL, 'POST', '/v1/plans', directPlan({ familyId: world.otherFamilyId }));
    expect(other.status).toBe(201);
    const order = await call(
      'parenting',
      YOT,
      'POST',
      '/v1/orders',
      yotOrder('2026-11-16', { familyId: world.familyId }),
    );
    expect(order.status).toBe(201);
    world.orderId = order.json().id;

    await waitUntil('the front door’s inbox item and webhook delivery', async () => {
      const inbox = (await call('notifications', HUB_TRIAGER, 'GET', '/v1/inbox')).json();
      const deliveries = (await call('notifications', HUB_ADMIN, 'GET', '/v1/deliveries')).json();
      world.inboxItemId = inbox.items?.[0]?.id;
      world.deliveryId = deliveries.items?.[0]?.id;
      return world.inboxItemId !== undefined && world.deliveryId !== undefined;
    });
    const grant = (who: Claims, familyId: string, durationMinutes?: number) =>
      call('audit', who, 'POST', '/v1/break-glass/grants', {
        familyId,
        reason: 'out-of-hours-emergency',
        details: 'Out-of-hours call about the family; checking who works with them.',
        ...(durationMinutes ? { durationMinutes } : {}),
      });
    await waitUntil('the audit service knows both families', async () => {
      const first = await grant(HEALTH_VISITOR, world.familyId);
      if (first.status !== 201) return false;
      world.grantId = first.json().grantId;
      return true;
    });
    await waitUntil('the audit service knows the other family', async () => {
      return (await grant(GRANTEE_ELSEWHERE, world.otherFamilyId)).status === 201;
    });
    expect((await grant(GRANTEE_EXPIRED, world.familyId, 1)).status).toBe(201);
    // The expiring grant reached every service (each read is allowed) before time moves past it.
    const underGrant: [string, string][] = [
      ['taf', `/v1/plans/${world.planId}`],
      ['parenting', `/v1/orders/${world.orderId}`],
      ['referrals', `/v1/referrals/${world.referralId}`],
      ['agency-views', `/v1/families/${world.familyId}`],
    ];
    await waitUntil('every service honours the grant that will expire', async () => {
      const answers = await Promise.all(underGrant.map(([s, p]) => call(s, GRANTEE_EXPIRED, 'GET', p)));
      return answers.every((a) => a.status === 200);
    });
    for (const s of [referrals, taf, parenting, audit, views]) s.clock.advance(2 * 60_000);
  }, 240_000);

  afterAll(async () => {
    for (const s of [views, audit, notifications, parenting, taf, referrals]) await s?.close();
    await infra?.dispose();
    if (tenantDir) await rm(tenantDir, { recursive: true, force: true });
  });

  it('gives every stranger, on every route naming a record, no success and no sign the record exists', async () => {
    const unexpected: string[] = [];
    let cells = 0;
    for (const service of Object.keys(services)) {
      const operations = operationsOf(service).filter((op) => namesRecord(op) && !isStream(op));
      expect(operations.length).toBeGreaterThan(0);
      // The world is real: the holder reads the record through the same document's first read.
      const own = operations.find((op) => op.method === 'GET')!;
      const holderRead = await call(service, holderOf(service, own.path), 'GET', pathFor(own));
      expect(`${service} ${own.path} → ${holderRead.status}`).toBe(`${service} ${own.path} → 200`);
      // Deletes last: a leak that deleted the record would hide the routes after it.
      const ordered = [
        ...operations.filter((o) => o.method !== 'DELETE'),
        ...operations.filter((o) => o.method === 'DELETE'),
      ];
      for (const op of ordered) {
        const path = pathFor(op);
        const holder = holderOf(service, op.path);
        const callers: [string, Claims | undefined][] = [
          ['no token', undefined],
          ...Object.entries(STRANGERS).map(([who, claims]): [string, Claims] => [who, claims(holder)]),
          ...Object.entries(BREAK_GLASS_STRANGERS).map(([who, claims]): [string, Claims] => [who, claims()]),
        ];
        for (const [who, claims] of callers) {
          const response = await call(service, claims, op.method, path, undefined, { 'if-match': '"1"' });
          cells++;
          const cell = `${service} ${op.method} ${op.path} as ${who} → ${response.status}`;
          if (claims === undefined) {
            if (response.status !== 401) unexpected.push(cell);
          } else if (claims.tenant === 'elsewhere' && response.status === 401) {
            // The second authority is served: its callers must be refused by the service, not by their token.
            unexpected.push(`${cell} (a valid token of another authority)`);
          } else if (response.status < 400 || response.status >= 500) {
            unexpected.push(cell);
          } else if (op.method === 'GET' && ![403, 404].includes(response.status)) {
            // 403 by role; 404 for a record the caller cannot see.
            unexpected.push(cell);
          }
        }
      }
    }
    expect(cells).toBeGreaterThan(500);
    expect(unexpected).toEqual([]);
  }, 600_000);

  it('answers every list to a stranger without another agency’s or authority’s records', async () => {
    const ids = () => Object.values(world).filter((v) => typeof v === 'string' && v.length > 0);
    const leaks: string[] = [];
    let cells = 0;
    for (const service of Object.keys(services)) {
      const lists = operationsOf(service).filter((op) => op.method === 'GET' && !namesRecord(op) && !isStream(op));
      for (const op of lists) {
        const holder = holderOf(service, op.path);
        for (const [who, claims] of Object.entries(STRANGERS)) {
          const response = await call(service, claims(holder), 'GET', pathFor(op));
          cells++;
          if (response.status >= 500) leaks.push(`${service} ${op.path} as ${who} → ${response.status}`);
          const found = ids().filter((id) => response.text.includes(id));
          if (response.status < 300 && found.length > 0) {
            leaks.push(`${service} ${op.path} as ${who} → ${response.status} names ${found.join(', ')}`);
          }
        }
      }
    }
    expect(cells).toBeGreaterThan(50);
    expect(leaks).toEqual([]);
  }, 300_000);

  it('delivers a new referral’s inbox item and family change to its agencies, and nothing of it to strangers', async () => {
    const streams = operationsOf('notifications')
      .concat(operationsOf('agency-views'))
      .filter(isStream)
      .map((op) => op.path);
    expect(streams.sort()).toEqual(['/v1/families/changes', '/v1/inbox/stream']);
    const open = async (service: string, path: string, who: Claims): Promise<EventStreamReader | undefined> => {
      const s = services[service]();
      const token = await s.issuer.sign({ name: who.sub, tenant: 'demo', ...who }, { expiresIn: '10m' });
      return EventStreamReader.open(`${s.url}${path}`, token).catch(() => undefined);
    };
    const watched: [string, string, Claims][] = [
      ['notifications', '/v1/inbox/stream', HUB_TRIAGER],
      ['agency-views', '/v1/families/changes', SCHOOL],
    ];
    const holders: EventStreamReader[] = [];
    const strangers: { who: string; stream: EventStreamReader }[] = [];
    for (const [service, path, holder] of watched) {
      holders.push((await open(service, path, holder))!);
      for (const [who, claims] of Object.entries({ ...STRANGERS, ...BREAK_GLASS_STRANGERS })) {
        const stream = await open(service, path, claims(holder));
        // A stranger refused the stream (401, 403) hears nothing from it.
        if (stream) strangers.push({ who: `${who} on ${path}`, stream });
      }
    }
    try {
      // Two changes, one after the other: once each holder has heard the second, the first has been sent to all.
      const first = await call('referrals', SCHOOL, 'POST', '/v1/referrals', schoolReferral());
      const second = await call('referrals', SCHOOL, 'POST', '/v1/referrals', schoolReferral());
      expect([first.status, second.status]).toEqual([201, 201]);
      const families = [first.json().familyId, second.json().familyId];
      const [inbox, changes] = holders;
      await inbox.waitFor(
        (e) => e.event === 'inbox-item' && inbox.events.filter((x) => x.event === 'inbox-item').length >= 2,
      );
      await changes.waitFor((e) => JSON.stringify(e.data).includes(families[1]));
      const newIds = [
        ...inbox.events.filter((e) => e.event === 'inbox-item').map((e) => (e.data as { id: string }).id),
        ...families,
      ];
      const heard = strangers.flatMap(({ who, stream }) =>
        stream.events.filter((e) => newIds.some((id) => JSON.stringify(e.data).includes(id))).map(() => who),
      );
      expect(strangers.length).toBeGreaterThan(4);
      expect(heard).toEqual([]);
    } finally {
      for (const stream of [...holders, ...strangers.map((s) => s.stream)]) stream.close();
    }
  }, 120_000);
});
