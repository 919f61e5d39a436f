import pg from 'pg';
import { ReferralEvents } from '@baton/contracts';
import { ApiContract, EventTap, type ServiceUnderTest, startServiceUnderTest, type TestInfra } from '@baton/testing';
import { schoolReferral, tokenFor, type Person } from '../testing/referral-fixtures.js';
import { startReferralsTestApp, type ReferralsTestApp } from '../testing/referrals-test-app.js';

describe('allocating a referral to a worker, by person id', () => {
  let infra: TestInfra;
  let running: ServiceUnderTest<ReferralsTestApp>;
  let service: ReferralsTestApp;
  let tap: EventTap;
  let db: pg.Client;

  beforeAll(async () => {
    running = await startServiceUnderTest('referral-allocation', (i) =>
      startReferralsTestApp(i, new Date('2026-11-20T10:00:00Z')),
    );
    ({ infra, service, db } = running);
    tap = await EventTap.open(infra.natsUrl, infra.subjectPrefix);
  });

  afterAll(async () => {
    await tap?.close();
    await running?.stop();
  });

  async function call(person: Person, method: string, path: string, body?: unknown, ifMatch?: string) {
    // Every answer is held to the committed OpenAPI document.
    const response = await ApiContract.of('referrals').fetch(service.url, path, {
      method,
      headers: {
        authorization: `Bearer ${await tokenFor(service.issuer, person)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(ifMatch ? { 'if-match': ifMatch } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // Answers are JSON of several shapes; each test reads the fields it asserts on.
    const answer = (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    return { status: response.status, body: answer };
  }

  async function referral(): Promise<string> {
    const created = await call('schoolDsl', 'POST', '/v1/referrals', schoolReferral());
    expect(created.status).toBe(201);
    return created.body.id;
  }

  const accept = (id: string, allocatedWorkerId: string) =>
    call(
      'hubTriager',
      'POST',
      `/v1/referrals/${id}/decision`,
      { outcome: 'accept-early-help', levelOfNeed: 3, reasons: 'TAF needed.', allocatedWorkerId },
      '"1"',
    );

  it('lists in the reference data who may be allocated: practitioners of agencies that hold cases', async () => {
    const reference = await call('hubTriager', 'GET', '/v1/reference');
    const workers = reference.body.allocatableWorkers as { personId: string; agencyId: string }[];
    expect(workers).toEqual(
      expect.arrayContaining([
        {
          personId: 'hub-triager',
          name: 'Tamsin Quillfeather',
          agencyId: 'demo-early-help-hub',
          jobTitle: expect.any(String),
        },
        expect.objectContaining({ personId: 'csc-duty', agencyId: 'demo-csc' }),
      ]),
    );
    expect(workers.map((w) => w.personId)).not.toContain('school-dsl');
    expect(workers.map((w) => w.personId)).not.toContain('hub-manager');
  });

  it.each([
    ['a worker of another agency', 'school-dsl', 'allocatedWorkerMayLead'],
    ['someone of the hub who does not hold cases', 'hub-manager', 'allocatedWorkerMayLead'],
    ['a misspelt or unknown person', 'hub-triagr', 'isKnownPerson'],
  ])('refuses to allocate %s with a 422 naming the rule, and records nothing', async (_what, workerId, rule) => {
    const id = await referral();
    const refused = await accept(id, workerId);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'allocatedWorkerId', rule })]);
    const { rows } = await db.query('SELECT status FROM referral WHERE id = $1', [id]);
    expect(rows).toEqual([{ status: 'received' }]);
  });

  it('records the allocated worker by id and name, answers with them, and carries them in the event', async () => {
    const id = await referral();
    const decided = await accept(id, 'hub-triager');
    expect(decided.status).toBe(200);
    expect(decided.body.decision).toMatchObject({
      allocatedWorkerId: 'hub-triager',
      allocatedWorkerName: 'Tamsin Quillfeather',
    });
    const event = await tap.waitFor((e) => e.type === ReferralEvents.decided.type && e.subject === id);
    expect(event.data).toMatchObject({ allocatedWorkerId: 'hub-triager', allocatedWorkerName: 'Tamsin Quillfeather' });
  });

  it('on a step-up allocates a practitioner of children’s social care, not of the hub', async () => {
    const id = await referral();
    const stepUp = (allocatedWorkerId: string, etag = '"1"') =>
      call(
        'hubTriager',
        'POST',
        `/v1/referrals/${id}/decision`,
        { outcome: 'step-up-social-care', levelOfNeed: 4, reasons: 'Significant harm.', allocatedWorkerId },
        etag,
      );
    const hub = await stepUp('hub-triager');
    expect(hub.status).toBe(422);
    expect(hub.body.errors).toEqual([expect.objectContaining({ rule: 'allocatedWorkerMayLead' })]);
    const csc = await stepUp('csc-duty');
    expect(csc.status).toBe(200);
    expect(csc.body.decision).toMatchObject({
      allocatedWorkerId: 'csc-duty',
      allocatedWorkerName: 'Rosalind Kettleby',
    });
  });

  it('no longer takes a free-text worker name', async () => {
    const id = await referral();
    const named = await call(
      'hubTriager',
      'POST',
      `/v1/referrals/${id}/decision`,
      { outcome: 'accept-early-help', levelOfNeed: 3, reasons: 'TAF.', allocatedWorkerName: 'Tamsin Quillfeather' },
      '"1"',
    );
    expect(named.status).toBe(400);
    expect(named.body.errors).toEqual([
      expect.objectContaining({ field: 'allocatedWorkerName', rule: 'whitelistValidation' }),
    ]);
  });
});
