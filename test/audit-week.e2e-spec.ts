import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { ApiContract, provisionTestInfra, type TestInfra } from '@baton/testing';
import { DataSource } from 'typeorm';
import { startAuditTestApp, type AuditTestApp } from '../services/audit/src/testing/audit-test-app.js';
import { EventPublisher } from '../services/audit/src/testing/ledger-events.fixture.js';
import { planOpened, type PlannedFamily } from '../services/audit/src/testing/plan-events.fixture.js';
import { ANNEX_A_COLUMNS } from '../services/audit/src/domain/reports/annex-a.js';
import { schoolReferral } from '../services/referrals/src/testing/referral-fixtures.js';
import { startReferralsTestApp, type ReferralsTestApp } from '../services/referrals/src/testing/referrals-test-app.js';

const PEOPLE = {
  school: { sub: 'school-dsl', name: 'Priya Lanternby', agency_id: 'demo-oakfield-primary', roles: ['practitioner'] },
  hub: {
    sub: 'hub-triager',
    name: 'Tamsin Quillfeather',
    agency_id: 'demo-early-help-hub',
    roles: ['triager', 'practitioner'],
  },
  csc: { sub: 'csc-duty', name: 'Rosalind Kettleby', agency_id: 'demo-csc', roles: ['practitioner', 'triager'] },
} as const;

interface ReferralSeen extends PlannedFamily {
  etag: string;
}

/**
 * A scripted week (Monday 2 to Friday 6 November 2026, no bank holidays) through the real referrals service and
 * plan events as the taf service publishes them: the audit ledger verifies, and its reports give the numbers
 * the script implies. A decision is due by midnight ending the next working day (referrals: 1 working day).
 */
describe('a week of activity, audited', () => {
  let infra: TestInfra;
  let referrals: ReferralsTestApp;
  let audit: AuditTestApp;
  let nc: NatsConnection;
  const seen: Record<string, ReferralSeen> = {};

  async function as(person: keyof typeof PEOPLE): Promise<string> {
    const p = PEOPLE[person];
    return referrals.issuer.sign({ ...p, roles: [...p.roles], tenant: 'demo' }, { expiresIn: '30m' });
  }

  async function refer(name: string, at: string, person: 'school', extra: Record<string, unknown> = {}): Promise<void> {
    referrals.clock.set(new Date(at));
    const body = schoolReferral({
      family: {
        children: [{ givenName: name, familyName: 'Weekly', dateOfBirth: '2016-04-12' }],
        carers: [{ givenName: 'Jo', familyName: 'Weekly', relationship: 'mother' }],
      },
      ...extra,
    });
    const res = await fetch(`${referrals.url}/v1/referrals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await as(person)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    const r = (await res.json()) as {
      id: string;
      familyId: string;
      family: Pick<PlannedFamily, 'children' | 'carers'>;
    };
    seen[name] = { referralId: r.id, familyId: r.familyId, ...r.family, etag: res.headers.get('etag') as string };
  }

  async function decide(
    name: string,
    at: string,
    person: 'hub' | 'csc',
    decision: Record<string, unknown>,
  ): Promise<void> {
    referrals.clock.set(new Date(at));
    const res = await fetch(`${referrals.url}/v1/referrals/${seen[name].referralId}/decision`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await as(person)}`,
        'content-type': 'application/json',
        'if-match': seen[name].etag,
      },
      body: JSON.stringify({ reasons: 'Scripted decision.', ...decision }),
    });
    expect(res.status).toBe(200);
  }

  async function report(path: string, person = 'audit-officer'): Promise<Response> {
    // Every report is held to the committed OpenAPI document, as JSON and as CSV.
    const headers = { authorization: `Bearer ${await audit.tokenFor(person)}` };
    return ApiContract.of('audit').fetch(audit.url, path, { headers });
  }

  async function ledgerCount(db: DataSource, type: string): Promise<number> {
    const [{ n }] = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM ledger_entry WHERE event_type = $1',
      [type],
    );
    return n;
  }

  beforeAll(async () => {
    infra = await provisionTestInfra('audit week');
    referrals = await startReferralsTestApp(infra, new Date('2026-11-02T08:00:00Z'));
    audit = await startAuditTestApp({
      ...infra,
      databaseUrl: await infra.createDatabase('audit'),
      now: new Date('2026-11-06T17:00:00Z'),
    });
    nc = await connect({ servers: infra.natsUrl });

    await refer('Ada', '2026-11-02T09:00:00Z', 'school');
    await refer('Ben', '2026-11-02T10:00:00Z', 'school');
    await decide('Ada', '2026-11-02T13:00:00Z', 'hub', { outcome: 'accept-early-help', levelOfNeed: 3 });
    await refer('Cara', '2026-11-03T09:00:00Z', 'school', { receivingAgencyId: 'demo-csc' });
    await decide('Cara', '2026-11-03T15:00:00Z', 'csc', { outcome: 'accept-early-help', levelOfNeed: 3 });
    await refer('Dan', '2026-11-04T09:00:00Z', 'school');
    await decide('Ben', '2026-11-04T10:00:00Z', 'hub', { outcome: 'no-further-action', levelOfNeed: 1 });
    await refer('Eve', '2026-11-04T11:00:00Z', 'school', { receivingAgencyId: 'demo-csc' });
    await decide('Eve', '2026-11-04T14:00:00Z', 'csc', { outcome: 'no-further-action', levelOfNeed: 2 });
    await refer('Fin', '2026-11-05T10:00:00Z', 'school');
    await decide('Fin', '2026-11-05T12:00:00Z', 'hub', {
      outcome: 'step-up-social-care',
      levelOfNeed: 4,
      allocatedTeamId: 'demo-csc-duty',
      allocatedWorkerId: 'csc-duty',
    });
    const taf = new EventPublisher(nc, infra.subjectPrefix);
    await taf.publish(
      planOpened(seen.Ada, '2026-11-05T15:00:00.000Z'),
      planOpened(seen.Cara, '2026-11-06T11:00:00.000Z'),
    );

    const db = audit.app.get(DataSource);
    const deadline = Date.now() + 20_000;
    while (
      (await ledgerCount(db, 'baton.referral.received.v1')) < 6 ||
      (await ledgerCount(db, 'baton.referral.decided.v1')) < 5 ||
      (await ledgerCount(db, 'baton.plan.opened.v1')) < 2
    ) {
      if (Date.now() > deadline) throw new Error('the week did not reach the ledger');
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 90_000);

  afterAll(async () => {
    await nc?.close();
    await audit?.close();
    await referrals?.close();
    await infra?.dispose();
  });

  it('keeps a ledger that verifies, deep', async () => {
    const res = await report('/v1/ledger/verification?deep=true');
    expect(await res.json()).toMatchObject({ tenant: 'demo', ok: true });
  });

  it('measures the waits the script implies', async () => {
    const body = (await (await report('/v1/reports/waiting-times?from=2026-11-02&to=2026-11-08')).json()) as Record<
      string,
      unknown
    >;
    expect(body).toMatchObject({
      received: 6,
      // Fin 2 h, Eve 3 h, Ada 4 h, Cara 6 h, Ben 48 h
      receiptToDecisionHours: { count: 5, median: 4, p90: 48 },
      // Cara 2.83 days, Ada 3.08 days
      decisionToPlanDays: { count: 2, median: 2.96, p90: 3.08 },
      receiptToPlanDays: { count: 2, median: 3.17, p90: 3.25 },
      decidedWithinDeadline: 4,
      decidedLate: 1,
    });
    // Ben was due by midnight ending Tuesday and decided at 10:00 Wednesday; Dan was due by midnight ending
    // Thursday and is still waiting at 17:00 Friday.
    expect(body.decidedPastDeadline).toEqual([
      expect.objectContaining({ referralId: seen.Ben.referralId, hoursOverdue: 10 }),
    ]);
    expect(body.awaitingPastDeadline).toEqual([
      expect.objectContaining({ referralId: seen.Dan.referralId, hoursOverdue: 17 }),
    ]);
  });

  it('fills the report card from the same events', async () => {
    const card = (await (
      await report('/v1/reports/report-card?from=2026-11-02&to=2026-11-08', 'hub-manager')
    ).json()) as Record<string, unknown>;
    expect(card).toMatchObject({
      howMuch: { referralsReceived: 6, triageDecisions: 5, plansOpened: 2, childrenReferred: 6 },
      howWell: { decisionsWithinDeadlinePercent: 80 },
    });
  });

  it('extracts Annex A list 1 with a row per contact', async () => {
    const list = (await (await report('/v1/reports/annex-a/1?from=2026-11-02&to=2026-11-08')).json()) as {
      rows: Record<string, unknown>[];
    };
    expect(list.rows.map((r) => [r['Child Unique ID'], r['Date of Contact'], r['Contact Source']])).toEqual(
      ['Ada', 'Ben', 'Cara', 'Dan', 'Eve', 'Fin'].map((name) => [
        seen[name].children[0].childId,
        expect.stringMatching(/^2026-11-0[2-5]$/),
        '2A: Schools',
      ]),
    );
  });

  it("extracts Annex A list 3: social care's referrals and the step-up, with NFA and allocation", async () => {
    const list = (await (await report('/v1/reports/annex-a/3?from=2026-11-02&to=2026-11-08')).json()) as {
      columns: string[];
      rows: Record<string, unknown>[];
    };
    expect(list.columns).toEqual(ANNEX_A_COLUMNS.list3);
    expect(
      list.rows.map((r) => [
        r['Child Unique ID'],
        r['Date of Referral'],
        r['Referral NFA?'],
        r['Number of Referrals in Last 12 Months'],
        r['Allocated Team'],
        r['Allocated Worker'],
      ]),
    ).toEqual([
      [seen.Cara.children[0].childId, '2026-11-03', 'No', 1, '', ''],
      [seen.Eve.children[0].childId, '2026-11-04', 'Yes', 1, '', ''],
      [seen.Fin.children[0].childId, '2026-11-05', 'No', 1, "Children's Social Care Duty Team", 'Rosalind Kettleby'],
    ]);
  });

  it('gives the same list as CSV under the Annex A column names', async () => {
    const res = await report('/v1/reports/annex-a/3?from=2026-11-02&to=2026-11-08&format=csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe(ANNEX_A_COLUMNS.list3.join(','));
    expect(lines).toHaveLength(4);
  });

  it('lists the referrals past their deadline, as JSON and as CSV', async () => {
    const path = '/v1/reports/waiting-times/past-deadline?from=2026-11-02&to=2026-11-08';
    const listed = (await (await report(path)).json()) as { items: { referralId: string; status: string }[] };
    expect(listed.items.map((r) => [r.referralId, r.status])).toEqual([
      [seen.Dan.referralId, 'awaiting decision'],
      [seen.Ben.referralId, 'decided late'],
    ]);
    const csv = await report(`${path}&format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(3);
  });

  it('gives the figures of the waiting times and the report card as measure,value CSV', async () => {
    for (const name of ['waiting-times', 'report-card']) {
      const res = await report(`/v1/reports/${name}?from=2026-11-02&to=2026-11-08&format=csv`);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect((await res.text()).split('\r\n')[0]).toBe('measure,value');
    }
  });

  it('gives CIN census referral items, closing the step-down to early help with RC9', async () => {
    const census = (await (await report('/v1/reports/cin-census/referrals?from=2026-11-02&to=2026-11-08')).json()) as {
      rows: Record<string, string>[];
    };
    expect(census.rows.map((r) => [r.CINreferralDate, r.ReferralNFA, r.CINclosureDate, r.ReasonForClosure])).toEqual([
      ['2026-11-03', 'false', '2026-11-03', 'RC9'],
      ['2026-11-04', 'true', '2026-11-04', 'RC8'],
      ['2026-11-05', 'false', '', ''],
    ]);
  });

  it('lists early help plans opened in the window in Annex A list 2', async () => {
    const list = (await (await report('/v1/reports/annex-a/2?from=2026-11-02&to=2026-11-08')).json()) as {
      rows: Record<string, unknown>[];
    };
    expect(
      list.rows.map((r) => [r['Child Unique ID'], r['Assessment Start Date'], r['Organisation Completing Assessment']]),
    ).toEqual([
      [seen.Ada.children[0].childId, '2026-11-05', 'Demo Early Help Hub'],
      [seen.Cara.children[0].childId, '2026-11-06', 'Demo Early Help Hub'],
    ]);
  });

  it('refuses reports to practitioners and names a bad period precisely', async () => {
    expect((await report('/v1/reports/report-card?from=2026-11-02&to=2026-11-08', 'school-dsl')).status).toBe(403);
    const bad = await report('/v1/reports/report-card?from=2026-11-08&to=2026-11-02');
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ errors: [{ field: 'to', rule: 'notBeforeFrom' }] });
  });
});
