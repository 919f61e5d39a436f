import pg from 'pg';
import { DataSource } from 'typeorm';
import { PlanEvents } from '@baton/contracts';
import { EventTap, provisionTestInfra, type TestInfra } from '@baton/testing';
import { MemberRolesFromLeads1763900000217 } from '../migrations/1763900000217-member-roles-from-leads.js';
import { httpClient } from '../testing/http-client.js';
import { directPlan, HUB_LEAD, SCHOOL_LEAD } from '../testing/taf-fixtures.js';
import { startTafTestApp, type TafTestApp } from '../testing/taf-test-app.js';

const MONDAY = new Date('2026-11-23T10:00:00Z');

describe('one named lead professional at every moment', () => {
  let infra: TestInfra;
  let service: TafTestApp;
  let tap: EventTap;
  let db: pg.Client;
  const call = httpClient(() => service);

  beforeAll(async () => {
    infra = await provisionTestInfra('taf-single-lead');
    service = await startTafTestApp(infra, MONDAY);
    tap = await EventTap.open(infra.natsUrl, infra.subjectPrefix);
    db = new pg.Client({ connectionString: infra.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await tap?.close();
    await service?.close();
    await infra?.dispose();
  });

  async function openPlan(): Promise<string> {
    const opened = await call('hubTriager', 'POST', '/v1/plans', directPlan({ lead: HUB_LEAD }));
    expect(opened.status).toBe(201);
    return opened.body.id as string;
  }

  async function proposeSchool(id: string, ifMatch: string) {
    return call(
      'hubTriager',
      'POST',
      `/v1/plans/${id}/handovers`,
      { proposedLead: SCHOOL_LEAD, familyPreference: { preference: 'agrees', note: 'Jo trusts the school' } },
      { 'if-match': ifMatch },
    );
  }

  async function leadsOf(id: string) {
    const { rows } = await db.query<{ person_id: string; started_at: Date; ended_at: Date | null }>(
      'SELECT person_id, started_at, ended_at FROM plan_lead WHERE plan_id = $1 ORDER BY started_at',
      [id],
    );
    return rows;
  }

  it('hands over only when the proposed lead accepts, effective at that instant, with no gap', async () => {
    const id = await openPlan();
    const proposed = await proposeSchool(id, '"1"');
    expect(proposed.status).toBe(201);
    expect(proposed.body.lead.professional.personId).toBe('hub-triager');
    expect(proposed.body.pendingHandover.proposedLead).toMatchObject({
      personId: 'school-dsl',
      agencyName: 'Oakfield Primary School',
    });
    const handoverId = proposed.body.pendingHandover.handoverId as string;

    // Someone else cannot accept for her.
    const impostor = await call(
      'healthVisitor',
      'POST',
      `/v1/plans/${id}/handovers/${handoverId}/acceptance`,
      undefined,
      { 'if-match': '"2"' },
    );
    expect(impostor.status).toBe(404);

    service.clock.advance(60_000);
    const accepted = await call('schoolDsl', 'POST', `/v1/plans/${id}/handovers/${handoverId}/acceptance`, undefined, {
      'if-match': '"2"',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ relationship: 'lead', lead: { professional: SCHOOL_LEAD } });
    expect(accepted.body.pendingHandover).toBeUndefined();
    // The school joined as the lead's agency, in its own role; the hub stays on the plan in the role it had.
    expect(accepted.body.members).toEqual([
      expect.objectContaining({ agencyId: 'demo-early-help-hub', role: 'Early help practitioner' }),
      expect.objectContaining({
        agencyId: 'demo-oakfield-primary',
        personId: 'school-dsl',
        role: 'Designated safeguarding lead',
      }),
    ]);

    const leads = await leadsOf(id);
    expect(leads.map((l) => l.person_id)).toEqual(['hub-triager', 'school-dsl']);
    expect(leads[0].ended_at).toEqual(leads[1].started_at);
    expect(leads[1].ended_at).toBeNull();

    const changed = await tap.waitFor((e) => e.type === PlanEvents.leadChanged.type && e.subject === id);
    expect(changed.data).toMatchObject({
      handoverId,
      lead: {
        personId: 'school-dsl',
        name: 'Priya Lanternby',
        agencyId: 'demo-oakfield-primary',
        role: 'Designated safeguarding lead',
        email: SCHOOL_LEAD.email,
        phone: SCHOOL_LEAD.phone,
      },
      previousLead: { personId: 'hub-triager' },
      effectiveAt: new Date(MONDAY.getTime() + 60_000).toISOString(),
      familyPreference: { preference: 'agrees', note: 'Jo trusts the school' },
      plan: { lead: { professional: { personId: 'school-dsl' } } },
    });
  });

  it('gives members back the roles an earlier handover overwrote, from their agency’s lead professional', async () => {
    const id = await openPlan();
    const proposed = await proposeSchool(id, '"1"');
    service.clock.advance(60_000);
    await call(
      'schoolDsl',
      'POST',
      `/v1/plans/${id}/handovers/${proposed.body.pendingHandover.handoverId}/acceptance`,
      undefined,
      { 'if-match': '"2"' },
    );
    // As the previous version left them.
    await db.query(
      `UPDATE plan_member SET role = CASE agency_id WHEN 'demo-early-help-hub' THEN 'practitioner' ELSE 'lead professional' END
        WHERE plan_id = $1`,
      [id],
    );
    const runner = service.app.get(DataSource).createQueryRunner();
    try {
      await new MemberRolesFromLeads1763900000217().up(runner);
    } finally {
      await runner.release();
    }
    const { rows } = await db.query('SELECT agency_id, role FROM plan_member WHERE plan_id = $1 ORDER BY agency_id', [
      id,
    ]);
    expect(rows).toEqual([
      { agency_id: 'demo-early-help-hub', role: 'Early help practitioner' },
      { agency_id: 'demo-oakfield-primary', role: 'Designated safeguarding lead' },
    ]);
  });

  it('leaves exactly one lead when two acceptances race, with or without If-Match', async () => {
    for (const ifMatch of ['"2"', '*']) {
      const id = await openPlan();
      const proposed = await proposeSchool(id, '"1"');
      const handoverId = proposed.body.pendingHandover.handoverId as string;
      const path = `/v1/plans/${id}/handovers/${handoverId}/acceptance`;
      const results = await Promise.all([
        call('schoolDsl', 'POST', path, undefined, { 'if-match': ifMatch }),
        call('schoolDsl', 'POST', path, undefined, { 'if-match': ifMatch }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, ifMatch === '*' ? 409 : 412]);
      const loser = results.find((r) => r.status !== 200);
      expect(loser?.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const leads = await leadsOf(id);
      expect(leads.filter((l) => l.ended_at === null)).toHaveLength(1);
      expect(leads).toHaveLength(2);
      await tap.waitFor((e) => e.type === PlanEvents.leadChanged.type && e.subject === id);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(tap.ofType(PlanEvents.leadChanged.type).filter((e) => e.subject === id)).toHaveLength(1);
    }
  });

  it('hands over at the very instant the current lead began, leaving them an empty tenure and no overlap', async () => {
    const id = await openPlan();
    const proposed = await proposeSchool(id, '"1"');
    const handoverId = proposed.body.pendingHandover.handoverId as string;
    // The settable clock stands still at the instant the plan opened with its first lead.
    const accepted = await call('schoolDsl', 'POST', `/v1/plans/${id}/handovers/${handoverId}/acceptance`, undefined, {
      'if-match': '"2"',
    });
    expect(accepted.status).toBe(200);
    const leads = await leadsOf(id);
    expect(leads.map((l) => l.person_id)).toEqual(['hub-triager', 'school-dsl']);
    expect(leads[0].started_at).toEqual(leads[0].ended_at);
    expect(leads[1].started_at).toEqual(leads[0].ended_at);
  });

  it("refuses with a 409 problem, writing nothing, a handover effective before the current lead's time began", async () => {
    const id = await openPlan();
    const proposed = await proposeSchool(id, '"1"');
    const handoverId = proposed.body.pendingHandover.handoverId as string;
    const began = service.clock.now();
    // Another replica's clock, a second behind the one that started the current lead's time.
    service.clock.set(new Date(began.getTime() - 1_000));
    try {
      const accepted = await call(
        'schoolDsl',
        'POST',
        `/v1/plans/${id}/handovers/${handoverId}/acceptance`,
        undefined,
        { 'if-match': '"2"' },
      );
      expect(accepted.status).toBe(409);
      expect(accepted.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(accepted.body).toMatchObject({ status: 409, title: 'The handover cannot be answered' });
      expect(accepted.body.type).toMatch(/isNotBeforeCurrentLeadStarted$/);
      expect(accepted.body.errors).toEqual([
        expect.objectContaining({ field: 'handover', rule: 'isNotBeforeCurrentLeadStarted' }),
      ]);
      expect((await leadsOf(id)).map((l) => [l.person_id, l.ended_at])).toEqual([['hub-triager', null]]);

      const closed = await call(
        'hubTriager',
        'POST',
        `/v1/plans/${id}/closure`,
        { reason: 'needs-met' },
        {
          'if-match': '"2"',
        },
      );
      expect(closed.status).toBe(409);
      expect(closed.body.errors).toEqual([
        expect.objectContaining({ field: 'plan', rule: 'isNotBeforeCurrentLeadStarted' }),
      ]);
    } finally {
      service.clock.set(began);
    }
  });

  it('leaves exactly one pending handover when two proposals race', async () => {
    const id = await openPlan();
    const [first, second] = await Promise.all([proposeSchool(id, '*'), proposeSchool(id, '*')]);
    expect([first.status, second.status]).toEqual([201, 201]);
    const { rows } = await db.query('SELECT status FROM plan_handover WHERE plan_id = $1 ORDER BY proposed_at', [id]);
    expect(rows.map((r) => r.status).sort()).toEqual(['proposed', 'superseded']);
  });

  it('records a declined handover and keeps the lead', async () => {
    const id = await openPlan();
    const proposed = await proposeSchool(id, '"1"');
    const handoverId = proposed.body.pendingHandover.handoverId as string;
    const declined = await call(
      'schoolDsl',
      'POST',
      `/v1/plans/${id}/handovers/${handoverId}/decline`,
      { reason: 'Not the right person now' },
      { 'if-match': '"2"' },
    );
    expect(declined.status).toBe(200);
    expect(declined.body).toEqual({ planId: id, handoverId, status: 'declined', planVersion: 3 });
    expect((await leadsOf(id)).map((l) => l.person_id)).toEqual(['hub-triager']);
    const late = await call('schoolDsl', 'POST', `/v1/plans/${id}/handovers/${handoverId}/acceptance`, undefined, {
      'if-match': '"3"',
    });
    expect(late.status).toBe(409);
    expect(late.body.errors).toEqual([
      expect.objectContaining({ rule: 'isPendingHandover', message: 'the handover was already declined' }),
    ]);
  });

  describe('the database itself', () => {
    async function inTransaction(statements: string[], params: unknown[][]): Promise<string | undefined> {
      try {
        await db.query('BEGIN');
        for (const [i, sql] of statements.entries()) await db.query(sql, params[i] ?? []);
        await db.query('COMMIT');
        return undefined;
      } catch (error) {
        await db.query('ROLLBACK');
        return (error as Error).message;
      }
    }

    it('refuses a second current lead', async () => {
      const id = await openPlan();
      const error = await inTransaction(
        [
          `INSERT INTO plan_lead (id, plan_id, person_id, name, agency_id, agency_name, role, email, started_at)
           VALUES (gen_random_uuid(), $1, 'school-dsl', 'P', 'demo-oakfield-primary', 'O', 'r', 'e', now())`,
        ],
        [[id]],
      );
      expect(error).toMatch(/plan_one_current_lead/);
    });

    it('refuses ending the lead with no successor: never a gap', async () => {
      const id = await openPlan();
      const error = await inTransaction(['UPDATE plan_lead SET ended_at = now() WHERE plan_id = $1'], [[id]]);
      expect(error).toMatch(/no current lead professional|gap between lead professionals/);
    });

    it('refuses a successor who starts later than the predecessor ended', async () => {
      const id = await openPlan();
      const error = await inTransaction(
        [
          `UPDATE plan_lead SET ended_at = now() WHERE plan_id = $1`,
          `INSERT INTO plan_lead (id, plan_id, person_id, name, agency_id, agency_name, role, email, started_at, previous_lead_id)
           SELECT '11111111-2222-4333-8444-555555555555', $1, 'school-dsl', 'P', 'demo-oakfield-primary', 'O', 'r', 'e',
                  now() + interval '1 hour', id FROM plan_lead WHERE plan_id = $1`,
          `UPDATE plan SET lead_id = '11111111-2222-4333-8444-555555555555' WHERE id = $1`,
        ],
        [[id], [id], [id]],
      );
      expect(error).toMatch(/two lead professionals at once/);
    });

    it('refuses a second lead taking over from the same predecessor', async () => {
      const id = await openPlan();
      const insert = `INSERT INTO plan_lead (id, plan_id, person_id, name, agency_id, agency_name, role, email, started_at, previous_lead_id)
        SELECT gen_random_uuid(), $1, 'school-dsl', 'P', 'demo-oakfield-primary', 'O', 'r', 'e', now(), id
          FROM plan_lead WHERE plan_id = $1 AND previous_lead_id IS NULL`;
      const error = await inTransaction(
        [`UPDATE plan_lead SET ended_at = now() WHERE plan_id = $1`, insert, insert],
        [[id], [id], [id]],
      );
      expect(error).toMatch(/previous_lead_id|plan_one_current_lead/);
    });

    it('refuses closing a plan without ending its lead at the same instant, and deleting lead history', async () => {
      const id = await openPlan();
      const closing = await inTransaction(
        [`UPDATE plan SET status = 'closed', closed_at = now(), next_review_date = NULL WHERE id = $1`],
        [[id]],
      );
      expect(closing).toMatch(/must end its lead's time at closure/);
      expect(await inTransaction(['DELETE FROM plan_lead WHERE plan_id = $1'], [[id]])).toMatch(/never deleted/);
    });
  });
});
