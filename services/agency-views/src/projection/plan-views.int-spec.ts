import { connect } from '@nats-io/transport-node';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { startAgencyViewsTestApp, type AgencyViewsTestApp } from '../testing/agency-views-test-app.js';
import { clientFor } from '../testing/http-client.fixture.js';
import { tokenFor } from '../testing/people.fixture.js';
import { OrderScript } from '../testing/parenting-events.fixture.js';
import { PlanScript, PROFESSIONALS } from '../testing/plan-events.fixture.js';
import { EventStreamReader } from '../testing/sse.fixture.js';
import { aFamily, publishEvents, referralDecided, referralReceived } from '../testing/view-events.fixture.js';

const MONDAY = new Date('2026-11-23T09:00:00Z');

describe('agency views of families with a Team Around the Family plan', () => {
  let infra: TestInfra;
  let service: AgencyViewsTestApp;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let call: ReturnType<typeof clientFor>;

  beforeAll(async () => {
    infra = await provisionTestInfra('agency-views-plans');
    service = await startAgencyViewsTestApp(infra, { now: MONDAY });
    nc = await connect({ servers: infra.natsUrl });
    js = jetstream(nc);
    call = clientFor(() => service.url, service.issuer);
  });

  afterAll(async () => {
    await nc?.close();
    await service?.close();
    await infra?.dispose();
  });

  const publish = (...events: Parameters<typeof publishEvents>[2]) => publishEvents(js, infra.subjectPrefix, events);
  const last = (positions: number[]) => positions.at(-1) as number;

  it('shows every member agency the same plan and the same named lead professional', async () => {
    const family = aFamily();
    const plan = new PlanScript(family, PROFESSIONALS.adultWorker, [PROFESSIONALS.schoolDsl]);
    const at = last(
      await publish(
        referralReceived(family),
        referralDecided(family),
        plan.opened(),
        plan.memberJoined(PROFESSIONALS.yotOfficer),
      ),
    );
    const views = await Promise.all(
      (['schoolDsl', 'yotOfficer', 'adultWorker'] as const).map((p) =>
        call(p, `/v1/families/${family.familyId}?minPosition=${at}`),
      ),
    );
    for (const view of views) {
      expect(view.status).toBe(200);
      expect(view.body.leadProfessional).toEqual({
        personId: 'adult-worker',
        name: 'Callum Dewbury',
        agencyId: 'demo-adult-services',
        agencyName: 'Demo Adult Services',
        role: 'Family support worker',
        contact: { email: 'callum.dewbury@demo-borough.example.org', phone: '01632 960101' },
        since: '2026-11-23T10:00:00.000Z',
      });
      expect(view.body.plan).toMatchObject({
        planId: plan.planId,
        version: 2,
        status: 'open',
        nextReviewDue: '2027-01-04',
      });
      expect(view.body.plan.members.map((m: { agencyId: string }) => m.agencyId)).toEqual([
        'demo-adult-services',
        'demo-oakfield-primary',
        'demo-yot',
      ]);
    }
    expect(views.map((v) => v.body.relationships)).toEqual([
      ['plan-member'],
      ['plan-member'],
      ['lead-professional', 'plan-member'],
    ]);
    // The plan took the referral on: the hub that triaged it is not a member, so the family is not its to see.
    expect((await call('hubTriager', `/v1/families/${family.familyId}`)).status).toBe(404);
  });

  it('propagates a lead handover to every member, live', async () => {
    const family = aFamily();
    const plan = new PlanScript(family, PROFESSIONALS.adultWorker, [PROFESSIONALS.schoolDsl, PROFESSIONALS.yotOfficer]);
    const opened = last(await publish(plan.opened()));
    await call('yotOfficer', `/v1/families/${family.familyId}?minPosition=${opened}`);
    const streams = await Promise.all(
      (['schoolDsl', 'yotOfficer', 'adultWorker'] as const).map(async (p) =>
        EventStreamReader.open(`${service.url}/v1/families/changes`, await tokenFor(service.issuer, p)),
      ),
    );
    try {
      const [handover] = await publish(plan.leadChanged(PROFESSIONALS.yotOfficer));
      for (const stream of streams) {
        const changed = await stream.waitFor((e) => e.event === 'family-changed' && e.id === String(handover));
        expect(changed.data).toMatchObject({
          familyId: family.familyId,
          position: handover,
          leadProfessional: {
            name: 'Owen Thistlecombe',
            agencyId: 'demo-yot',
            agencyName: 'Demo Youth Offending Team',
          },
        });
      }
    } finally {
      streams.forEach((s) => s.close());
    }
  });

  it('tells a reconnecting screen to reload when changes were made while it was away, and not otherwise', async () => {
    const family = aFamily();
    const plan = new PlanScript(family, PROFESSIONALS.adultWorker, [PROFESSIONALS.schoolDsl, PROFESSIONALS.yotOfficer]);
    const opened = last(await publish(plan.opened()));
    await call('schoolDsl', `/v1/families/${family.familyId}?minPosition=${opened}`);
    const token = await tokenFor(service.issuer, 'schoolDsl');
    const url = `${service.url}/v1/families/changes`;
    const first = await EventStreamReader.open(url, token);
    const { id: seen } = await first.waitFor((e) => e.event === 'position');
    first.close();

    const [handover] = await publish(plan.leadChanged(PROFESSIONALS.yotOfficer));
    await call('schoolDsl', `/v1/families/${family.familyId}?minPosition=${handover}`);
    const behind = await EventStreamReader.open(url, token, seen);
    const caughtUp = await EventStreamReader.open(url, token, String(handover));
    try {
      const missed = await behind.waitFor((e) => e.event === 'missed-changes');
      expect(missed.data).toEqual({ lastEventId: seen, position: expect.any(Number) });
      expect((missed.data as { position: number }).position).toBeGreaterThanOrEqual(handover);
      await caughtUp.waitFor((e) => e.event === 'position');
      const [later] = await publish(plan.memberLeft('demo-oakfield-primary'));
      await caughtUp.waitFor((e) => e.event === 'family-removed' && e.id === String(later));
      expect(caughtUp.events.map((e) => e.event)).toEqual(['position', 'family-removed']);
      const unreadable = await EventStreamReader.open(url, token, 'yesterday');
      await unreadable.waitFor((e) => e.event === 'missed-changes');
      unreadable.close();
    } finally {
      behind.close();
      caughtUp.close();
    }
  });

  it('takes the family away from an agency removed from the plan in the same update', async () => {
    const family = aFamily({ child: { ...aFamily().child, familyName: 'Removington' } });
    const plan = new PlanScript(family, PROFESSIONALS.adultWorker, [PROFESSIONALS.schoolDsl]);
    const opened = last(await publish(plan.opened()));
    const before = await call('schoolDsl', `/v1/families?name=removington&minPosition=${opened}`);
    expect(before.body.items).toHaveLength(1);
    const school = await EventStreamReader.open(
      `${service.url}/v1/families/changes`,
      await tokenFor(service.issuer, 'schoolDsl'),
    );
    try {
      const [left] = await publish(plan.memberLeft('demo-oakfield-primary'));
      const removed = await school.waitFor((e) => e.event === 'family-removed');
      expect(removed).toEqual({
        id: String(left),
        event: 'family-removed',
        data: { familyId: family.familyId, position: left },
      });
      expect((await call('schoolDsl', '/v1/families?name=removington')).body.items).toEqual([]);
      expect((await call('schoolDsl', `/v1/families/${family.familyId}`)).status).toBe(404);
      expect((await call('adultWorker', `/v1/families/${family.familyId}`)).status).toBe(200);
    } finally {
      school.close();
    }
  });

  it('ignores a plan event older than the version it holds', async () => {
    const family = aFamily();
    const plan = new PlanScript(family, PROFESSIONALS.adultWorker, [PROFESSIONALS.schoolDsl]);
    const opened = plan.opened();
    const joined = plan.memberJoined(PROFESSIONALS.yotOfficer);
    const left = plan.memberLeft('demo-yot');
    const at = last(await publish(left, opened, joined));
    const lead = await call('adultWorker', `/v1/families/${family.familyId}?minPosition=${at}`);
    expect(lead.body.plan.version).toBe(3);
    expect(lead.body.plan.members.map((m: { agencyId: string }) => m.agencyId)).not.toContain('demo-yot');
    expect((await call('yotOfficer', `/v1/families/${family.familyId}`)).status).toBe(404);
  });

  it('shows each agency its own open and overdue actions, and filters by them and by review date', async () => {
    const family = aFamily({ child: { ...aFamily().child, familyName: 'Actionby' } });
    const plan = new PlanScript(family, PROFESSIONALS.adultWorker, [PROFESSIONALS.schoolDsl]);
    const at = last(
      await publish(
        plan.opened(),
        plan.actionAdded('demo-oakfield-primary', '2026-11-20'),
        plan.actionAdded('demo-oakfield-primary', '2026-12-20'),
        plan.actionAdded('demo-adult-services', '2026-12-01'),
      ),
    );
    const school = await call('schoolDsl', `/v1/families/${family.familyId}?minPosition=${at}`);
    expect(school.body.actions.open).toHaveLength(2);
    expect(school.body.actions.overdue.map((a: { dueDate: string }) => a.dueDate)).toEqual(['2026-11-20']);
    const lead = await call('adultWorker', `/v1/families/${family.familyId}`);
    expect(lead.body.actions).toMatchObject({ open: [{ dueDate: '2026-12-01' }], overdue: [] });

    const overdueAtSchool = await call('schoolDsl', '/v1/families?name=actionby&overdueActions=true');
    expect(overdueAtSchool.body.items).toEqual([
      expect.objectContaining({ familyId: family.familyId, openActions: 2, overdueActions: 1 }),
    ]);
    expect((await call('adultWorker', '/v1/families?name=actionby&overdueActions=true')).body.items).toEqual([]);
    // The next review is 4 January 2027: 42 days after Monday 23 November.
    expect((await call('adultWorker', '/v1/families?name=actionby&reviewDueWithinDays=41')).body.items).toEqual([]);
    expect((await call('adultWorker', '/v1/families?name=actionby&reviewDueWithinDays=42')).body.items).toHaveLength(1);
  });

  it('drops a closed plan’s family from every member’s list', async () => {
    const family = aFamily();
    const plan = new PlanScript(family, PROFESSIONALS.adultWorker, [PROFESSIONALS.schoolDsl]);
    const at = last(await publish(plan.opened(), plan.closed()));
    expect((await call('adultWorker', `/v1/families/${family.familyId}?minPosition=${at}`)).status).toBe(404);
    expect((await call('schoolDsl', `/v1/families/${family.familyId}`)).status).toBe(404);
  });

  it('shows a parenting order’s status to its holder and the plan, never to an agency only referring', async () => {
    const family = aFamily({ child: { ...aFamily().child, familyName: 'Orderley' } });
    const plan = new PlanScript(family, PROFESSIONALS.adultWorker, [PROFESSIONALS.yotOfficer]);
    const order = new OrderScript(family);
    const police = aFamily({ familyId: family.familyId, referrerAgencyId: 'demo-police' });
    const at = last(await publish(plan.opened(), referralReceived(police), order.made()));

    const holder = await call('ewoOfficer', `/v1/families/${family.familyId}?minPosition=${at}`);
    expect(holder.body.relationships).toEqual(['parenting-holder']);
    expect(holder.body.parenting).toEqual([
      expect.objectContaining({ kind: 'order', status: 'in-force', active: true, legalBasis: 'sa-2020-s369' }),
    ]);
    const member = await call('yotOfficer', `/v1/families/${family.familyId}`);
    expect(member.body.parenting).toEqual([expect.objectContaining({ kind: 'order', status: 'in-force' })]);
    // As parenting answers a plan member: status only, never the legal basis (e.g. "child convicted").
    expect(member.body.parenting[0]).not.toHaveProperty('legalBasis');
    const hub = await call('hubTriager', `/v1/families/${family.familyId}`);
    expect(hub.body.relationships).toEqual(['receiving-agency']);
    expect(hub.body.parenting).toBeUndefined();
    expect((await call('hubTriager', '/v1/families?name=orderley&hasOrder=true')).body.items).toEqual([]);
    expect((await call('yotOfficer', '/v1/families?name=orderley&hasOrder=true')).body.items).toEqual([
      expect.objectContaining({ familyId: family.familyId, hasOrder: true }),
    ]);

    const [discharged] = await publish(order.discharged());
    const after = await call('ewoOfficer', `/v1/families/${family.familyId}?minPosition=${discharged}`);
    expect(after.status).toBe(404);
  });
});
