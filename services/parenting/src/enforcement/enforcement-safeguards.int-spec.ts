import pg from 'pg';
import { type ServiceUnderTest, startServiceUnderTest } from '@baton/testing';
import { call } from '../testing/http-client.js';
import { yotOrder, type Person } from '../testing/parenting-fixtures.js';
import { startParentingTestApp, type ParentingTestApp } from '../testing/parenting-test-app.js';

describe('enforcement safeguards: the two-person rule and concurrent decisions', () => {
  let running: ServiceUnderTest<ParentingTestApp>;
  let service: ParentingTestApp;
  let db: pg.Client;

  beforeAll(async () => {
    running = await startServiceUnderTest('parenting-enforcement-safeguards', (infra) =>
      startParentingTestApp(infra, new Date('2026-02-10T10:00:00Z')),
    );
    ({ service, db } = running);
  });

  afterAll(() => running?.stop());

  /** An order held by `officer` with one apparent breach awaiting a decision. */
  async function breachHeldBy(officer: Person): Promise<{ orderId: string; caseId: string }> {
    const made = await call(service, officer, 'POST', '/v1/orders', yotOrder('2026-02-02'));
    expect(made.status).toBe(201);
    const escort = made.body.requirements.find((r: { kind: string }) => r.kind === 'escort-to-school');
    const failed = await call(service, officer, 'POST', `/v1/orders/${made.body.id}/compliance`, {
      requirementId: escort.requirementId,
      occurredOn: '2026-02-09',
      outcome: 'failed-without-excuse',
    });
    return { orderId: made.body.id, caseId: failed.body.enforcement.id };
  }

  const decide = (person: Person, ids: { orderId: string; caseId: string }, decision: string, etag: string) =>
    call(
      service,
      person,
      'POST',
      `/v1/orders/${ids.orderId}/enforcement/${ids.caseId}/decision`,
      { decision, reason: `${decision} by ${person}` },
      { 'if-match': etag },
    );
  const approve = (person: Person, ids: { orderId: string; caseId: string }, etag: string) =>
    call(
      service,
      person,
      'POST',
      `/v1/orders/${ids.orderId}/enforcement/${ids.caseId}/approval`,
      { approve: true, reason: 'approved' },
      { 'if-match': etag },
    );

  it('refuses to let one person holding both the officer and manager roles approve their own prosecution referral', async () => {
    const ids = await breachHeldBy('yotOfficerManager');
    const referred = await decide('yotOfficerManager', ids, 'prosecution-referral', '"1"');
    expect(referred.status).toBe(200);
    const own = await approve('yotOfficerManager', ids, referred.etag!);
    expect(own.status).toBe(403);
    expect(own.contentType).toContain('application/problem+json');
    expect(own.body.errors).toEqual([expect.objectContaining({ rule: 'twoPersonRule.approverIsNotDecider' })]);
    const { rows } = await db.query('SELECT status, approved_by FROM enforcement_case WHERE id = $1', [ids.caseId]);
    expect(rows[0]).toEqual({ status: 'awaiting-approval', approved_by: null });

    const other = await approve('yotManager', ids, referred.etag!);
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({
      approval: 'approved',
      decidedBy: { personId: 'yot-senior' },
      approvedBy: { personId: 'yot-manager' },
    });
  });

  it('keeps the rule in the database too: no row can be approved by the person who decided it', async () => {
    const ids = await breachHeldBy('yotOfficer');
    await decide('yotOfficer', ids, 'prosecution-referral', '"1"');
    await expect(
      db.query(
        `UPDATE enforcement_case SET status = 'closed', approved_by = '{"personId":"yot-officer","name":"x","agencyId":"demo-yot"}' WHERE id = $1`,
        [ids.caseId],
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('refuses approval from someone who is not a manager of the holding agency, and hides the order from other agencies', async () => {
    const ids = await breachHeldBy('yotOfficer');
    const referred = await decide('yotOfficer', ids, 'prosecution-referral', '"1"');
    const outsider = await approve('auditor', ids, referred.etag!);
    expect(outsider.status).toBe(403);
    const ewo = await call(service, 'ewoOfficer', 'GET', `/v1/orders/${ids.orderId}`);
    expect(ewo.status).toBe(404);
  });

  it('lets exactly one of two concurrent decisions on one breach win; the other gets 412', async () => {
    const ids = await breachHeldBy('yotOfficer');
    const [a, b] = await Promise.all([
      decide('yotOfficer', ids, 'written-warning', '"1"'),
      decide('yotManager', ids, 'no-action', '"1"'),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const loser = a.status === 412 ? a : b;
    expect(loser.contentType).toContain('application/problem+json');
    expect(loser.body.errors).toEqual([expect.objectContaining({ field: 'If-Match', rule: 'matchesCurrentVersion' })]);
    const winner = a.status === 200 ? a : b;
    const { rows } = await db.query('SELECT decision, version FROM enforcement_case WHERE id = $1', [ids.caseId]);
    expect(rows[0]).toEqual({ decision: winner.body.decision, version: 2 });
    const events = await db.query(
      "SELECT count(*)::int AS n FROM outbox WHERE type = 'baton.order.enforcement-decided.v1' AND envelope->'data'->>'enforcementId' = $1",
      [ids.caseId],
    );
    expect(events.rows[0].n).toBe(1);
  });

  it('asks for If-Match on a decision (428) rather than guessing the version', async () => {
    const ids = await breachHeldBy('yotOfficer');
    const response = await call(
      service,
      'yotOfficer',
      'POST',
      `/v1/orders/${ids.orderId}/enforcement/${ids.caseId}/decision`,
      {
        decision: 'no-action',
        reason: 'x',
      },
    );
    expect(response.status).toBe(428);
  });
});
