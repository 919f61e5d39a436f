import pg from 'pg';
import { type ServiceUnderTest, startServiceUnderTest } from '@baton/testing';
import { call } from '../testing/http-client.js';
import { yotOrder } from '../testing/parenting-fixtures.js';
import { startParentingTestApp, type ParentingTestApp } from '../testing/parenting-test-app.js';

describe('bad input to POST /v1/orders is refused with problem+json naming the field and the rule', () => {
  let running: ServiceUnderTest<ParentingTestApp>;
  let service: ParentingTestApp;
  let db: pg.Client;

  beforeAll(async () => {
    running = await startServiceUnderTest('parenting-bad-input', (infra) =>
      startParentingTestApp(infra, new Date('2026-02-10T10:00:00Z')),
    );
    ({ service, db } = running);
  });

  afterAll(() => running?.stop());

  const programme = (startsOn: string, endsOn: string, extra: object = {}) => ({
    kind: 'programme',
    description: 'Parenting programme',
    startsOn,
    endsOn,
    ...extra,
  });

  const cases: [string, Record<string, unknown>, number, { field: string; rule: string }][] = [
    [
      'requirements running past 12 months',
      {
        requirements: [
          programme('2026-02-02', '2026-04-30'),
          { kind: 'attend-meetings', description: 'Monthly meetings', startsOn: '2026-02-02', endsOn: '2027-02-02' },
        ],
      },
      422,
      { field: 'requirements[1].endsOn', rule: 'CDA1998.s8(4).requirementsAtMost12Months' },
    ],
    [
      'a programme longer than 3 months',
      { requirements: [programme('2026-02-02', '2026-05-02')] },
      422,
      { field: 'requirements[0].endsOn', rule: 'CDA1998.s8(4).programmeAtMost3Months' },
    ],
    [
      'no programme for a parent who never had an order',
      { requirements: [] },
      422,
      { field: 'requirements', rule: 'CDA1998.s8(5).programmeOmittedOnlyAfterPreviousOrder' },
    ],
    [
      'a residential programme without the court findings',
      { requirements: [programme('2026-02-02', '2026-04-30', { setting: 'residential' })] },
      422,
      { field: 'requirements[0].setting', rule: 'CDA1998.s8(7A).residentialNeedsCourtFindings' },
    ],
    [
      'an applicant the legal basis does not allow',
      { legalBasis: 'asba-2003-s20', applicant: 'youth-offending-team' },
      422,
      { field: 'applicant', rule: 'legalBasis.applicant' },
    ],
    ['an unknown legal basis', { legalBasis: 'cda-1998-s99' }, 400, { field: 'legalBasis', rule: 'isIn' }],
    ['an impossible date', { madeOn: '2026-02-30' }, 400, { field: 'madeOn', rule: 'isCalendarDate' }],
    ['an unknown field', { favouriteColour: 'blue' }, 400, { field: 'favouriteColour', rule: 'whitelistValidation' }],
  ];

  it.each(cases)('refuses %s', async (_name, overrides, status, error) => {
    const before = await db.query(
      "SELECT (SELECT count(*) FROM parenting_order)::int AS orders, (SELECT count(*) FROM outbox WHERE type LIKE 'baton.order.%')::int AS events",
    );
    const response = await call(service, 'yotOfficer', 'POST', '/v1/orders', yotOrder('2026-02-02', overrides));
    expect(response.status).toBe(status);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.errors).toContainEqual(expect.objectContaining(error));
    const after = await db.query(
      "SELECT (SELECT count(*) FROM parenting_order)::int AS orders, (SELECT count(*) FROM outbox WHERE type LIKE 'baton.order.%')::int AS events",
    );
    expect(after.rows[0]).toEqual(before.rows[0]);
  });

  it('refuses a session a week after another on an order made before 2004, naming the rule', async () => {
    service.clock.set(new Date('2003-06-20T10:00:00Z'));
    try {
      const made = await call(
        service,
        'yotOfficer',
        'POST',
        '/v1/orders',
        yotOrder('2003-06-02', {
          legalBasis: 'cda-1998-s8',
          applicant: 'court-own-motion',
          requirements: [programme('2003-06-02', '2003-08-31')],
        }),
      );
      expect(made.status).toBe(201);
      const requirementId = made.body.requirements[0].requirementId;
      const session = (startsAt: string) =>
        call(service, 'yotOfficer', 'POST', `/v1/orders/${made.body.id}/sessions`, {
          requirementId,
          startsAt,
          endsAt: startsAt.replace('T17', 'T19'),
        });
      expect((await session('2003-06-09T17:00:00Z')).status).toBe(201);
      const second = await session('2003-06-12T17:00:00Z');
      expect(second.status).toBe(422);
      expect(second.body.errors).toEqual([
        expect.objectContaining({ field: 'startsAt', rule: 'CDA1998.s8(5).pre2004AtMostOneSessionAWeek' }),
      ]);
      expect((await session('2003-06-16T17:00:00Z')).status).toBe(201);

      // Recorded today, a 2003 breach cannot be given a contact deadline (it runs from the breach, and the
      // calendar does not cover 2003): it is refused naming the rule rather than failing.
      service.clock.set(new Date('2026-02-10T10:00:00Z'));
      const missed = await call(service, 'yotOfficer', 'POST', `/v1/orders/${made.body.id}/compliance`, {
        requirementId,
        occurredOn: '2003-06-09',
        outcome: 'failed-without-excuse',
      });
      expect(missed.status).toBe(422);
      expect(missed.body.errors).toEqual([
        expect.objectContaining({ field: 'occurredOn', rule: 'breachWithinCalendarCoverage' }),
      ]);
    } finally {
      service.clock.set(new Date('2026-02-10T10:00:00Z'));
    }
  });

  it('refuses to record an order for an agency that does not hold orders', async () => {
    const response = await call(service, 'schoolDsl', 'POST', '/v1/orders', yotOrder('2026-02-02'));
    expect(response.status).toBe(422);
    expect(response.body.errors).toContainEqual(
      expect.objectContaining({ field: 'holdingAgencyId', rule: 'holdingAgencyKind' }),
    );
  });
});
