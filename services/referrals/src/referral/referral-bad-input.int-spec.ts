import pg from 'pg';
import { ApiContract, TestIssuer, type ServiceUnderTest, startServiceUnderTest } from '@baton/testing';
import { PEOPLE, schoolReferral, tokenFor } from '../testing/referral-fixtures.js';
import { startReferralsTestApp, type ReferralsTestApp } from '../testing/referrals-test-app.js';

describe('bad input to POST /v1/referrals', () => {
  let running: ServiceUnderTest<ReferralsTestApp>;
  let service: ReferralsTestApp;
  let db: pg.Client;

  beforeAll(async () => {
    running = await startServiceUnderTest('referral-bad-input', (infra) =>
      startReferralsTestApp(infra, new Date('2026-11-20T10:00:00Z')),
    );
    ({ service, db } = running);
  });

  afterAll(() => running?.stop());

  async function post(body: unknown, token?: string, raw?: string) {
    // Every answer is held to the committed OpenAPI document.
    const response = await ApiContract.of('referrals').fetch(service.url, '/v1/referrals', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token ?? (await tokenFor(service.issuer, 'schoolDsl'))}`,
        'content-type': 'application/json',
      },
      body: raw ?? JSON.stringify(body),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as { errors?: unknown[]; [key: string]: unknown },
      headers: response.headers,
    };
  }

  async function written(): Promise<{ referrals: number; events: number }> {
    const { rows } = await db.query(
      "SELECT (SELECT count(*) FROM referral)::int AS referrals, (SELECT count(*) FROM outbox WHERE type NOT LIKE 'baton.access.%')::int AS events",
    );
    return rows[0];
  }

  const cases: [string, () => Record<string, unknown>, number, { field: string; rule: string }][] = [
    [
      'an unknown field',
      () => schoolReferral({ favouriteColour: 'blue' }),
      400,
      { field: 'favouriteColour', rule: 'whitelistValidation' },
    ],
    [
      'an unknown field inside the family',
      () =>
        schoolReferral({
          family: {
            children: [{ givenName: 'A', familyName: 'B', dateOfBirth: '2016-01-01', shoeSize: 3 }],
            carers: [],
          },
        }),
      400,
      { field: 'family.children[0].shoeSize', rule: 'whitelistValidation' },
    ],
    [
      'an unknown CIN source code',
      () => schoolReferral({ sourceCode: '2Z' }),
      400,
      { field: 'sourceCode', rule: 'isIn' },
    ],
    [
      'consent not given without a lawful basis',
      () => schoolReferral({ consent: { status: 'refused', sharingAgreed: false, reason: 'Parent declined' } }),
      400,
      { field: 'consent.lawfulBasis', rule: 'isIn' },
    ],
    [
      'consent not given without a reason',
      () =>
        schoolReferral({
          consent: { status: 'not-sought', sharingAgreed: false, lawfulBasis: 'safeguarding-significant-harm' },
        }),
      400,
      { field: 'consent.reason', rule: 'isString' },
    ],
    [
      'a child’s name holding markup rather than a name',
      () =>
        schoolReferral({
          family: {
            children: [{ givenName: '<b>Alfie</b>', familyName: 'Testcase', dateOfBirth: '2016-01-01' }],
            carers: [],
          },
        }),
      400,
      { field: 'family.children[0].givenName', rule: 'isPersonName' },
    ],
    [
      'a carer’s name of digits alone',
      () =>
        schoolReferral({
          family: {
            children: [{ givenName: 'Alfie', familyName: 'Testcase', dateOfBirth: '2016-01-01' }],
            carers: [{ givenName: '1234', familyName: 'Testcase', relationship: 'mother' }],
          },
        }),
      400,
      { field: 'family.carers[0].givenName', rule: 'isPersonName' },
    ],
    [
      'a malformed date of birth',
      () =>
        schoolReferral({
          family: { children: [{ givenName: 'A', familyName: 'B', dateOfBirth: '2016-02-30' }], carers: [] },
        }),
      400,
      { field: 'family.children[0].dateOfBirth', rule: 'isCalendarDate' },
    ],
    [
      'a date of birth in the future',
      () =>
        schoolReferral({
          family: { children: [{ givenName: 'A', familyName: 'B', dateOfBirth: '2027-01-01' }], carers: [] },
        }),
      422,
      { field: 'family.children[0].dateOfBirth', rule: 'isNotFuture' },
    ],
    [
      'an NHS number with a wrong check digit',
      () =>
        schoolReferral({
          family: {
            children: [{ givenName: 'A', familyName: 'B', dateOfBirth: '2016-01-01', nhsNumber: '9434765918' }],
            carers: [],
          },
        }),
      400,
      { field: 'family.children[0].nhsNumber', rule: 'isNhsNumber' },
    ],
    [
      'a level of need of 5',
      () => schoolReferral({ proposedLevelOfNeed: 5 }),
      400,
      { field: 'proposedLevelOfNeed', rule: 'max' },
    ],
    [
      'no children',
      () => schoolReferral({ family: { children: [], carers: [] } }),
      400,
      { field: 'family.children', rule: 'arrayMinSize' },
    ],
    [
      "an individual's source code on a school's referral",
      () => schoolReferral({ sourceCode: '1C' }),
      422,
      { field: 'sourceCode', rule: 'sourceCodeMatchesSource' },
    ],
    [
      'an agency that does not receive referrals',
      () => schoolReferral({ receivingAgencyId: 'demo-police' }),
      422,
      { field: 'receivingAgencyId', rule: 'isReferralReceivingAgency' },
    ],
    [
      "another agency's name as the referrer",
      () =>
        schoolReferral({
          source: { kind: 'practitioner', agencyId: 'demo-yot', name: 'Someone Else' },
          sourceCode: '5B',
        }),
      422,
      { field: 'source.agencyId', rule: 'isCallersAgency' },
    ],
  ];

  it.each(cases)(
    'refuses %s with a problem naming the field and rule, writing nothing',
    async (_name, body, status, error) => {
      const before = await written();
      const response = await post(body());
      expect(response.status).toBe(status);
      expect(response.type).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        status,
        type: expect.stringMatching(/^https:\/\//),
        title: expect.any(String),
      });
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining(error)]));
      expect(await written()).toEqual(before);
    },
  );

  it('refuses malformed JSON with 400 problem+json', async () => {
    const response = await post(undefined, undefined, '{"source": ');
    expect(response.status).toBe(400);
    expect(response.type).toMatch(/^application\/problem\+json/);
  });

  it('refuses an oversize body with 413 problem+json, writing nothing', async () => {
    const before = await written();
    const response = await post(
      schoolReferral({ concerns: { summary: 'x'.repeat(300_000), categories: ['education'] } }),
    );
    expect(response.status).toBe(413);
    expect(response.type).toMatch(/^application\/problem\+json/);
    expect(await written()).toEqual(before);
  });

  it('refuses an expired token with 401 and a Bearer challenge', async () => {
    const expired = await service.issuer.sign(
      { ...PEOPLE.schoolDsl, roles: ['practitioner'], tenant: 'demo' },
      { expiresIn: -60 },
    );
    const response = await post(schoolReferral(), expired);
    expect(response.status).toBe(401);
    expect(response.type).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('www-authenticate')).toMatch(/invalid_token/);
  });

  it('refuses a token signed by a key the issuer never published', async () => {
    const impostor = await TestIssuer.ephemeral({ issuer: service.issuer.issuer, audience: 'baton' });
    const forged = await impostor.sign(
      { ...PEOPLE.hubManager, roles: ['manager'], tenant: 'demo' },
      { expiresIn: '5m' },
    );
    const before = await written();
    const response = await post(schoolReferral(), forged);
    expect(response.status).toBe(401);
    expect(await written()).toEqual(before);
  });

  it('refuses a request with no token', async () => {
    const response = await ApiContract.of('referrals').fetch(service.url, '/v1/referrals', { method: 'GET' });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
