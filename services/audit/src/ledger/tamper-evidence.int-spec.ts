import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import pg from 'pg';
import { ApiContract, provisionTestInfra, type TestInfra } from '@baton/testing';
import { DataSource } from 'typeorm';
import { CheckpointJob } from '../checkpoint/checkpoint.job.js';
import { startAuditTestApp, type AuditTestApp } from '../testing/audit-test-app.js';
import { accessed, EventPublisher, referralReceived } from '../testing/ledger-events.fixture.js';
import { snapshotLedger, verifyTamperedCopy as verifyTampered, type LedgerSnapshot } from '../testing/tampered-copy.js';

const ENTRIES = 12;

/**
 * An administrator with full rights to a copy of the ledger (triggers switched off) alters, deletes and reorders
 * entries; each is caught by `verify`, at the right position.
 */
describe('tampering with a copy of the ledger', () => {
  let infra: TestInfra;
  let audit: AuditTestApp;
  let nc: NatsConnection;
  let original: LedgerSnapshot;

  beforeAll(async () => {
    infra = await provisionTestInfra('audit tamper');
    audit = await startAuditTestApp({ ...infra, now: new Date('2026-11-06T12:00:00Z') });
    nc = await connect({ servers: infra.natsUrl });
    const publisher = new EventPublisher(nc, infra.subjectPrefix);
    const received = referralReceived();
    await publisher.publish(received, ...Array.from({ length: ENTRIES - 1 }, () => accessed(received.subject)));
    const db = audit.app.get(DataSource);
    const deadline = Date.now() + 15_000;
    while (Number((await db.query<{ n: string }[]>('SELECT count(*) AS n FROM ledger_entry'))[0].n) < ENTRIES) {
      if (Date.now() > deadline) throw new Error('ledger did not fill');
      await new Promise((r) => setTimeout(r, 50));
    }
    await audit.app.get(CheckpointJob).writeDue();
    original = await snapshotLedger(db);
  });

  afterAll(async () => {
    await audit?.close();
    await nc?.close();
    await infra?.dispose();
  });

  const verifyTamperedCopy = (name: string, tamper: (client: pg.Client) => Promise<unknown>, deep = false) =>
    verifyTampered(infra, original, audit.checkpoints, name, tamper, { deep });

  it('verifies an untouched copy', async () => {
    expect(await verifyTamperedCopy('untouched', async () => undefined)).toMatchObject({
      ok: true,
      entries: ENTRIES,
      checkpointsChecked: 1,
    });
  });

  it('catches an altered entry', async () => {
    const report = await verifyTamperedCopy('altered', (c) =>
      c.query(
        `UPDATE ledger_entry SET canonical = replace(canonical, '"purpose":"triage"', '"purpose":"routine"') WHERE seq = 5`,
      ),
    );
    expect(report).toMatchObject({ ok: false, entries: 4, firstBroken: { seq: 5, problem: 'content-altered' } });
  });

  it('catches a deleted entry', async () => {
    const report = await verifyTamperedCopy('deleted', (c) => c.query('DELETE FROM ledger_entry WHERE seq = 7'));
    expect(report).toMatchObject({ ok: false, entries: 6, firstBroken: { seq: 7, problem: 'sequence-gap' } });
  });

  it('catches two entries swapped into each other’s places', async () => {
    const move = (from: number, to: number) => `UPDATE ledger_entry SET seq = ${to} WHERE seq = ${from}`;
    const report = await verifyTamperedCopy('reordered', async (c) => {
      await c.query(move(3, 1000));
      await c.query(move(4, 3));
      await c.query(move(1000, 4));
    });
    expect(report).toMatchObject({ ok: false, entries: 2, firstBroken: { seq: 3, problem: 'previous-hash-mismatch' } });
  });

  it('catches entries cut from the end, even with the head moved back to match', async () => {
    const report = await verifyTamperedCopy('truncated', async (c) => {
      await c.query('DELETE FROM ledger_entry WHERE seq > 9');
      await c.query('UPDATE ledger_head SET seq = 9, hash = (SELECT hash FROM ledger_entry WHERE seq = 9)');
    });
    expect(report).toMatchObject({ ok: false, entries: 9, firstBroken: { seq: 10, problem: 'truncated' } });
  });

  it('catches, in a deep verification, a lookup column changed without its entry', async () => {
    const hide = (c: pg.Client) => c.query("UPDATE ledger_entry SET family_ids = '{}' WHERE seq = 6");
    expect(await verifyTamperedCopy('index-plain', hide)).toMatchObject({ ok: true });
    expect(await verifyTamperedCopy('index-deep', hide, true)).toMatchObject({
      ok: false,
      entries: 5,
      firstBroken: { seq: 6, problem: 'index-mismatch', found: 'stored familyIds' },
    });
  });

  it('passes an untouched copy in a deep verification', async () => {
    expect(await verifyTamperedCopy('untouched-deep', async () => undefined, true)).toMatchObject({
      ok: true,
      entries: ENTRIES,
    });
  });

  it("tells Prometheus when a verification of the service's own ledger finds a broken link", async () => {
    const verify = async (): Promise<string> => {
      const token = await audit.tokenFor('audit-officer');
      const response = await ApiContract.of('audit').fetch(audit.url, '/v1/ledger/verification', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      return (await fetch(audit.metricsUrl)).text();
    };
    expect(await verify()).toMatch(/^baton_ledger_last_verification_ok\{tenant="demo",service="audit"\} 1$/m);
    const db = audit.app.get(DataSource);
    await db.query('ALTER TABLE ledger_entry DISABLE TRIGGER USER');
    await db.query(
      `UPDATE ledger_entry SET canonical = replace(canonical, '"purpose":"triage"', '"purpose":"routine"') WHERE seq = 5`,
    );
    await db.query('ALTER TABLE ledger_entry ENABLE TRIGGER USER');
    const metrics = await verify();
    expect(metrics).toMatch(/^baton_ledger_last_verification_ok\{tenant="demo",service="audit"\} 0$/m);
    expect(metrics).toMatch(/^baton_ledger_verifications_total\{tenant="demo",outcome="broken",service="audit"\} 1$/m);
  });
});
