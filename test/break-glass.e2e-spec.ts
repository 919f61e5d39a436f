import { randomUUID } from 'node:crypto';
import type { Role } from '@baton/auth';
import type { ServiceConfig } from '@baton/config';
import type { TestService } from '@baton/service-host';
import { ApiContract, provisionTestInfra, type TestInfra } from '@baton/testing';
import {
  startAgencyViewsTestApp,
  type AgencyViewsTestApp,
} from '../services/agency-views/src/testing/agency-views-test-app.js';
import { startAuditTestApp, type AuditTestApp } from '../services/audit/src/testing/audit-test-app.js';
import { yotOrder } from '../services/parenting/src/testing/parenting-fixtures.js';
import { startParentingTestApp, type ParentingTestApp } from '../services/parenting/src/testing/parenting-test-app.js';
import { schoolReferral } from '../services/referrals/src/testing/referral-fixtures.js';
import { startReferralsTestApp, type ReferralsTestApp } from '../services/referrals/src/testing/referrals-test-app.js';
import { waitUntil } from '../services/taf/src/testing/http-client.js';
import { directPlan } from '../services/taf/src/testing/taf-fixtures.js';
import { startTafTestApp, type TafTestApp } from '../services/taf/src/testing/taf-test-app.js';

/**
 * Break-glass across the services: a police inspector, whose agency is not involved with a family, breaks the
 * glass at the audit service in an out-of-hours emergency; every service holding the family's records lets them
 * read it (as a member agency would) and change nothing, until the grant expires by the services' own clocks or
 * is ended; auditors see the grant and every read made under it.
 */
const NOW = new Date('2026-11-23T22:30:00Z');

interface Claims {
  sub: string;
  name: string;
  agency_id: string;
  roles: Role[];
  tenant?: string;
}

const INSPECTOR: Claims = {
  sub: 'police-inspector',
  name: 'Pat Inspector',
  agency_id: 'demo-police',
  roles: ['manager'],
};
const HOUSING_MANAGER: Claims = {
  sub: 'housing-manager',
  name: 'Hal Housing',
  agency_id: 'demo-housing',
  roles: ['manager'],
};
const AUDITOR: Claims = {
  sub: 'audit-officer',
  name: 'Ada Auditor',
  agency_id: 'demo-early-help-hub',
  roles: ['auditor'],
};
const SCHOOL: Claims = {
  sub: 'school-dsl',
  name: 'Sam Teacher',
  agency_id: 'demo-oakfield-primary',
  roles: ['practitioner'],
};
const YOT: Claims = { sub: 'yot-officer', name: 'Yusuf Officer', agency_id: 'demo-yot', roles: ['practitioner'] };

interface Answer {
  status: number;
  headers: Headers;
  // Assertions read arbitrary JSON bodies.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** Calls a service as someone; every answer is held to the service's committed OpenAPI document. */
async function as(
  service: TestService<ServiceConfig> & { name?: string },
  name: string,
  who: Claims,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const token = await service.issuer.sign({ tenant: 'demo', ...who }, { expiresIn: '10m' });
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const answer = { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  ApiContract.of(name).check({
    method,
    url: path,
    status: answer.status,
    contentType: response.headers.get('content-type'),
    body: answer.body,
  });
  return answer;
}

describe('break-glass: reasoned, time-limited reading access to a family, seen by auditors', () => {
  let infra: TestInfra;
  let referrals: ReferralsTestApp;
  let taf: TafTestApp;
  let parenting: ParentingTestApp;
  let views: AgencyViewsTestApp;
  let audit: AuditTestApp;
  let familyId: string;
  let otherFamilyId: string;
  let referralId: string;
  let planId: string;
  let otherPlanId: string;
  let orderId: string;
  let grantId: string;

  const clocks = () => [referrals.clock, taf.clock, parenting.clock, views.clock, audit.clock];
  const atAudit = (who: Claims, method: string, path: string, body?: unknown) =>
    as(audit, 'audit', who, method, path, body);
  const reads = {
    plan: (who: Claims) => as(taf, 'taf', who, 'GET', `/v1/plans/${planId}`),
    otherPlan: (who: Claims) => as(taf, 'taf', who, 'GET', `/v1/plans/${otherPlanId}`),
    timeline: (who: Claims) => as(taf, 'taf', who, 'GET', `/v1/families/${familyId}/timeline`),
    order: (who: Claims) => as(parenting, 'parenting', who, 'GET', `/v1/orders/${orderId}`),
    referral: (who: Claims) => as(referrals, 'referrals', who, 'GET', `/v1/referrals/${referralId}`),
    family: (who: Claims) => as(views, 'agency-views', who, 'GET', `/v1/families/${familyId}`),
  };

  beforeAll(async () => {
    infra = await provisionTestInfra('e2e-break-glass');
    referrals = await startReferralsTestApp({ ...infra, databaseUrl: await infra.createDatabase('referrals') }, NOW);
    taf = await startTafTestApp(infra, NOW, { databaseUrl: await infra.createDatabase('taf') });
    parenting = await startParentingTestApp({ ...infra, databaseUrl: await infra.createDatabase('parenting') }, NOW);
    views = await startAgencyViewsTestApp(infra, { now: NOW, databaseUrl: await infra.createDatabase('views') });
    audit = await startAuditTestApp({ ...infra, databaseUrl: await infra.createDatabase('audit'), now: NOW });

    const referral = await as(referrals, 'referrals', SCHOOL, 'POST', '/v1/referrals', schoolReferral());
    expect(referral.status).toBe(201);
    referralId = referral.body.id;
    familyId = referral.body.familyId;
    const plan = await as(taf, 'taf', SCHOOL, 'POST', '/v1/plans', directPlan({ familyId }));
    expect(plan.status).toBe(201);
    planId = plan.body.id;
    otherFamilyId = randomUUID();
    const other = await as(taf, 'taf', SCHOOL, 'POST', '/v1/plans', directPlan({ familyId: otherFamilyId }));
    expect(other.status).toBe(201);
    otherPlanId = other.body.id;
    const order = await as(parenting, 'parenting', YOT, 'POST', '/v1/orders', yotOrder('2026-11-16', { familyId }));
    expect(order.status).toBe(201);
    orderId = order.body.id;
    await waitUntil(
      'agency-views shows the school the family',
      async () => (await reads.family(SCHOOL)).status === 200,
    );
  }, 180_000);

  afterAll(async () => {
    await audit?.close();
    await views?.close();
    await parenting?.close();
    await taf?.close();
    await referrals?.close();
    await infra?.dispose();
  });

  it('shows an uninvolved agency nothing before the glass is broken', async () => {
    for (const read of Object.values(reads)) expect((await read(INSPECTOR)).status).toBe(404);
  });

  it('refuses a request that is not valid, naming each field and rule', async () => {
    const empty = await atAudit(INSPECTOR, 'POST', '/v1/break-glass/grants', {});
    expect(empty.status).toBe(400);
    expect(empty.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const fields = empty.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['familyId', 'reason', 'details']));

    const tooLong = await atAudit(INSPECTOR, 'POST', '/v1/break-glass/grants', {
      familyId,
      reason: 'out-of-hours-emergency',
      details: 'Child reported missing from home at 22:10; checking who works with the family.',
      durationMinutes: 241,
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'durationMinutes', rule: 'max' })]);

    const badReason = await atAudit(INSPECTOR, 'POST', '/v1/break-glass/grants', {
      familyId,
      reason: 'curious',
      details: '   ',
    });
    expect(badReason.status).toBe(400);
    expect(badReason.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['reason', 'details']),
    );

    const both = await atAudit(INSPECTOR, 'POST', '/v1/break-glass/grants', {
      familyId,
      recordId: planId,
      reason: 'missing-child',
      details: 'Child reported missing from home at 22:10.',
    });
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([expect.objectContaining({ field: 'recordId', rule: 'isNotGivenWith' })]);
  });

  it('answers 404 for a family the authority does not have, and 403 to roles that do not work with families', async () => {
    const unknown = await atAudit(INSPECTOR, 'POST', '/v1/break-glass/grants', {
      familyId: randomUUID(),
      reason: 'missing-child',
      details: 'Child reported missing from home at 22:10.',
    });
    expect(unknown.status).toBe(404);
    const elsewhere = await atAudit({ ...INSPECTOR, tenant: 'elsewhere' }, 'POST', '/v1/break-glass/grants', {
      familyId,
      reason: 'missing-child',
      details: 'Child reported missing from home at 22:10.',
    });
    expect([401, 404]).toContain(elsewhere.status);
    const auditor = await atAudit(AUDITOR, 'POST', '/v1/break-glass/grants', {
      familyId,
      reason: 'missing-child',
      details: 'Child reported missing from home at 22:10.',
    });
    expect(auditor.status).toBe(403);
  });

  it('grants reading access to the family, named by one of its records, for the default time', async () => {
    let granted: Answer | undefined;
    const request = () =>
      as(
        audit,
        'audit',
        INSPECTOR,
        'POST',
        '/v1/break-glass/grants',
        {
          recordId: planId,
          reason: 'missing-child',
          details: 'Child reported missing from home at 22:10; need to know who works with the family.',
        },
        { 'idempotency-key': 'missing-child-call-2210' },
      );
    await waitUntil('the audit service knows the family', async () => {
      granted = await request();
      return granted.status === 201;
    });
    // A retry (the same Idempotency-Key and body) answers with the same grant, not a second one.
    const retried = await request();
    expect(retried.status).toBe(201);
    expect(retried.body.grantId).toBe(granted!.body.grantId);
    expect(granted!.body).toMatchObject({
      familyId,
      grantee: { personId: 'police-inspector', agencyId: 'demo-police' },
      reason: 'missing-child',
      status: 'active',
      grantedAt: NOW.toISOString(),
      expiresAt: new Date(NOW.getTime() + 60 * 60_000).toISOString(),
    });
    expect(granted!.headers.get('location')).toBe(`/v1/break-glass/grants/${granted!.body.grantId}`);
    grantId = granted!.body.grantId;
  });

  it('lets the grantee read the family in every service, as a member agency would', async () => {
    await waitUntil('every service has the grant', async () => {
      const answers = await Promise.all(Object.entries(reads).map(async ([k, read]) => [k, await read(INSPECTOR)]));
      return answers.every(([k, a]) => (k === 'otherPlan' ? true : (a as Answer).status === 200));
    });
    const plan = await reads.plan(INSPECTOR);
    expect(plan.body.relationship).toBe('break-glass');
    expect(plan.body.children[0]).not.toHaveProperty('nhsNumber');
    const order = await reads.order(INSPECTOR);
    expect(order.body).toMatchObject({ state: 'in-force', holdingAgencyId: 'demo-yot' });
    expect(order.body).not.toHaveProperty('requirements');
    expect(order.body).not.toHaveProperty('grounds');
    const referral = await reads.referral(INSPECTOR);
    expect(referral.body).not.toHaveProperty('submittedBy');
    const family = await reads.family(INSPECTOR);
    expect(family.body.relationships).toEqual(['break-glass']);
    expect(family.body.parenting?.[0]).not.toHaveProperty('legalBasis');
  });

  it('lets the grantee change nothing', async () => {
    const plan = await reads.plan(INSPECTOR);
    const join = await as(
      taf,
      'taf',
      INSPECTOR,
      'POST',
      `/v1/plans/${planId}/members`,
      { agencyId: 'demo-police', personId: 'police-inspector', contactName: 'Pat Inspector', role: 'police' },
      { 'if-match': plan.headers.get('etag') ?? '' },
    );
    expect(join.status).toBe(403);
    expect(join.body.type).toMatch(/break-glass-read-only$/);
    const referral = await reads.referral(INSPECTOR);
    const withdraw = await as(
      referrals,
      'referrals',
      INSPECTOR,
      'POST',
      `/v1/referrals/${referralId}/withdrawal`,
      { reason: 'not needed' },
      { 'if-match': referral.headers.get('etag') ?? '' },
    );
    expect(withdraw.status).toBe(403);
    const timeline = await as(parenting, 'parenting', INSPECTOR, 'GET', `/v1/orders/${orderId}/timeline`);
    expect(timeline.status).toBe(403);
  });

  it('covers that family only, that person only, at that agency only; and no list shows it', async () => {
    expect((await reads.otherPlan(INSPECTOR)).status).toBe(404);
    const sameIdOtherAgency = { ...INSPECTOR, agency_id: 'demo-housing' };
    for (const read of [reads.plan, reads.order, reads.referral, reads.family]) {
      expect((await read(sameIdOtherAgency)).status).toBe(404);
      expect((await read({ ...INSPECTOR, sub: 'police-constable' })).status).toBe(404);
    }
    const plans = await as(taf, 'taf', INSPECTOR, 'GET', '/v1/plans');
    expect(plans.body.items).toEqual([]);
    const families = await as(views, 'agency-views', INSPECTOR, 'GET', '/v1/families');
    expect(families.body.items).toEqual([]);
  });

  it('shows auditors the grant, each read made under it, and flags them in the family’s access log', async () => {
    await waitUntil('the ledger holds the reads made under the grant', async () => {
      const report = await atAudit(AUDITOR, 'GET', `/v1/break-glass/grants/${grantId}`);
      const services = new Set(report.body.reads.map((r: { what: { service: string } }) => r.what.service));
      return ['taf', 'parenting', 'referrals', 'agency-views'].every((s) => services.has(s));
    });
    const report = await atAudit(AUDITOR, 'GET', `/v1/break-glass/grants/${grantId}`);
    expect(report.body).toMatchObject({ grantId, familyId, reason: 'missing-child', status: 'active' });
    expect(report.body.readsMade).toBe(report.body.reads.length);
    for (const read of report.body.reads) {
      expect(read.who).toMatchObject({ personId: 'police-inspector', agencyId: 'demo-police' });
      expect(read.why).toMatchObject({ lawfulBasis: 'break-glass', breakGlassGrantId: grantId });
    }
    const log = await as(audit, 'audit', AUDITOR, 'GET', `/v1/audit/families/${familyId}/accesses?limit=500`);
    const flagged = log.body.items.filter((a: { why: { breakGlassGrantId?: string } }) => a.why.breakGlassGrantId);
    // Reads still on their way to the ledger may land between the two answers; none may be missing.
    expect(flagged.length).toBeGreaterThanOrEqual(report.body.readsMade);
    expect(flagged.every((a: { who: { agencyId: string } }) => a.who.agencyId === 'demo-police')).toBe(true);

    const list = await atAudit(AUDITOR, 'GET', '/v1/break-glass/grants');
    expect(list.body.items).toEqual([expect.objectContaining({ grantId, status: 'active' })]);
    expect(list.body.items[0].readsMade).toBeGreaterThanOrEqual(report.body.readsMade);
    expect((await atAudit(INSPECTOR, 'GET', '/v1/break-glass/grants')).body.items).toHaveLength(1);
    expect((await atAudit(HOUSING_MANAGER, 'GET', '/v1/break-glass/grants')).body.items).toEqual([]);
    expect((await atAudit(HOUSING_MANAGER, 'GET', `/v1/break-glass/grants/${grantId}`)).status).toBe(404);
    // A grant is not involvement: the inspector's manager role does not open the family's access log.
    const accessLog = await as(audit, 'audit', INSPECTOR, 'GET', `/v1/audit/families/${familyId}/accesses`);
    expect(accessLog.status).toBe(404);
  });

  it('refuses every read once the grant has expired, by each service’s own clock', async () => {
    for (const clock of clocks()) clock.advance(60 * 60_000);
    for (const read of [reads.plan, reads.timeline, reads.order, reads.referral, reads.family]) {
      expect((await read(INSPECTOR)).status).toBe(404);
    }
    const report = await atAudit(AUDITOR, 'GET', `/v1/break-glass/grants/${grantId}`);
    expect(report.body.status).toBe('expired');
    const end = await atAudit(INSPECTOR, 'POST', `/v1/break-glass/grants/${grantId}/end`);
    expect(end.status).toBe(409);
  });

  it('ends a grant early when its grantee is done', async () => {
    const granted = await atAudit(INSPECTOR, 'POST', '/v1/break-glass/grants', {
      familyId,
      reason: 'immediate-safeguarding-risk',
      details: 'Second call from the family home; need the lead professional’s contact.',
      durationMinutes: 30,
    });
    expect(granted.status).toBe(201);
    await waitUntil('taf has the new grant', async () => (await reads.plan(INSPECTOR)).status === 200);
    expect((await atAudit(HOUSING_MANAGER, 'POST', `/v1/break-glass/grants/${granted.body.grantId}/end`)).status).toBe(
      404,
    );
    const ended = await atAudit(INSPECTOR, 'POST', `/v1/break-glass/grants/${granted.body.grantId}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.status).toBe('ended');
    await waitUntil('taf has the end of the grant', async () => (await reads.plan(INSPECTOR)).status === 404);
    expect((await reads.order(INSPECTOR)).status).toBe(404);
  });
});
