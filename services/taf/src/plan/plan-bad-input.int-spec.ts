import pg from 'pg';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { httpClient } from '../testing/http-client.js';
import { directPlan, HUB_LEAD, SCHOOL_LEAD, tokenFor } from '../testing/taf-fixtures.js';
import { startTafTestApp, type TafTestApp } from '../testing/taf-test-app.js';

const MONDAY = new Date('2026-11-23T10:00:00Z');

type Case = [string, () => Record<string, unknown>, number, { field: string; rule: string }];

describe('bad input to the taf service', () => {
  let infra: TestInfra;
  let service: TafTestApp;
  let db: pg.Client;
  let planId: string;
  let outcomeId: string;
  const call = httpClient(() => service);

  beforeAll(async () => {
    infra = await provisionTestInfra('taf-bad-input');
    service = await startTafTestApp(infra, MONDAY);
    db = new pg.Client({ connectionString: infra.databaseUrl });
    await db.connect();
    const opened = await call('schoolDsl', 'POST', '/v1/plans', directPlan({ lead: HUB_LEAD }));
    planId = opened.body.id;
    const agreed = await call(
      'hubTriager',
      'PUT',
      `/v1/plans/${planId}/outcomes`,
      { outcomes: [{ headlineOutcome: 'education', description: 'In school every day' }] },
      { 'if-match': '"1"' },
    );
    outcomeId = agreed.body.outcomes[0].outcomeId;
  });

  afterAll(async () => {
    await db?.end();
    await service?.close();
    await infra?.dispose();
  });

  async function written(): Promise<number> {
    const { rows } = await db.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM plan) + (SELECT count(*) FROM outbox) + (SELECT count(*) FROM plan_action) AS n',
    );
    return Number(rows[0].n);
  }

  function expectProblem(
    response: { status: number; headers: Headers; body: { errors?: unknown[] } },
    status: number,
    error: object,
  ) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status,
      type: expect.stringMatching(/^https:\/\//),
      title: expect.any(String),
    });
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining(error)]));
  }

  const openCases: Case[] = [
    [
      'an unknown field',
      () => directPlan({ favouriteColour: 'green' }),
      400,
      { field: 'favouriteColour', rule: 'whitelistValidation' },
    ],
    [
      'a level of need a plan does not serve',
      () => directPlan({ levelOfNeed: 4 }),
      400,
      { field: 'levelOfNeed', rule: 'isIn' },
    ],
    ['no children', () => directPlan({ children: [] }), 400, { field: 'children', rule: 'arrayMinSize' }],
    [
      'an NHS number with a wrong check digit',
      () =>
        directPlan({
          children: [{ givenName: 'A', familyName: 'B', dateOfBirth: '2016-01-01', nhsNumber: '943 476 5918' }],
        }),
      400,
      { field: 'children[0].nhsNumber', rule: 'isNhsNumber' },
    ],
    [
      'a child with no date of birth',
      () => directPlan({ children: [{ givenName: 'A', familyName: 'B' }] }),
      422,
      { field: 'children[0].dateOfBirth', rule: 'oneOfDateOfBirthOrExpected' },
    ],
    [
      'a lead whose email is not an address',
      () => directPlan({ lead: { ...SCHOOL_LEAD, email: 'not-an-email' } }),
      400,
      { field: 'lead.email', rule: 'isEmail' },
    ],
    [
      'a lead at an unknown agency',
      () => directPlan({ lead: { ...SCHOOL_LEAD, agencyId: 'demo-nowhere' } }),
      422,
      { field: 'lead.agencyId', rule: 'isKnownAgency' },
    ],
    [
      'an agreement dated in the future',
      () => directPlan({ familyAgreement: { agreedAt: '2027-01-01T00:00:00Z', recordedAs: 'signed' } }),
      422,
      { field: 'familyAgreement.agreedAt', rule: 'isNotFuture' },
    ],
  ];

  it.each(openCases)(
    'refuses opening a plan with %s, naming the field and rule, writing nothing',
    async (_name, body, status, error) => {
      const before = await written();
      expectProblem(await call('schoolDsl', 'POST', '/v1/plans', body()), status, error);
      expect(await written()).toBe(before);
    },
  );

  const changeCases: [
    string,
    string,
    string,
    () => Record<string, unknown>,
    number,
    { field: string; rule: string },
  ][] = [
    [
      'an action due in the past',
      'POST',
      'actions',
      () => ({ outcomeId, description: 'x', ownerAgencyId: 'demo-oakfield-primary', dueDate: '2026-11-20' }),
      422,
      { field: 'dueDate', rule: 'isNotPast' },
    ],
    [
      'an action for an agency not on the plan',
      'POST',
      'actions',
      () => ({ outcomeId, description: 'x', ownerAgencyId: 'demo-yot', dueDate: '2026-12-20' }),
      422,
      { field: 'ownerAgencyId', rule: 'isMemberAgency' },
    ],
    [
      'an action with an impossible date',
      'POST',
      'actions',
      () => ({ outcomeId, description: 'x', ownerAgencyId: 'demo-oakfield-primary', dueDate: '2026-02-30' }),
      400,
      { field: 'dueDate', rule: 'isCalendarDate' },
    ],
    [
      'an outcome outside the headline outcomes',
      'PUT',
      'outcomes',
      () => ({ outcomes: [{ headlineOutcome: 'astrology', description: 'x' }] }),
      422,
      { field: 'outcomes[0].headlineOutcome', rule: 'isHeadlineOutcome' },
    ],
    [
      'a next review on a Saturday',
      'POST',
      'reviews',
      () => ({
        heldOn: '2026-11-23',
        attendees: [{ name: 'Jo', role: 'mother' }],
        progress: [{ outcomeId, progress: 'no-change' }],
        decisions: 'x',
        nextReviewDate: '2026-12-12',
      }),
      422,
      { field: 'nextReviewDate', rule: 'isWorkingDay' },
    ],
    [
      'progress off the documented scale',
      'POST',
      'reviews',
      () => ({
        heldOn: '2026-11-23',
        attendees: [{ name: 'Jo', role: 'mother' }],
        progress: [{ outcomeId, progress: 'great' }],
        decisions: 'x',
      }),
      400,
      { field: 'progress[0].progress', rule: 'isIn' },
    ],
    [
      'a closure reason that is not one',
      'POST',
      'closure',
      () => ({ reason: 'bored' }),
      400,
      { field: 'reason', rule: 'isIn' },
    ],
    [
      'a step-up to an agency that is not social care',
      'POST',
      'step-up',
      () => ({ reason: 'x', toAgencyId: 'demo-yot' }),
      422,
      { field: 'toAgencyId', rule: 'isChildrensSocialCare' },
    ],
    [
      'a handover proposal with no body fields',
      'POST',
      'handovers',
      () => ({}),
      400,
      { field: 'proposedLead', rule: 'isDefined' },
    ],
    [
      'a handover proposal without the family’s preference',
      'POST',
      'handovers',
      () => ({ proposedLead: SCHOOL_LEAD }),
      400,
      { field: 'familyPreference', rule: 'isDefined' },
    ],
    [
      'a handover to the current lead',
      'POST',
      'handovers',
      () => ({ proposedLead: HUB_LEAD, familyPreference: { preference: 'agrees' } }),
      422,
      { field: 'proposedLead.personId', rule: 'isNotCurrentLead' },
    ],
    [
      'an assessment shared with an agency not on the plan',
      'POST',
      'assessment',
      () => {
        const domain = { strengths: 's', needs: 'n', headlineOutcomes: ['education'] };
        return {
          completedAt: '2026-11-23T09:00:00Z',
          childDevelopment: domain,
          parentsAndCarers: domain,
          familyAndEnvironment: domain,
          familyView: 'v',
          childVoice: 'c',
          sharedWithAgencyIds: ['demo-police'],
        };
      },
      422,
      { field: 'sharedWithAgencyIds[0]', rule: 'isMemberAgency' },
    ],
  ];

  it.each(changeCases)(
    'refuses %s, naming the field and rule, writing nothing',
    async (_name, method, path, body, status, error) => {
      const before = await written();
      const { rows } = await db.query<{ version: number }>('SELECT version FROM plan WHERE id = $1', [planId]);
      const response = await call('hubTriager', method, `/v1/plans/${planId}/${path}`, body(), {
        'if-match': `"${rows[0].version}"`,
      });
      expectProblem(response, status, error);
      expect(await written()).toBe(before);
    },
  );

  it('refuses a body nested thousands deep before parsing it, naming the limit, writing nothing', async () => {
    const before = await written();
    const response = await fetch(`${service.url}/v1/plans/${planId}/handovers`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenFor(service.issuer, 'hubTriager')}`,
        'content-type': 'application/json',
        'if-match': '"2"',
      },
      body: `{"proposedLead":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    });
    expectProblem(
      { status: response.status, headers: response.headers, body: (await response.json()) as { errors?: unknown[] } },
      400,
      {
        field: 'body',
        rule: 'maxDepth',
      },
    );
    expect(await written()).toBe(before);
  });

  it('answers 404 for a plan id that is not a uuid, or not there', async () => {
    expect((await call('hubTriager', 'GET', '/v1/plans/not-a-uuid')).status).toBe(404);
    expect((await call('hubTriager', 'GET', '/v1/plans/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await call('hubTriager', 'GET', '/v1/families/not-a-uuid/timeline')).status).toBe(404);
  });

  it('refuses a second plan for a child in an open plan, naming its lead professional', async () => {
    const family = directPlan();
    expect((await call('schoolDsl', 'POST', '/v1/plans', family)).status).toBe(201);
    const second = await call('healthVisitor', 'POST', '/v1/plans', { ...family, lead: HUB_LEAD });
    expectProblem(second, 409, { field: 'children[0]', rule: 'notInOpenPlan' });
    expect(second.body.leadProfessional).toMatchObject({
      name: 'Priya Lanternby',
      agencyName: 'Oakfield Primary School',
    });
  });

  it('returns the same plan for a repeated Idempotency-Key, and refuses the key with another body', async () => {
    const body = directPlan();
    const first = await call('schoolDsl', 'POST', '/v1/plans', body, { 'idempotency-key': 'open-1' });
    const again = await call('schoolDsl', 'POST', '/v1/plans', body, { 'idempotency-key': 'open-1' });
    expect(again.body.id).toBe(first.body.id);
    // The retry answers with the events the first request produced (read-your-writes after a retry).
    expect(first.headers.get('baton-events')).toMatch(/^[0-9a-f-]{36}(,[0-9a-f-]{36})*$/);
    expect(again.headers.get('baton-events')).toBe(first.headers.get('baton-events'));
    const other = await call('schoolDsl', 'POST', '/v1/plans', directPlan(), { 'idempotency-key': 'open-1' });
    expectProblem(other, 422, { field: 'Idempotency-Key', rule: 'sameBodyForSameKey' });
  });

  it('refuses a bad cursor with 400 naming it', async () => {
    expectProblem(await call('hubTriager', 'GET', `/v1/plans/${planId}/timeline?cursor=zzz`), 400, {
      field: 'cursor',
      rule: 'isIssuedCursor',
    });
  });
});
