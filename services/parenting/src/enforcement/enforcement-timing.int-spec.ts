import pg from 'pg';
import { type ServiceUnderTest, startServiceUnderTest } from '@baton/testing';
import { EnforcementDeadlineJob } from '../deadline/enforcement-deadline.job.js';
import { call, type Reply } from '../testing/http-client.js';
import { yotOrder } from '../testing/parenting-fixtures.js';
import { startParentingTestApp, type ParentingTestApp } from '../testing/parenting-test-app.js';

// Tuesday 10 February 2026, 10:00 in London.
const TUESDAY = new Date('2026-02-10T10:00:00Z');

describe('enforcement timing: the contact deadline runs from the breach, a decision without contact is shown', () => {
  let running: ServiceUnderTest<ParentingTestApp>;
  let service: ParentingTestApp;
  let db: pg.Client;

  beforeAll(async () => {
    running = await startServiceUnderTest('parenting-enforcement-timing', (infra) =>
      startParentingTestApp(infra, TUESDAY),
    );
    ({ service, db } = running);
  });

  afterAll(() => running?.stop());

  async function breachOn(
    occurredOn: string,
  ): Promise<{ orderId: string; caseId: string; enforcement: Reply['body'] }> {
    const made = await call(service, 'yotOfficer', 'POST', '/v1/orders', yotOrder('2026-02-02'));
    expect(made.status).toBe(201);
    const escort = made.body.requirements.find((r: { kind: string }) => r.kind === 'escort-to-school');
    const failed = await call(service, 'yotOfficer', 'POST', `/v1/orders/${made.body.id}/compliance`, {
      requirementId: escort.requirementId,
      occurredOn,
      outcome: 'failed-without-excuse',
    });
    expect(failed.status).toBe(201);
    return { orderId: made.body.id, caseId: failed.body.enforcement.id, enforcement: failed.body.enforcement };
  }

  it('makes a breach entered a week late overdue at once, marked as recorded late, and tells of it', async () => {
    // Missed on Tuesday 3 February, entered on Tuesday 10 February: contact was due by the end of Wednesday 4th.
    const late = await breachOn('2026-02-03');
    expect(late.enforcement).toMatchObject({
      breachOn: '2026-02-03',
      contactDueAt: '2026-02-05T00:00:00.000Z',
      recordedLate: true,
    });
    // Entered the same day it happened: due by the end of the next working day, not late.
    const prompt = await breachOn('2026-02-10');
    expect(prompt.enforcement).toMatchObject({ contactDueAt: '2026-02-12T00:00:00.000Z', recordedLate: false });

    const exceptions = await call(service, 'yotManager', 'GET', '/v1/audit/exceptions?kind=no-contact-within-deadline');
    expect(exceptions.body.items).toEqual([
      expect.objectContaining({
        enforcementId: late.caseId,
        since: '2026-02-05T00:00:00Z',
        detail: 'no contact recorded; breach recorded late, on 2026-02-10',
      }),
    ]);
    await service.app.get(EnforcementDeadlineJob).runOnce();
    const { rows } = await db.query(
      "SELECT envelope->'data'->>'enforcementId' AS id FROM outbox WHERE type = 'baton.order.contact-overdue.v1'",
    );
    expect(rows).toEqual([{ id: late.caseId }]);
  });

  it('records a decision made before the parent was contacted as such and lists it among the exceptions', async () => {
    const uncontacted = await breachOn('2026-02-09');
    const decided = await call(
      service,
      'yotOfficer',
      'POST',
      `/v1/orders/${uncontacted.orderId}/enforcement/${uncontacted.caseId}/decision`,
      { decision: 'written-warning', reason: 'Warned without speaking to her first' },
      { 'if-match': '"1"' },
    );
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ decision: 'written-warning', decidedWithoutContact: true });

    const contacted = await breachOn('2026-02-09');
    const contact = await call(
      service,
      'yotOfficer',
      'POST',
      `/v1/orders/${contacted.orderId}/enforcement/${contacted.caseId}/contact`,
      { contactedAt: '2026-02-10T09:00:00Z', method: 'phone' },
      { 'if-match': '"1"' },
    );
    const after = await call(
      service,
      'yotOfficer',
      'POST',
      `/v1/orders/${contacted.orderId}/enforcement/${contacted.caseId}/decision`,
      { decision: 'written-warning', reason: 'Spoke to her; warned' },
      { 'if-match': contact.etag! },
    );
    expect(after.body.decidedWithoutContact).toBe(false);

    const exceptions = await call(service, 'yotManager', 'GET', '/v1/audit/exceptions?kind=decided-without-contact');
    expect(exceptions.body.items).toEqual([
      expect.objectContaining({
        kind: 'decided-without-contact',
        enforcementId: uncontacted.caseId,
        detail: 'written-warning decided before the parent was contacted',
      }),
    ]);
    const { rows } = await db.query(
      `SELECT envelope->'data'->>'enforcementId' AS id, envelope->'data'->'decidedWithoutContact' AS flag
         FROM outbox WHERE type = 'baton.order.enforcement-decided.v1' ORDER BY id`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: uncontacted.caseId, flag: true },
        { id: contacted.caseId, flag: false },
      ]),
    );
  });
});
