import { randomUUID } from 'node:crypto';
import { EventTap, provisionTestInfra, type TestInfra } from '@baton/testing';
import { call, type Reply } from '../testing/http-client.js';
import { startParentingTestApp, type ParentingTestApp } from '../testing/parenting-test-app.js';

describe('a parenting contract from draft to breach, with its evidence', () => {
  let infra: TestInfra;
  let service: ParentingTestApp;
  let tap: EventTap;

  beforeAll(async () => {
    infra = await provisionTestInfra('parenting-contract-lifecycle');
    service = await startParentingTestApp(infra, new Date('2026-03-02T08:00:00Z'));
    tap = await EventTap.open(infra.natsUrl, infra.subjectPrefix);
  });

  afterAll(async () => {
    await tap?.close();
    await service?.close();
    await infra?.dispose();
  });

  const step = (path: string, body: unknown, previous: Reply) =>
    call(service, 'schoolDsl', 'POST', path, body, { 'if-match': previous.etag! });

  it('is offered, signed, reviewed, breached and ended, and the evidence shows support offered and taken up', async () => {
    const draft = await call(service, 'schoolDsl', 'POST', '/v1/contracts', {
      familyId: randomUUID(),
      kind: 'asba-2003-s19',
      ground: 'irregular-attendance',
      children: [{ personId: randomUUID(), givenName: 'Alfie', familyName: 'Testcase' }],
      parents: [{ personId: randomUUID(), givenName: 'Jo', familyName: 'Testcase' }],
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ state: 'draft', attendanceContract: true, providerKind: 'school' });
    const id = draft.body.id;
    service.clock.set(new Date('2026-03-20T10:00:00Z'));

    const incomplete = await step(
      `/v1/contracts/${id}/offer`,
      {
        offeredOn: '2026-03-02',
        parentRequirements: [],
        support: [],
        periodStartsOn: '2026-03-09',
        periodEndsOn: '2026-07-17',
      },
      draft,
    );
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.errors.map((e: { rule: string }) => e.rule)).toEqual([
      'ASBA2003.s19(4).parentStatementRequired',
      'ASBA2003.s19(5).providerSupportRequired',
    ]);

    const offered = await step(
      `/v1/contracts/${id}/offer`,
      {
        offeredOn: '2026-03-02',
        parentRequirements: ['Make sure Alfie arrives by 8:50 every day', 'Attend a parenting course'],
        support: ['Breakfast club place', 'Parenting course', 'Weekly check-in with the attendance officer'],
        periodStartsOn: '2026-03-09',
        periodEndsOn: '2026-07-17',
      },
      draft,
    );
    expect(offered.status).toBe(200);
    const signed = await step(
      `/v1/contracts/${id}/signature`,
      { parentSignedOn: '2026-03-04', providerSignedOn: '2026-03-04' },
      offered,
    );
    expect(signed.body).toMatchObject({ state: 'active', signedForProvider: { personId: 'school-dsl' } });
    const reviewed = await step(
      `/v1/contracts/${id}/reviews`,
      {
        reviewedOn: '2026-03-16',
        notes: 'Attendance up to 91%',
        supportTakenUp: ['Breakfast club place'],
        nextReviewOn: '2026-04-13',
      },
      signed,
    );
    expect(reviewed.status).toBe(200);
    const breach = await step(
      `/v1/contracts/${id}/breaches`,
      {
        occurredOn: '2026-03-18',
        what: 'Alfie absent three days without explanation',
        parentExplanation: 'Car broke down',
        endsContract: true,
      },
      reviewed,
    );
    expect(breach.body.state).toBe('breached');
    const stale = await step(
      `/v1/contracts/${id}/reviews`,
      { reviewedOn: '2026-03-19', notes: 'x', supportTakenUp: [] },
      reviewed,
    );
    expect(stale.status).toBe(412);

    const evidence = await call(service, 'schoolDsl', 'GET', `/v1/contracts/${id}/evidence`);
    expect(evidence.body).toMatchObject({
      refusal: null,
      breaches: [
        expect.objectContaining({
          on: '2026-03-18',
          what: 'Alfie absent three days without explanation',
          parentExplanation: 'Car broke down',
        }),
      ],
      supportTakenUp: ['Breakfast club place'],
      supportNotTakenUp: ['Parenting course', 'Weekly check-in with the attendance officer'],
    });
    expect(evidence.body.chronology.map((e: { what: string }) => e.what)).toEqual([
      'drafted',
      'offered',
      'signed',
      'review',
      'breach',
    ]);

    const breachEvent = await tap.waitFor((e) => e.type === 'baton.contract.breach-recorded.v1' && e.subject === id);
    expect(breachEvent.data).toMatchObject({
      endsContract: true,
      version: 5,
      status: { state: 'breached', attendanceContract: true },
    });
    expect(JSON.stringify(breachEvent.data)).not.toContain('Car broke down');
  });

  it('answers a retried draft with the same contract and the same Baton-Events', async () => {
    const body = {
      familyId: randomUUID(),
      kind: 'asba-2003-s19',
      ground: 'irregular-attendance',
      children: [{ personId: randomUUID(), givenName: 'Alfie', familyName: 'Testcase' }],
      parents: [{ personId: randomUUID(), givenName: 'Jo', familyName: 'Testcase' }],
    };
    const headers = { 'idempotency-key': `draft-${body.familyId}` };
    const first = await call(service, 'schoolDsl', 'POST', '/v1/contracts', body, headers);
    const again = await call(service, 'schoolDsl', 'POST', '/v1/contracts', body, headers);
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(first.headers.get('baton-events')).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.headers.get('baton-events')).toBe(first.headers.get('baton-events'));
  });

  it('refuses a kind of contract the agency may not offer', async () => {
    const wrong = await call(service, 'schoolDsl', 'POST', '/v1/contracts', {
      familyId: randomUUID(),
      kind: 'asba-2003-s25',
      ground: 'criminal-conduct',
      children: [{ personId: randomUUID(), givenName: 'A', familyName: 'B' }],
      parents: [{ personId: randomUUID(), givenName: 'C', familyName: 'B' }],
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'kind', rule: 'contractKind.provider' })]);
  });
});
