import pg from 'pg';
import { EventTap, type ServiceUnderTest, startServiceUnderTest } from '@baton/testing';
import { EnforcementDeadlineJob } from '../deadline/enforcement-deadline.job.js';
import { call } from '../testing/http-client.js';
import { yotOrder } from '../testing/parenting-fixtures.js';
import { startParentingTestApp, type ParentingTestApp } from '../testing/parenting-test-app.js';

describe('a parenting order from making to enforcement to discharge', () => {
  let running: ServiceUnderTest<ParentingTestApp>;
  let service: ParentingTestApp;
  let tap: EventTap;
  let db: pg.Client;

  beforeAll(async () => {
    running = await startServiceUnderTest('parenting-order-lifecycle', (infra) =>
      startParentingTestApp(infra, new Date('2026-02-02T10:00:00Z')),
    );
    ({ service, db } = running);
    tap = await EventTap.open(running.infra.natsUrl, running.infra.subjectPrefix);
  });

  afterAll(async () => {
    await tap?.close();
    await running?.stop();
  });

  const at = (iso: string) => service.clock.set(new Date(iso));
  const typed = (type: string, orderId: string) => (e: { type: string; subject: string }) =>
    e.type === `baton.order.${type}.v1` && e.subject === orderId;

  it('records the order, a missed session, a late contact, a warning, a prosecution with a second approver, and the discharge', async () => {
    const made = await call(service, 'yotOfficer', 'POST', '/v1/orders', yotOrder('2026-02-02'));
    expect(made.status).toBe(201);
    const orderId = made.body.id as string;
    const familyId = made.body.familyId as string;
    expect(made.body).toMatchObject({ state: 'in-force', requirementsEndOn: '2027-02-01', appealRoute: 'crown-court' });
    const programme = made.body.requirements.find((r: { kind: string }) => r.kind === 'programme');
    const madeEvent = await tap.waitFor(typed('made', orderId));
    expect(madeEvent).toMatchObject({ tenant: 'demo', familyid: familyId, actor: 'yot-officer' });
    expect(madeEvent.data).toMatchObject({ version: 1, holdingAgencyId: 'demo-yot', programmeOmitted: false });
    expect(JSON.stringify(madeEvent.data)).not.toContain('criminal damage');

    const session = await call(service, 'yotOfficer', 'POST', `/v1/orders/${orderId}/sessions`, {
      requirementId: programme.requirementId,
      startsAt: '2026-02-09T17:00:00Z',
      endsAt: '2026-02-09T19:00:00Z',
    });
    expect(session.status).toBe(201);

    at('2026-02-09T20:00:00Z');
    const missed = await call(service, 'yotOfficer', 'POST', `/v1/orders/${orderId}/compliance`, {
      requirementId: programme.requirementId,
      sessionId: session.body.id,
      occurredOn: '2026-02-09',
      outcome: 'failed-without-excuse',
      notes: 'Did not attend; no message',
    });
    expect(missed.status).toBe(201);
    const firstCase = missed.body.enforcement;
    expect(firstCase).toMatchObject({
      status: 'awaiting-contact',
      contactDueAt: '2026-02-11T00:00:00.000Z',
      version: 1,
    });
    const opened = await tap.waitFor(typed('enforcement-opened', orderId));
    expect(opened.data).toMatchObject({
      enforcementId: firstCase.id,
      requirementKind: 'programme',
      breachOn: '2026-02-09',
    });

    // One working day passes with no contact: the job says so once, however often it runs.
    at('2026-02-11T09:00:00Z');
    const job = service.app.get(EnforcementDeadlineJob);
    expect(await job.runOnce()).toBe(1);
    expect(await job.runOnce()).toBe(0);
    await tap.waitFor(typed('contact-overdue', orderId));

    const contact = await call(
      service,
      'yotOfficer',
      'POST',
      `/v1/orders/${orderId}/enforcement/${firstCase.id}/contact`,
      { contactedAt: '2026-02-11T08:30:00Z', method: 'phone', notes: 'Mother says she forgot' },
      { 'if-match': '"1"' },
    );
    expect(contact.status).toBe(200);
    expect(contact.etag).toBe('"2"');
    expect((await tap.waitFor(typed('parent-contacted', orderId))).data).toMatchObject({ withinDeadline: false });

    const warning = await call(
      service,
      'yotOfficer',
      'POST',
      `/v1/orders/${orderId}/enforcement/${firstCase.id}/decision`,
      { decision: 'written-warning', reason: 'First missed session; warned in writing' },
      { 'if-match': contact.etag! },
    );
    expect(warning.status).toBe(200);
    expect(warning.body).toMatchObject({ status: 'closed', decision: 'written-warning', workingDaysToDecision: 2 });
    const decided = await tap.waitFor(typed('enforcement-decided', orderId));
    expect(decided.data).toMatchObject({ decision: 'written-warning', takesEffect: true, workingDaysFromBreach: 2 });
    expect(JSON.stringify(decided.data)).not.toContain('warned in writing');

    // A second breach, referred for prosecution: it takes effect only when a manager approves.
    at('2026-02-17T09:00:00Z');
    const second = await call(service, 'yotOfficer', 'POST', `/v1/orders/${orderId}/compliance`, {
      requirementId: programme.requirementId,
      occurredOn: '2026-02-16',
      outcome: 'failed-without-excuse',
    });
    const secondCase = second.body.enforcement;
    const referral = await call(
      service,
      'yotOfficer',
      'POST',
      `/v1/orders/${orderId}/enforcement/${secondCase.id}/decision`,
      { decision: 'prosecution-referral', reason: 'Second failure after a written warning' },
      { 'if-match': '"1"' },
    );
    expect(referral.body).toMatchObject({ status: 'awaiting-approval' });
    await tap.waitFor(typed('prosecution-approval-requested', orderId));
    const byOfficer = await call(
      service,
      'yotOfficer',
      'POST',
      `/v1/orders/${orderId}/enforcement/${secondCase.id}/approval`,
      { approve: true, reason: 'self' },
      { 'if-match': referral.etag! },
    );
    expect(byOfficer.status).toBe(403);
    const approved = await call(
      service,
      'yotManager',
      'POST',
      `/v1/orders/${orderId}/enforcement/${secondCase.id}/approval`,
      { approve: true, reason: 'Warning ignored; proportionate' },
      { 'if-match': referral.etag! },
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'closed',
      approval: 'approved',
      approvedBy: { personId: 'yot-manager' },
    });
    const approvedEvent = await tap.waitFor(typed('prosecution-approved', orderId));
    expect(approvedEvent.data).toMatchObject({
      decidedBy: { personId: 'yot-officer' },
      approvedBy: { personId: 'yot-manager' },
    });

    const exceptions = await call(service, 'yotManager', 'GET', '/v1/audit/exceptions?kind=no-contact-within-deadline');
    expect(exceptions.body.items).toEqual([
      expect.objectContaining({ orderId, enforcementId: firstCase.id, detail: 'contacted after the deadline' }),
    ]);
    const report = await call(service, 'yotManager', 'GET', '/v1/audit/consistency?from=2026-01-01&to=2026-12-31');
    expect(report.body.agencies).toEqual([
      expect.objectContaining({
        holdingAgencyId: 'demo-yot',
        ordersHeld: 1,
        breaches: 2,
        writtenWarnings: 1,
        prosecutionReferrals: 1,
        shareWrittenWarning: 0.5,
        medianWorkingDaysBreachToDecision: 1.5,
      }),
    ]);

    const application = await call(service, 'yotOfficer', 'POST', `/v1/orders/${orderId}/applications`, {
      kind: 'discharge',
      applicant: 'parent',
      appliedOn: '2026-03-02',
      details: 'Mother has engaged fully since the prosecution referral',
    });
    expect(application.status).toBe(201);
    const outcome = await call(
      service,
      'yotOfficer',
      'POST',
      `/v1/orders/${orderId}/applications/${application.body.id}/outcome`,
      {
        outcome: 'granted',
        decidedOn: '2026-03-16',
      },
    );
    expect(outcome.status).toBe(200);
    expect((await tap.waitFor(typed('discharged', orderId))).data).toMatchObject({ status: { state: 'discharged' } });

    const timeline = await call(service, 'yotManager', 'GET', `/v1/orders/${orderId}/timeline`);
    expect(timeline.body.entries.map((e: { what: string }) => e.what)).toEqual([
      'made',
      'session-scheduled',
      'compliance-recorded',
      'enforcement-opened',
      'contact-overdue',
      'parent-contacted',
      'enforcement-decided',
      'compliance-recorded',
      'enforcement-opened',
      'enforcement-decided',
      'prosecution-approved',
      'variation-applied',
      'application-granted',
    ]);

    const versions = tap.events.filter((e) => e.subject === orderId).map((e) => e.data.version as number);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    const { rows } = await db.query('SELECT version, state FROM parenting_order WHERE id = $1', [orderId]);
    expect(rows[0]).toMatchObject({ state: 'discharged', version: Math.max(...versions) });
  });
});
