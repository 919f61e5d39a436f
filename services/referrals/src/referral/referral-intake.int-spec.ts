import pg from 'pg';
import { ReferralEvents, AccessEvents } from '@baton/contracts';
import { ApiContract, EventTap, type ServiceUnderTest, startServiceUnderTest, type TestInfra } from '@baton/testing';
import { PEOPLE, schoolReferral, tokenFor, type Person } from '../testing/referral-fixtures.js';
import { startReferralsTestApp, type ReferralsTestApp } from '../testing/referrals-test-app.js';

// Friday 20 November 2026, 10:00 in London (GMT): the decision is due by the end of Monday 23rd.
const FRIDAY_MORNING = new Date('2026-11-20T10:00:00Z');

describe('referral intake and triage over HTTP', () => {
  let infra: TestInfra;
  let running: ServiceUnderTest<ReferralsTestApp>;
  let service: ReferralsTestApp;
  let tap: EventTap;
  let db: pg.Client;

  beforeAll(async () => {
    running = await startServiceUnderTest('referral-intake', (infra) => startReferralsTestApp(infra, FRIDAY_MORNING));
    ({ infra, service, db } = running);
    tap = await EventTap.open(infra.natsUrl, infra.subjectPrefix);
  });

  afterAll(async () => {
    await tap?.close();
    await running?.stop();
  });

  async function call(
    person: Person,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokenFor(service.issuer, person)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const answer = { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    // Every answer is held to the committed OpenAPI document.
    const contentType = response.headers.get('content-type');
    ApiContract.of('referrals').check({ method, url: path, status: answer.status, contentType, body: answer.body });
    return answer;
  }

  it('takes a referral from a school to the hub, triages it and tells the school the outcome', async () => {
    const created = await call('schoolDsl', 'POST', '/v1/referrals', schoolReferral());
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.headers.get('location')).toBe(`/v1/referrals/${id}`);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({ status: 'received', decisionDueAt: '2026-11-24T00:00:00.000Z' });

    const received = await tap.waitFor((e) => e.type === ReferralEvents.received.type && e.subject === id);
    expect(received.natsSubject).toBe(`${infra.subjectPrefix}.demo.referral.received`);
    expect(received.data).toMatchObject({
      receivingAgencyId: 'demo-early-help-hub',
      sourceCode: '2A',
      proposedLevelOfNeed: 3,
    });
    expect(JSON.stringify(received.data)).not.toContain('Sam Teacher');

    const queue = await call('hubTriager', 'GET', '/v1/triage/queue');
    expect(queue.body.items.map((r: { id: string }) => r.id)).toContain(id);

    const missingIfMatch = await call('hubTriager', 'POST', `/v1/referrals/${id}/decision`, {
      outcome: 'accept-early-help',
      levelOfNeed: 3,
      reasons: 'Needs across education and family support: a TAF is appropriate.',
    });
    expect(missingIfMatch.status).toBe(428);
    expect(missingIfMatch.headers.get('content-type')).toMatch(/application\/problem\+json/);

    const stale = await call(
      'hubTriager',
      'POST',
      `/v1/referrals/${id}/decision`,
      { outcome: 'accept-early-help', levelOfNeed: 3, reasons: 'TAF.' },
      { 'if-match': '"7"' },
    );
    expect(stale.status).toBe(412);

    const decided = await call(
      'hubTriager',
      'POST',
      `/v1/referrals/${id}/decision`,
      {
        outcome: 'accept-early-help',
        levelOfNeed: 3,
        reasons: 'TAF needed.',
        allocatedTeamId: 'demo-hub-family-support',
      },
      { 'if-match': created.headers.get('etag') ?? '' },
    );
    expect(decided.status).toBe(200);
    expect(decided.headers.get('etag')).toBe('"2"');
    const event = await tap.waitFor((e) => e.type === ReferralEvents.decided.type && e.subject === id);
    expect(event.data).toMatchObject({
      outcome: 'accept-early-help',
      levelOfNeed: 3,
      urgent: false,
      referrerAgencyId: 'demo-oakfield-primary',
    });

    const asSchool = await call('schoolDsl', 'GET', `/v1/referrals/${id}`);
    expect(asSchool.status).toBe(200);
    expect(asSchool.body.outcome).toEqual({
      outcome: 'accept-early-help',
      levelOfNeed: 3,
      decidedAt: FRIDAY_MORNING.toISOString(),
    });
    expect(asSchool.body.decision).toBeUndefined();

    const again = await call(
      'hubTriager',
      'POST',
      `/v1/referrals/${id}/decision`,
      { outcome: 'no-further-action', levelOfNeed: 1, reasons: 'x' },
      { 'if-match': '"2"' },
    );
    expect(again.status).toBe(409);

    const read = await tap.waitFor(
      (e) =>
        e.type === AccessEvents.recorded.type &&
        e.actor === PEOPLE.schoolDsl.sub &&
        (e.data.action as string) === 'read',
    );
    expect(read.data).toMatchObject({
      recordType: 'referral',
      recordIds: [id],
      accessor: { agencyId: 'demo-oakfield-primary' },
    });
  });

  it('answers 404 to an agency with no part in the referral, and records no read for it', async () => {
    const created = await call(
      'schoolDsl',
      'POST',
      '/v1/referrals',
      schoolReferral({
        family: { children: [{ givenName: 'Bea', familyName: 'Sample', dateOfBirth: '2015-01-01' }], carers: [] },
      }),
    );
    const other = await call('yotOfficer', 'GET', `/v1/referrals/${created.body.id}`);
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await call('yotOfficer', 'GET', '/v1/referrals/not-a-uuid')).status).toBe(404);
  });

  it('links a second referral about a child already awaiting triage, and tells the owner', async () => {
    const child = { givenName: 'Cara', familyName: 'Duplicate', dateOfBirth: '2014-09-09' };
    const first = await call(
      'schoolDsl',
      'POST',
      '/v1/referrals',
      schoolReferral({ family: { children: [child], carers: [] } }),
    );
    const second = await call('hubTriager', 'POST', '/v1/referrals', {
      source: { kind: 'individual', relationship: 'family-member', name: 'An Aunt' },
      sourceCode: '1A',
      family: { children: [{ ...child, givenName: 'CARA' }], carers: [] },
      concerns: { summary: 'Aunt worried about shouting at home.', categories: ['family-relationships'] },
      proposedLevelOfNeed: 2,
      consent: {
        status: 'not-sought',
        sharingAgreed: false,
        lawfulBasis: 'safeguarding-significant-harm',
        reason: 'Raising it could put the child at risk',
      },
    });
    expect(second.status).toBe(201);
    expect(second.body.linkedToReferralId).toBe(first.body.id);
    expect(second.body.familyId).toBe(first.body.familyId);
    const linked = await tap.waitFor((e) => e.type === ReferralEvents.linked.type && e.subject === second.body.id);
    expect(linked.data).toMatchObject({ linkedToReferralId: first.body.id, ownerAgencyId: 'demo-early-help-hub' });
    expect(linked.data.matchedChildIds).toEqual([first.body.family.children[0].childId]);
  });

  it('returns the same referral for a repeated Idempotency-Key, and refuses the key with another body', async () => {
    const body = schoolReferral({
      family: { children: [{ givenName: 'Dev', familyName: 'Retry', dateOfBirth: '2017-07-07' }], carers: [] },
    });
    const first = await call('schoolDsl', 'POST', '/v1/referrals', body, { 'idempotency-key': 'retry-1' });
    const second = await call('schoolDsl', 'POST', '/v1/referrals', body, { 'idempotency-key': 'retry-1' });
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    // The retry names the events the first request produced, so a client can still read its own write.
    const produced = first.headers.get('baton-events');
    const received = await db.query(
      "SELECT id FROM outbox WHERE type = 'baton.referral.received.v1' AND aggregate_id = $1",
      [first.body.id],
    );
    expect(produced).toBe(received.rows[0].id);
    expect(second.headers.get('baton-events')).toBe(produced);
    const rows = await db.query(
      'SELECT count(*)::int AS n FROM referral WHERE children @> \'[{"familyName":"Retry"}]\'',
    );
    expect(rows.rows[0].n).toBe(1);

    const changed = await call(
      'schoolDsl',
      'POST',
      '/v1/referrals',
      { ...body, proposedLevelOfNeed: 2 },
      { 'idempotency-key': 'retry-1' },
    );
    expect(changed.status).toBe(422);
    expect(changed.body.errors[0]).toMatchObject({ field: 'Idempotency-Key', rule: 'sameBodyForSameKey' });
  });

  it('withdraws a referral not yet triaged', async () => {
    const created = await call(
      'schoolDsl',
      'POST',
      '/v1/referrals',
      schoolReferral({
        family: { children: [{ givenName: 'Eli', familyName: 'Withdrawn', dateOfBirth: '2013-03-03' }], carers: [] },
      }),
    );
    const withdrawn = await call(
      'schoolDsl',
      'POST',
      `/v1/referrals/${created.body.id}/withdrawal`,
      { reason: 'Sent in error' },
      { 'if-match': '"1"' },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    await tap.waitFor((e) => e.type === ReferralEvents.withdrawn.type && e.subject === created.body.id);
  });

  it('lists referrals past their decision deadline and announces each exactly once', async () => {
    const created = await call(
      'schoolDsl',
      'POST',
      '/v1/referrals',
      schoolReferral({
        family: { children: [{ givenName: 'Fin', familyName: 'Overdue', dateOfBirth: '2012-02-02' }], carers: [] },
      }),
    );
    const { DecisionDeadlineJob } = await import('../deadline/decision-deadline.job.js');
    const job = service.app.get(DecisionDeadlineJob);
    expect((await call('hubTriager', 'GET', '/v1/triage/overdue')).body.items).toEqual([]);

    service.clock.set(new Date('2026-11-23T23:59:59Z'));
    await job.runOnce();
    expect(tap.ofType(ReferralEvents.decisionOverdue.type).filter((e) => e.subject === created.body.id)).toHaveLength(
      0,
    );

    service.clock.set(new Date('2026-11-24T00:00:01Z'));
    await Promise.all([job.runOnce(), job.runOnce()]);
    await job.runOnce();
    await tap.waitFor((e) => e.type === ReferralEvents.decisionOverdue.type && e.subject === created.body.id);
    const overdue = await call('hubTriager', 'GET', '/v1/triage/overdue');
    expect(overdue.body.items.map((r: { id: string }) => r.id)).toContain(created.body.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tap.ofType(ReferralEvents.decisionOverdue.type).filter((e) => e.subject === created.body.id)).toHaveLength(
      1,
    );
    service.clock.set(FRIDAY_MORNING);
  });
});
