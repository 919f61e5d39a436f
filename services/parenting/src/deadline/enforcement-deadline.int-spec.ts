import pg from 'pg';
import { DataSource } from 'typeorm';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { Outbox } from '@baton/messaging';
import { type ServiceUnderTest, startServiceUnderTest } from '@baton/testing';
import { call } from '../testing/http-client.js';
import { yotOrder } from '../testing/parenting-fixtures.js';
import { startParentingTestApp, type ParentingTestApp } from '../testing/parenting-test-app.js';
import { EnforcementDeadlineJob } from './enforcement-deadline.job.js';

describe('the contact-deadline and expiry job', () => {
  let running: ServiceUnderTest<ParentingTestApp>;
  let service: ParentingTestApp;
  let db: pg.Client;

  beforeAll(async () => {
    running = await startServiceUnderTest('parenting-deadline-job', (infra) =>
      startParentingTestApp(infra, new Date('2026-02-09T20:00:00Z')),
    );
    ({ service, db } = running);
  });

  afterAll(() => running?.stop());

  /** A second replica of the job: its own instance on the same database, as another process would be. */
  function replica(): EnforcementDeadlineJob {
    const app = service.app;
    return new EnforcementDeadlineJob(
      app.get(DataSource),
      app.get(Outbox),
      app.get(WorkingDayCalendar),
      app.get(Clock),
      3_600_000,
    );
  }

  const count = async (type: string) =>
    (await db.query('SELECT count(*)::int AS n FROM outbox WHERE type = $1', [`baton.order.${type}.v1`])).rows[0]
      .n as number;

  it('tells of each missed contact once, with two replicas scanning at the same moment and again after', async () => {
    const orders = [];
    for (let i = 0; i < 5; i++) {
      const made = await call(service, 'yotOfficer', 'POST', '/v1/orders', yotOrder('2026-02-02'));
      const escort = made.body.requirements.find((r: { kind: string }) => r.kind === 'escort-to-school');
      await call(service, 'yotOfficer', 'POST', `/v1/orders/${made.body.id}/compliance`, {
        requirementId: escort.requirementId,
        occurredOn: '2026-02-09',
        outcome: 'failed-without-excuse',
      });
      orders.push(made.body.id);
    }
    // Monday evening's breaches are due by the end of Tuesday: nothing is overdue on Tuesday afternoon.
    service.clock.set(new Date('2026-02-10T15:00:00Z'));
    expect(await replica().runOnce()).toBe(0);
    service.clock.set(new Date('2026-02-11T00:00:01Z'));
    const [a, b] = await Promise.all([service.app.get(EnforcementDeadlineJob).runOnce(), replica().runOnce()]);
    expect(a + b).toBe(5);
    expect(await replica().runOnce()).toBe(0);
    expect(await count('contact-overdue')).toBe(5);
    const { rows } = await db.query(
      "SELECT count(DISTINCT envelope->>'subject')::int AS n FROM outbox WHERE type = 'baton.order.contact-overdue.v1'",
    );
    expect(rows[0].n).toBe(5);
  });

  it('expires an order past its end only once no enforcement is open; one with a breach open stays an exception', async () => {
    service.clock.set(new Date('2026-02-09T20:00:00Z'));
    const shortOrder = { requirementsEndOn: '2026-08-31' };
    const quiet = await call(service, 'yotOfficer', 'POST', '/v1/orders', yotOrder('2026-02-02', shortOrder));
    const breached = await call(service, 'yotOfficer', 'POST', '/v1/orders', yotOrder('2026-02-02', shortOrder));
    const escort = breached.body.requirements.find((r: { kind: string }) => r.kind === 'escort-to-school');
    await call(service, 'yotOfficer', 'POST', `/v1/orders/${breached.body.id}/compliance`, {
      requirementId: escort.requirementId,
      occurredOn: '2026-02-09',
      outcome: 'failed-without-excuse',
    });
    service.clock.set(new Date('2026-09-02T09:00:00Z'));
    await replica().runOnce();
    const { rows } = await db.query('SELECT id, state FROM parenting_order WHERE id = ANY($1)', [
      [quiet.body.id, breached.body.id],
    ]);
    const state = new Map(rows.map((r: { id: string; state: string }) => [r.id, r.state]));
    expect(state.get(quiet.body.id)).toBe('expired');
    expect(state.get(breached.body.id)).toBe('in-force');
    expect(await count('expired')).toBe(1);
    await replica().runOnce();
    expect(await count('expired')).toBe(1);

    const exceptions = await call(service, 'yotManager', 'GET', '/v1/audit/exceptions?kind=past-end-still-open');
    expect(exceptions.body.items).toEqual([
      expect.objectContaining({ orderId: breached.body.id, since: '2026-08-31', detail: '1 enforcement case(s) open' }),
    ]);
  });
});
