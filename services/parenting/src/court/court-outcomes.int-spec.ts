import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { call } from '../testing/http-client.js';
import { yotOrder } from '../testing/parenting-fixtures.js';
import { startParentingTestApp, type ParentingTestApp } from '../testing/parenting-test-app.js';

describe('requirements, variations, appeals and completion of an order', () => {
  let infra: TestInfra;
  let service: ParentingTestApp;

  beforeAll(async () => {
    infra = await provisionTestInfra('parenting-court-outcomes');
    service = await startParentingTestApp(infra, new Date('2026-02-10T10:00:00Z'));
  });

  afterAll(async () => {
    await service?.close();
    await infra?.dispose();
  });

  const make = async (overrides: Record<string, unknown> = {}) => {
    const made = await call(service, 'yotOfficer', 'POST', '/v1/orders', yotOrder('2026-02-02', overrides));
    expect(made.status).toBe(201);
    return made.body;
  };

  it('returns the same order for the same Idempotency-Key and body, and refuses the key with another body', async () => {
    const body = yotOrder('2026-02-02');
    const headers = { 'idempotency-key': 'order-key-1' };
    const first = await call(service, 'yotOfficer', 'POST', '/v1/orders', body, headers);
    const again = await call(service, 'yotOfficer', 'POST', '/v1/orders', body, headers);
    expect(again.body.id).toBe(first.body.id);
    // The retry answers with the events the first request produced (read-your-writes after a retry).
    expect(first.headers.get('baton-events')).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.headers.get('baton-events')).toBe(first.headers.get('baton-events'));
    const other = await call(service, 'yotOfficer', 'POST', '/v1/orders', yotOrder('2026-02-02'), headers);
    expect(other.status).toBe(422);
  });

  it('lists the orders an officer holds, and all the agency holds for its manager, page by page', async () => {
    const familyId = '0f1e2d3c-4b5a-4697-8877-665544332211';
    await make({ familyId });
    await make({ familyId });
    const mine = await call(service, 'yotOfficer', 'GET', `/v1/orders?familyId=${familyId}&limit=1`);
    expect(mine.body.items).toHaveLength(1);
    const next = await call(
      service,
      'yotOfficer',
      'GET',
      `/v1/orders?familyId=${familyId}&limit=1&cursor=${mine.body.nextCursor}`,
    );
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].id).not.toBe(mine.body.items[0].id);
    expect(next.body.nextCursor).toBeUndefined();
    const agency = await call(service, 'yotManager', 'GET', '/v1/orders?limit=200');
    expect(agency.body.items.length).toBeGreaterThanOrEqual(2);
    expect((await call(service, 'ewoOfficer', 'GET', `/v1/orders?familyId=${familyId}`)).body.items).toEqual([]);
  });

  it('adds a requirement within the limits and refuses one past 12 months or a second programme', async () => {
    const order = await make();
    const meetings = {
      kind: 'attend-meetings',
      description: 'Monthly review meetings',
      startsOn: '2026-03-01',
      endsOn: '2026-12-31',
    };
    expect((await call(service, 'yotOfficer', 'POST', `/v1/orders/${order.id}/requirements`, meetings)).status).toBe(
      201,
    );
    const late = await call(service, 'yotOfficer', 'POST', `/v1/orders/${order.id}/requirements`, {
      ...meetings,
      endsOn: '2027-02-02',
    });
    expect(late.status).toBe(422);
    expect(late.body.errors).toContainEqual(
      expect.objectContaining({ field: 'requirement.endsOn', rule: 'CDA1998.s8(4).requirementsAtMost12Months' }),
    );
    const second = await call(service, 'yotOfficer', 'POST', `/v1/orders/${order.id}/requirements`, {
      kind: 'programme',
      description: 'Another programme',
      startsOn: '2026-06-01',
      endsOn: '2026-07-01',
    });
    expect(second.status).toBe(422);
    expect(second.body.errors).toContainEqual(expect.objectContaining({ rule: 'oneProgramme' }));
  });

  it('varies an order within the 12 months and refuses a variation beyond them', async () => {
    const order = await make({ requirementsEndOn: '2026-08-31' });
    const apply = () =>
      call(service, 'yotOfficer', 'POST', `/v1/orders/${order.id}/applications`, {
        kind: 'variation',
        applicant: 'responsible-officer',
        appliedOn: '2026-02-09',
        details: 'Extend the escort requirement to the end of the school year',
      });
    const application = await apply();
    expect((await apply()).status).toBe(409);
    const beyond = await call(
      service,
      'yotOfficer',
      'POST',
      `/v1/orders/${order.id}/applications/${application.body.id}/outcome`,
      {
        outcome: 'granted',
        decidedOn: '2026-02-10',
        requirementsEndOn: '2027-02-02',
      },
    );
    expect(beyond.status).toBe(422);
    expect(beyond.body.errors).toContainEqual(
      expect.objectContaining({ field: 'requirementsEndOn', rule: 'CDA1998.s8(4).requirementsAtMost12Months' }),
    );
    const granted = await call(
      service,
      'yotOfficer',
      'POST',
      `/v1/orders/${order.id}/applications/${application.body.id}/outcome`,
      {
        outcome: 'granted',
        decidedOn: '2026-02-10',
        requirementsEndOn: '2026-12-18',
      },
    );
    expect(granted.status).toBe(200);
    const read = await call(service, 'yotOfficer', 'GET', `/v1/orders/${order.id}`);
    expect(read.body).toMatchObject({ state: 'in-force', requirementsEndOn: '2026-12-18' });
  });

  it('quashes an order when an appeal is allowed, on the route its legal basis and court give', async () => {
    const order = await make({ legalBasis: 'sa-2020-s366', applicant: 'court-own-motion', courtKind: 'crown-court' });
    expect(order.appealRoute).toBe('court-of-appeal');
    const appeal = await call(service, 'yotOfficer', 'POST', `/v1/orders/${order.id}/appeals`, {
      appellant: 'parent',
      lodgedOn: '2026-02-05',
    });
    expect(appeal.body).toMatchObject({ route: 'court-of-appeal', outcome: 'lodged' });
    const allowed = await call(
      service,
      'yotOfficer',
      'POST',
      `/v1/orders/${order.id}/appeals/${appeal.body.id}/outcome`,
      {
        outcome: 'allowed',
        decidedOn: '2026-02-10',
      },
    );
    expect(allowed.status).toBe(200);
    expect((await call(service, 'yotOfficer', 'GET', `/v1/orders/${order.id}`)).body.state).toBe('quashed');
    const afterwards = await call(service, 'yotOfficer', 'POST', `/v1/orders/${order.id}/requirements`, {
      kind: 'attend-meetings',
      description: 'x',
      startsOn: '2026-03-01',
      endsOn: '2026-04-01',
    });
    expect(afterwards.status).toBe(409);
  });

  it('completes an order only when its requirements have run and no enforcement is open', async () => {
    const order = await make({ requirementsEndOn: '2026-08-31' });
    const early = await call(service, 'yotOfficer', 'POST', `/v1/orders/${order.id}/completion`, {
      completedOn: '2026-05-01',
      summary: 'x',
    });
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([
      expect.objectContaining({ field: 'completedOn', rule: 'requirementsRunTheirPeriod' }),
    ]);
    service.clock.set(new Date('2026-09-01T10:00:00Z'));
    try {
      const done = await call(service, 'yotOfficer', 'POST', `/v1/orders/${order.id}/completion`, {
        completedOn: '2026-08-31',
        summary: 'Every session attended after March; escort kept up',
      });
      expect(done.status).toBe(200);
      expect(done.body.state).toBe('completed');
    } finally {
      service.clock.set(new Date('2026-02-10T10:00:00Z'));
    }
  });
});
