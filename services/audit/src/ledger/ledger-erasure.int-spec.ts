import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ApiContract, provisionTestInfra, type TestInfra } from '@baton/testing';
import { CheckpointJob } from '../checkpoint/checkpoint.job.js';
import { CONTENT_ERASED } from '../domain/ledger-chain.js';
import { startAuditTestApp, type AuditTestApp } from '../testing/audit-test-app.js';
import { accessed, EventPublisher, FAMILY, referralReceived } from '../testing/ledger-events.fixture.js';
import { LedgerErasure } from './ledger-erasure.js';
import { snapshotLedger, verifyTamperedCopy as verifyTampered } from '../testing/tampered-copy.js';
import { verifyLedger } from './ledger-verifier.js';

/** Another invented family, whose records stay. */
const OTHER_FAMILY = '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

/**
 * A family's personal content is erased from the ledger on real Postgres and JetStream: its entries keep their
 * links, the chain still verifies (deep, and against the checkpoint signed before), and any other change to what
 * remains still fails, at the right entry.
 */
describe('erasing a family’s content from the ledger', () => {
  let infra: TestInfra;
  let audit: AuditTestApp;
  let nc: NatsConnection;
  let db: DataSource;
  const referral = referralReceived();
  const other = referralReceived();
  other.familyid = OTHER_FAMILY;
  other.data = { ...(other.data as object), familyId: OTHER_FAMILY };
  const reportsBefore: Record<string, unknown> = {};
  const REPORTS = ['report-card', 'waiting-times', 'annex-a/1', 'cin-census/referrals'];
  async function report(path: string): Promise<unknown> {
    const token = await audit.tokenFor('audit-officer');
    const response = await ApiContract.of('audit').fetch(
      audit.url,
      `/v1/reports/${path}?from=2026-11-01&to=2026-11-30`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(response.status).toBe(200);
    return response.json();
  }
  const seqOf = async (eventId: string): Promise<number> =>
    Number((await db.query('SELECT seq FROM ledger_entry WHERE event_id = $1', [eventId]))[0].seq);

  beforeAll(async () => {
    infra = await provisionTestInfra('audit erasure');
    audit = await startAuditTestApp({ ...infra, now: new Date('2041-09-03T02:00:00Z') });
    nc = await connect({ servers: infra.natsUrl });
    await new EventPublisher(nc, infra.subjectPrefix).publish(referral, accessed(referral.subject), other);
    db = audit.app.get(DataSource);
    const deadline = Date.now() + 15_000;
    while (Number((await db.query<{ n: string }[]>('SELECT count(*) AS n FROM ledger_entry'))[0].n) < 3) {
      if (Date.now() > deadline) throw new Error('ledger did not fill');
      await new Promise((r) => setTimeout(r, 50));
    }
    await audit.app.get(CheckpointJob).writeDue();
    for (const path of REPORTS) reportsBefore[path] = await report(path);
  });

  afterAll(async () => {
    await audit?.close();
    await nc?.close();
    await infra?.dispose();
  });

  it('empties the family’s domain entries, keeps their links and records the erasure in the chain', async () => {
    const result = await audit.app.get(LedgerErasure).eraseFamily('demo', FAMILY, {
      rule: 'retention:early-help-plan',
      dueOn: '2041-09-03',
      actor: 'system:retention',
    });
    expect(result).toEqual({
      erasedSeqs: [await seqOf(referral.id)],
      keptFirstForm: 0,
      erasureSeq: expect.any(Number),
    });
    const [last] = await db.query('SELECT seq, event_type FROM ledger_entry ORDER BY seq DESC LIMIT 1');
    expect(last).toEqual({ seq: String(result.erasureSeq), event_type: CONTENT_ERASED });

    const rows: { event_id: string; canonical: string | null; content_salt: string | null; link: string }[] =
      await db.query('SELECT event_id, canonical, content_salt, link FROM ledger_entry ORDER BY seq');
    const erased = rows.find((r) => r.event_id === referral.id);
    expect(erased).toMatchObject({ canonical: null, content_salt: null });
    expect(erased?.link).not.toMatch(/Testcase|Ada|2016-04-12/);
    // The other family's referral and the access records keep their content.
    expect(rows.filter((r) => r.canonical === null)).toHaveLength(1);
    const [erasure] = await db.query('SELECT canonical FROM ledger_entry WHERE event_type = $1', [CONTENT_ERASED]);
    expect(JSON.parse(erasure.canonical).event.data).toMatchObject({
      familyId: FAMILY,
      rule: 'retention:early-help-plan',
      erasedSeqs: [await seqOf(referral.id)],
    });
  });

  it('still verifies, deep and against the checkpoint signed before the erasure', async () => {
    const query = async (sql: string, params: unknown[]) => db.query(sql, params);
    const [{ n }] = await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM ledger_entry');
    expect(await verifyLedger(query, 'demo', audit.checkpoints, { deep: true })).toMatchObject({
      ok: true,
      entries: n,
      checkpointsChecked: 1,
    });
  });

  it('shows an auditor the erased entry by what its link says, with its content gone', async () => {
    const token = await audit.tokenFor('audit-officer');
    const response = await ApiContract.of('audit').fetch(audit.url, `/v1/audit/records/${referral.subject}/history`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { entries: { type: string; contentErased?: boolean; data: object }[] };
    expect(body.entries.find((e) => e.type === referral.type)).toMatchObject({ contentErased: true, data: {} });
    expect(JSON.stringify(body)).not.toMatch(/Testcase/);
  });

  it('gives the same figures for the past window after the erasure, dates of birth kept to the month', async () => {
    for (const path of REPORTS.filter((p) => p !== 'annex-a/1')) {
      expect({ path, report: await report(path) }).toEqual({ path, report: reportsBefore[path] });
    }
    const before = reportsBefore['annex-a/1'] as { rows: Record<string, unknown>[] };
    const after = (await report('annex-a/1')) as { rows: Record<string, unknown>[] };
    // Two children in each family's referral: the erased family's first, then the other family's.
    expect(before.rows.map((r) => r['Date of Birth'])).toEqual([
      '2016-04-12',
      '2019-01-30',
      '2016-04-12',
      '2019-01-30',
    ]);
    expect(after.rows.map((r) => r['Date of Birth'])).toEqual(['2016-04-01', '2019-01-01', '2016-04-12', '2019-01-30']);
    const withoutBirth = (rows: Record<string, unknown>[]) =>
      rows.map(({ 'Date of Birth': _b, 'Age of Child (Years)': _a, ...rest }) => rest);
    expect(withoutBirth(after.rows)).toEqual(withoutBirth(before.rows));
  });

  it('refuses, for every role, any change but an erasure', async () => {
    const refused = { code: '42501' };
    await expect(
      db.query('UPDATE ledger_entry SET canonical = NULL, content_salt = NULL WHERE seq = 3'),
    ).rejects.toMatchObject(refused);
    await expect(db.query('DELETE FROM ledger_entry WHERE seq = 3')).rejects.toMatchObject(refused);
    // Even inside an erasure, a row's other columns cannot change.
    await expect(
      db.transaction(async (m) => {
        await m.query(`SELECT set_config('baton.ledger_erasure', 'on', true)`);
        await m.query(`UPDATE ledger_entry SET canonical = NULL, content_salt = NULL, actor = 'someone' WHERE seq = 3`);
      }),
    ).rejects.toMatchObject(refused);
  });

  /** A copy of the erased ledger, changed by `tamper` as a superuser with the triggers off, then verified deep. */
  const verifyTamperedCopy = async (name: string, tamper: (c: pg.Client) => Promise<unknown>) =>
    verifyTampered(infra, await snapshotLedger(db), audit.checkpoints, name, tamper, { deep: true });

  it('after the erasure, names the first broken entry when remaining content is altered', async () => {
    const seq = await seqOf(other.id);
    const report = await verifyTamperedCopy('erased-altered', (c) =>
      c.query(
        `UPDATE ledger_entry SET canonical = replace(canonical, '"urgency":"routine"', '"urgency":"urgent"') WHERE seq = $1`,
        [seq],
      ),
    );
    expect(report).toMatchObject({ ok: false, firstBroken: { seq, problem: 'content-altered' } });
  });

  it('after the erasure, names an entry whose content was removed without an erasure entry', async () => {
    const seq = await seqOf(other.id);
    const report = await verifyTamperedCopy('erased-removed', (c) =>
      c.query('UPDATE ledger_entry SET canonical = NULL, content_salt = NULL WHERE seq = $1', [seq]),
    );
    expect(report).toMatchObject({ ok: false, firstBroken: { seq, problem: 'content-missing' } });
  });

  it('after the erasure, catches a lookup column changed on an erased entry', async () => {
    const seq = await seqOf(referral.id);
    const report = await verifyTamperedCopy('erased-index', (c) =>
      c.query(`UPDATE ledger_entry SET family_ids = '{}' WHERE seq = $1`, [seq]),
    );
    expect(report).toMatchObject({ ok: false, firstBroken: { seq, problem: 'index-mismatch' } });
  });
});
