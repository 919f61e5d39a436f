import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { ApiContract, provisionTestInfra, type TestInfra } from '@baton/testing';
import { DataSource } from 'typeorm';
import { startAuditTestApp, type AuditTestApp } from '../testing/audit-test-app.js';
import { accessed, CHILD, EventPublisher, FAMILY, referralReceived } from '../testing/ledger-events.fixture.js';

describe('oversight queries for managers and data-protection officers', () => {
  let infra: TestInfra;
  let audit: AuditTestApp;
  let nc: NatsConnection;
  let db: DataSource;
  const received = referralReceived();
  const triage = accessed(received.subject);
  const breakGlass = accessed(received.subject, 'csc-duty', 'Children Act 1989 s.47: safeguarding enquiry');

  beforeAll(async () => {
    infra = await provisionTestInfra('audit oversight');
    audit = await startAuditTestApp({ ...infra, now: new Date('2026-11-06T12:00:00Z') });
    nc = await connect({ servers: infra.natsUrl });
    await new EventPublisher(nc, infra.subjectPrefix).publish(received, triage, breakGlass);
    db = audit.app.get(DataSource);
    await waitForLedger((n) => n >= 3);
  });

  afterAll(async () => {
    await audit?.close();
    await nc?.close();
    await infra?.dispose();
  });

  async function waitForLedger(done: (entries: number) => boolean): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const [{ n }] = await db.query<{ n: string }[]>('SELECT count(*) AS n FROM ledger_entry');
      if (done(Number(n))) return;
      if (Date.now() > deadline) throw new Error(`ledger stuck at ${n} entries`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function get(path: string, person: string): Promise<{ status: number; body: Record<string, unknown> }> {
    // Every answer is held to the committed OpenAPI document.
    const res = await ApiContract.of('audit').fetch(audit.url, path, {
      headers: { authorization: `Bearer ${await audit.tokenFor(person)}` },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it("shows who accessed a family's records, when, from where and why", async () => {
    const { status, body } = await get(`/v1/audit/families/${FAMILY}/accesses`, 'audit-officer');
    expect(status).toBe(200);
    const fromReferrals = (body.items as { what: { service: string } }[]).filter((a) => a.what.service === 'referrals');
    expect(fromReferrals).toEqual([
      expect.objectContaining({
        eventId: breakGlass.id,
        who: expect.objectContaining({ personId: 'csc-duty' }),
        why: expect.objectContaining({ lawfulBasis: expect.stringMatching(/s\.47/) }),
      }),
      expect.objectContaining({
        eventId: triage.id,
        what: { action: 'read', service: 'referrals', recordType: 'referral', recordIds: [received.subject] },
        why: { purpose: 'triage' },
        from: { ip: '192.0.2.10', userAgent: 'test' },
      }),
    ]);
  });

  it('answers a manager whose agency is involved with the family, and 404 to one whose agency is not', async () => {
    expect((await get(`/v1/audit/families/${FAMILY}/accesses`, 'hub-manager')).status).toBe(200);
    expect((await get(`/v1/audit/families/${FAMILY}/accesses`, 'yot-manager')).status).toBe(404);
  });

  it('does not count a manager’s own reads as involvement: reading a plan does not open the access log', async () => {
    // The YOT reads the family's record (as any manager could read a plan before): an access record, not a fact.
    const read = accessed(received.subject, 'yot-manager', undefined, 'demo-yot');
    await new EventPublisher(nc, infra.subjectPrefix).publish(read);
    const deadline = Date.now() + 15_000;
    while ((await db.query('SELECT 1 FROM ledger_entry WHERE event_id = $1', [read.id])).length === 0) {
      if (Date.now() > deadline) throw new Error('the access never reached the ledger');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await get(`/v1/audit/families/${FAMILY}/accesses`, 'yot-manager')).status).toBe(404);
    expect((await get(`/v1/audit/records/${received.subject}/history`, 'yot-manager')).status).toBe(404);
  });

  it('refuses practitioners', async () => {
    expect((await get(`/v1/audit/families/${FAMILY}/accesses`, 'school-dsl')).status).toBe(403);
  });

  it('shows everything done to a referral and every access to it, oldest first', async () => {
    const { status, body } = await get(`/v1/audit/records/${received.subject}/history`, 'audit-officer');
    expect(status).toBe(200);
    expect((body.entries as { eventId: string }[]).slice(0, 3).map((e) => e.eventId)).toEqual([
      received.id,
      triage.id,
      breakGlass.id,
    ]);
  });

  it('lists accesses made on a lawful basis other than involvement (break-glass)', async () => {
    const { body } = await get('/v1/audit/break-glass', 'audit-officer');
    const ids = (body.items as { eventId: string }[]).map((a) => a.eventId);
    expect(ids).toContain(breakGlass.id);
    expect(ids).not.toContain(triage.id);
  });

  it('exports everything held about a child, marking the rest of the family for redaction review', async () => {
    const { status, body } = await get(`/v1/audit/subjects/${CHILD}/export`, 'audit-officer');
    expect(status).toBe(200);
    expect(body).toMatchObject({ subjectId: CHILD, familyIds: [FAMILY] });
    const [record] = body.records as { eventId: string; redactionReview: { path: string; reason: string }[] }[];
    expect(record.eventId).toBe(received.id);
    expect(record.redactionReview).toEqual(
      expect.arrayContaining([
        { path: 'data.children[1]', reason: 'third-party' },
        { path: 'data.carers[0]', reason: 'third-party' },
      ]),
    );
    expect(JSON.stringify(record.redactionReview)).not.toContain('data.children[0]');
    expect((body.accesses as { eventId: string }[]).map((a) => a.eventId)).toEqual(
      expect.arrayContaining([triage.id, breakGlass.id]),
    );
  });

  it('keeps subject access exports to auditors', async () => {
    expect((await get(`/v1/audit/subjects/${CHILD}/export`, 'hub-manager')).status).toBe(403);
  });

  it('records each of these reads as an access, which lands in the ledger itself', async () => {
    await get(`/v1/audit/subjects/${CHILD}/export`, 'audit-officer');
    const deadline = Date.now() + 10_000;
    let rows: { purpose: string; lawful_basis: string | null }[] = [];
    while (Date.now() < deadline) {
      rows = await db.query(
        `SELECT canonical::jsonb #>> '{event,data,purpose}' AS purpose, lawful_basis FROM ledger_entry
         WHERE source = 'baton/audit' AND actor = 'audit-officer'`,
      );
      if (rows.some((r) => r.purpose === 'subject access request')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(rows).toContainEqual({ purpose: 'subject access request', lawful_basis: 'UK GDPR art. 15' });
    expect(rows.map((r) => r.purpose)).toEqual(
      expect.arrayContaining(['who accessed the family', 'record history', 'break-glass review']),
    );
  });
});
