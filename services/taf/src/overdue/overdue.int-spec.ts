import pg from 'pg';
import { PlanEvents } from '@baton/contracts';
import { EventTap, provisionTestInfra, type TestInfra } from '@baton/testing';
import { httpClient } from '../testing/http-client.js';
import { directPlan, HUB_LEAD } from '../testing/taf-fixtures.js';
import { startTafTestApp, type TafTestApp } from '../testing/taf-test-app.js';
import { OverdueJob } from './overdue.job.js';

// Monday 23 November 2026, 10:00 in London.
const MONDAY = new Date('2026-11-23T10:00:00Z');

describe('overdue actions and reviews', () => {
  let infra: TestInfra;
  let replicaA: TafTestApp;
  let replicaB: TafTestApp;
  let tap: EventTap;
  let db: pg.Client;
  const call = httpClient(() => replicaA);

  beforeAll(async () => {
    infra = await provisionTestInfra('taf-overdue');
    // Two replicas of the service on one database, as in production.
    replicaA = await startTafTestApp(infra, MONDAY);
    replicaB = await startTafTestApp(infra, MONDAY);
    tap = await EventTap.open(infra.natsUrl, infra.subjectPrefix);
    db = new pg.Client({ connectionString: infra.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await tap?.close();
    await replicaB?.close();
    await replicaA?.close();
    await infra?.dispose();
  });

  function at(instant: string): void {
    replicaA.clock.set(new Date(instant));
    replicaB.clock.set(new Date(instant));
  }

  async function scanOnBothReplicas(): Promise<number> {
    const counts = await Promise.all([replicaA.app.get(OverdueJob).runOnce(), replicaB.app.get(OverdueJob).runOnce()]);
    return counts[0] + counts[1];
  }

  async function eventsOf(type: string, planId: string): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return tap.ofType(type).filter((e) => e.subject === planId).length;
  }

  it('announces each overdue action and review once across replicas and restarts', async () => {
    at(MONDAY.toISOString());
    // The school opens it, so the school is a member that can own an action.
    const opened = await call('schoolDsl', 'POST', '/v1/plans', directPlan({ lead: HUB_LEAD }));
    const id = opened.body.id as string;
    const outcomes = await call(
      'hubTriager',
      'PUT',
      `/v1/plans/${id}/outcomes`,
      { outcomes: [{ headlineOutcome: 'education', description: 'In school every day' }] },
      { 'if-match': '"1"' },
    );
    const outcomeId = outcomes.body.outcomes[0].outcomeId as string;
    const added = await call(
      'hubTriager',
      'POST',
      `/v1/plans/${id}/actions`,
      { outcomeId, description: 'Attendance meeting', ownerAgencyId: 'demo-oakfield-primary', dueDate: '2026-11-24' },
      { 'if-match': '"2"' },
    );
    const actionId = added.body.actions[0].actionId as string;

    // Still due on its due day.
    at('2026-11-24T16:00:00Z');
    expect(await scanOnBothReplicas()).toBe(0);

    // The day after: overdue, told once although both replicas scan at the same moment.
    at('2026-11-25T08:00:00Z');
    expect(await scanOnBothReplicas()).toBe(1);
    expect(await eventsOf(PlanEvents.actionOverdue.type, id)).toBe(1);
    const overdue = tap.ofType(PlanEvents.actionOverdue.type).find((e) => e.subject === id);
    expect(overdue?.data).toMatchObject({
      action: { actionId, ownerAgencyId: 'demo-oakfield-primary', dueDate: '2026-11-24', overdue: true },
      detectedAt: '2026-11-25T08:00:00.000Z',
      planVersion: 4,
    });
    expect(overdue?.actor).toBe('system');

    // A restarted replica finds nothing new to tell.
    const restarted = await startTafTestApp(infra, new Date('2026-11-25T09:00:00Z'));
    expect(await restarted.app.get(OverdueJob).runOnce()).toBe(0);
    await restarted.close();

    // A new due date can become overdue again, once.
    const moved = await call(
      'schoolDsl',
      'PATCH',
      `/v1/plans/${id}/actions/${actionId}`,
      { dueDate: '2026-11-27', status: 'in-progress' },
      { 'if-match': '"4"' },
    );
    expect(moved.status).toBe(200);
    expect(moved.body.actions[0]).toMatchObject({ overdue: false, status: 'in-progress' });
    at('2026-11-30T08:00:00Z');
    expect(await scanOnBothReplicas()).toBe(1);
    expect(await scanOnBothReplicas()).toBe(0);

    // The review due Monday 4 January 2027 is overdue from Tuesday 5th; a done action never is.
    await call('schoolDsl', 'PATCH', `/v1/plans/${id}/actions/${actionId}`, { status: 'done' }, { 'if-match': '"6"' });
    at('2027-01-04T18:00:00Z');
    expect(await scanOnBothReplicas()).toBe(0);
    at('2027-01-05T08:00:00Z');
    expect(await scanOnBothReplicas()).toBe(1);
    expect(await eventsOf(PlanEvents.reviewOverdue.type, id)).toBe(1);
    expect(tap.ofType(PlanEvents.reviewOverdue.type).find((e) => e.subject === id)?.data).toMatchObject({
      reviewDueDate: '2027-01-04',
      plan: { nextReviewDate: '2027-01-04' },
    });
    expect(await scanOnBothReplicas()).toBe(0);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM plan_timeline WHERE plan_id = $1 AND type = $2', [
      id,
      PlanEvents.actionOverdue.type,
    ]);
    expect(rows[0].n).toBe(2);
  });
});
