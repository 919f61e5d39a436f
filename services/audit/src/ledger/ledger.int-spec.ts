import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { ApiContract, provisionTestInfra, type TestInfra } from '@baton/testing';
import { DataSource } from 'typeorm';
import { startAuditTestApp, type AuditTestApp } from '../testing/audit-test-app.js';
import { accessed, EventPublisher, referralReceived } from '../testing/ledger-events.fixture.js';
import { CheckpointJob } from '../checkpoint/checkpoint.job.js';

const NOW = new Date('2026-11-06T12:00:00Z');

describe('the ledger', () => {
  let infra: TestInfra;
  let audit: AuditTestApp;
  let nc: NatsConnection;
  let publisher: EventPublisher;
  let db: DataSource;

  beforeAll(async () => {
    infra = await provisionTestInfra('audit ledger');
    audit = await startAuditTestApp({ ...infra, now: NOW });
    nc = await connect({ servers: infra.natsUrl });
    publisher = new EventPublisher(nc, infra.subjectPrefix);
    db = audit.app.get(DataSource);
  });

  afterAll(async () => {
    await audit?.close();
    await nc?.close();
    await infra?.dispose();
  });

  const entries = async (): Promise<number> =>
    Number((await db.query<{ n: string }[]>("SELECT count(*) AS n FROM ledger_entry WHERE tenant = 'demo'"))[0].n);

  async function waitForEntries(n: number): Promise<void> {
    const deadline = Date.now() + 15_000;
    while ((await entries()) < n) {
      if (Date.now() > deadline) throw new Error(`ledger has ${await entries()} entries, expected ${n}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function get(path: string, person = 'audit-officer'): Promise<Response> {
    // Every answer is held to the committed OpenAPI document.
    const headers = { authorization: `Bearer ${await audit.tokenFor(person)}` };
    return ApiContract.of('audit').fetch(audit.url, path, { headers });
  }

  it('records every event, in stream order, on one chain per tenant', async () => {
    const received = referralReceived();
    const reads = [
      accessed(received.subject),
      accessed(received.subject, 'hub-triager', 'safeguarding: risk of significant harm'),
    ];
    await publisher.publish(received, ...reads);
    await waitForEntries(3);
    const rows = await db.query<{ seq: string; event_id: string; event_type: string }[]>(
      "SELECT seq, event_id, event_type FROM ledger_entry WHERE tenant = 'demo' ORDER BY seq",
    );
    expect(rows.map((r) => [Number(r.seq), r.event_id])).toEqual([
      [1, received.id],
      [2, reads[0].id],
      [3, reads[1].id],
    ]);
  });

  it('keeps a well-formed event of a type it does not know yet, and dead-letters a malformed one', async () => {
    const before = await entries();
    const newer = { ...referralReceived(), type: 'baton.referral.teleported.v1', data: { anything: true } };
    await publisher.publishRaw('demo.referral.teleported', JSON.stringify(newer));
    await publisher.publishRaw('demo.referral.received', '{"id": "broken');
    await waitForEntries(before + 1);
    const [row] = await db.query<{ event_type: string }[]>('SELECT event_type FROM ledger_entry WHERE event_id = $1', [
      newer.id,
    ]);
    expect(row.event_type).toBe('baton.referral.teleported.v1');
    const deadline = Date.now() + 10_000;
    let dead = 0;
    while (dead === 0 && Date.now() < deadline) {
      dead = Number((await db.query<{ n: string }[]>('SELECT count(*) AS n FROM dead_letter'))[0].n);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(dead).toBe(1);
  });

  it('records a redelivered event once', async () => {
    const event = referralReceived();
    await publisher.publish(event);
    await waitForEntries((await entries()) + 1);
    // Past the broker's dedupe window, a relay's retry arrives as a new message with the same event id.
    await publisher.publishRaw('demo.referral.received', JSON.stringify(event));
    const marker = referralReceived();
    await publisher.publish(marker);
    await waitForEntries((await entries()) + 1);
    const [{ n }] = await db.query<{ n: string }[]>('SELECT count(*) AS n FROM ledger_entry WHERE event_id = $1', [
      event.id,
    ]);
    expect(Number(n)).toBe(1);
  });

  it('refuses to update, delete or truncate entries, even for its own database role', async () => {
    await expect(db.query("UPDATE ledger_entry SET hash = repeat('0', 64) WHERE seq = 1")).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(db.query('DELETE FROM ledger_entry WHERE seq = 1')).rejects.toThrow(/append-only: DELETE/);
    await expect(db.query('TRUNCATE ledger_entry')).rejects.toThrow(/append-only: TRUNCATE/);
    await expect(db.query("UPDATE ledger_entry SET family_ids = '{}'")).rejects.toThrow();
  });

  it('verifies its chain through the API, against a signed checkpoint', async () => {
    expect(await audit.app.get(CheckpointJob).writeDue()).toBe(1);
    const res = await get('/v1/ledger/verification');
    expect(res.status).toBe(200);
    const report = (await res.json()) as { latestCheckpoint: unknown };
    expect(report).toMatchObject({ tenant: 'demo', ok: true, entries: await entries(), checkpointsChecked: 1 });
    expect(report.latestCheckpoint).toMatchObject({ tenant: 'demo', count: await entries() });
    const listed = (await (await get('/v1/ledger/checkpoints')).json()) as { keyId: string; checkpoints: unknown[] };
    expect(listed.checkpoints).toEqual([
      expect.objectContaining({ statement: expect.objectContaining({ keyId: listed.keyId, tenant: 'demo' }) }),
    ]);
  });

  it('lets only auditors and managers verify', async () => {
    expect((await get('/v1/ledger/verification', 'school-dsl')).status).toBe(403);
    expect((await ApiContract.of('audit').fetch(audit.url, '/v1/ledger/verification')).status).toBe(401);
  });
});
