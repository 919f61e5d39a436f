import { randomUUID } from 'node:crypto';
import { inTransaction } from '@baton/persistence';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import type { Subscription } from '@nats-io/nats-core';
import type { DataSource } from 'typeorm';
import { NatsBroker } from '../broker/nats-broker.js';
import type { ResolvedMessagingOptions } from '../messaging.options.js';
import { ensureEventStream } from '../stream/event-stream.js';
import { overdueEvent } from '../test-support/events.fixture.js';
import { openMessagingDatabase, storedEventIds, testOptions, waitFor } from '../test-support/harness.fixture.js';
import { OutboxRelay } from './outbox-relay.js';
import { OutboxRetention } from './outbox-retention.js';
import { LoneEvents } from './lone-events.js';
import { Outbox } from './outbox.js';

describe('outbox relay', () => {
  let infra: TestInfra;
  let options: ResolvedMessagingOptions;
  let broker: NatsBroker;
  const databases: DataSource[] = [];

  beforeAll(async () => {
    infra = await provisionTestInfra('messaging relay');
    options = testOptions(infra, { relay: { batchSize: 10, pollIntervalMs: 200 } });
    broker = await NatsBroker.connect({ natsUrl: infra.natsUrl, name: 'relay-test' });
    await ensureEventStream(broker.jsm, options);
  });

  afterAll(async () => {
    await Promise.all(databases.map((ds) => ds.destroy()));
    await broker.close();
    await infra.dispose();
  });

  async function freshDatabase(label: string): Promise<DataSource> {
    const ds = await openMessagingDatabase(await infra.createDatabase(label));
    databases.push(ds);
    return ds;
  }

  /** Appends `count` events over `aggregates` referrals, interleaved, ten to a transaction; returns ids per referral. */
  async function appendEvents(ds: DataSource, count: number, aggregates: number): Promise<Map<string, string[]>> {
    const referrals = Array.from({ length: aggregates }, () => randomUUID());
    const expected = new Map<string, string[]>(referrals.map((r) => [r, []]));
    const outbox = new Outbox(options);
    for (let start = 0; start < count; start += 10) {
      const events = Array.from({ length: Math.min(10, count - start) }, (_, i) =>
        overdueEvent(referrals[(start + i) % aggregates]),
      );
      await inTransaction(ds, (manager) => outbox.append(manager, events));
      for (const e of events) expected.get(e.subject)?.push(e.id);
    }
    return expected;
  }

  async function outboxIds(ds: DataSource): Promise<string[]> {
    return (await ds.query<{ id: string }[]>('SELECT id FROM outbox ORDER BY seq')).map((r) => r.id);
  }

  /** Every message published on the test's subjects, duplicates included (the stream would drop them). */
  function recordPublishes(subject: string): { ids: string[]; sub: Subscription } {
    const ids: string[] = [];
    const sub = broker.connection.subscribe(subject, {
      callback: (_e, m) => {
        ids.push(m.json<{ id: string }>().id);
      },
    });
    return { ids, sub };
  }

  function expectEachOnceInAggregateOrder(stored: string[], expected: Map<string, string[]>): void {
    expect(new Set(stored).size).toBe(stored.length);
    const all = [...expected.values()].flat();
    expect([...stored].sort()).toEqual([...all].sort());
    for (const ids of expected.values()) {
      const wanted = new Set(ids);
      expect(stored.filter((id) => wanted.has(id))).toEqual(ids);
    }
  }

  it('publishes every event exactly once, in order per aggregate, across a relay restart', async () => {
    const ds = await freshDatabase('restart');
    const subject = `${options.subjectPrefix}.restart.>`;
    const publishes = recordPublishes(subject);
    const expected = new Map<string, string[]>();
    const outbox = new Outbox(options);
    const referrals = Array.from({ length: 8 }, () => randomUUID());
    for (let start = 0; start < 200; start += 10) {
      const events = Array.from({ length: 10 }, (_, i) => overdueEvent(referrals[(start + i) % 8], 'restart'));
      await inTransaction(ds, (manager) => outbox.append(manager, events));
      events.forEach((e) => expected.set(e.subject, [...(expected.get(e.subject) ?? []), e.id]));
    }

    const first = new OutboxRelay(ds, options);
    await first.start();
    await waitFor('the first relay to publish some events', () => publishes.ids.length >= 50);
    await first.stop();
    const publishedByFirst = publishes.ids.length;
    expect(publishedByFirst).toBeLessThan(200);

    const second = new OutboxRelay(ds, options);
    await second.start();
    await waitFor('the outbox to drain', async () => (await second.pending()) === 0);
    await second.stop();
    await broker.connection.flush();
    publishes.sub.unsubscribe();

    expect(publishes.ids).toHaveLength(200);
    expectEachOnceInAggregateOrder(await storedEventIds(broker.connection, options.stream, subject), expected);
  });

  it('lets two relays share one outbox, each event published once and in order per aggregate', async () => {
    const ds = await freshDatabase('pair');
    const subject = `${options.subjectPrefix}.tst.>`;
    const publishes = recordPublishes(subject);
    const relays = [new OutboxRelay(ds, options), new OutboxRelay(ds, options)];
    await Promise.all(relays.map((r) => r.start()));
    // Appending while both run makes them compete for fresh rows, not only a backlog.
    const expected = await appendEvents(ds, 300, 6);
    await waitFor('the outbox to drain', async () => (await relays[0].pending()) === 0);
    await Promise.all(relays.map((r) => r.stop()));
    await broker.connection.flush();
    publishes.sub.unsubscribe();

    expect(publishes.ids).toHaveLength(300);
    expectEachOnceInAggregateOrder(await storedEventIds(broker.connection, options.stream, subject), expected);
  });

  it('keeps an event it could not publish, recording the attempt and the error, and retries it later', async () => {
    const ds = await freshDatabase('unroutable');
    // No stream captures this prefix, so the broker refuses every publish.
    const unroutable = new Outbox({ subjectPrefix: `${options.subjectPrefix}x` });
    await inTransaction(ds, (m) => unroutable.append(m, overdueEvent()));
    const relay = new OutboxRelay(ds, options);
    await relay.start();
    const attempts = async () => (await ds.query<{ attempts: number }[]>('SELECT attempts FROM outbox'))[0].attempts;
    await waitFor('a second attempt', async () => (await attempts()) >= 2);
    await relay.stop();
    const [row] = await ds.query<{ published_at: Date | null; last_error: string | null }[]>('SELECT * FROM outbox');
    expect(row.published_at).toBeNull();
    expect(row.last_error).toEqual(expect.any(String));
    expect(await relay.pending()).toBe(1);
  });

  it('refuses to append outside a transaction, where the event could outlive a rolled-back change', async () => {
    const ds = await freshDatabase('notx');
    await expect(new Outbox(options).append(ds.manager, overdueEvent())).rejects.toThrow(/open transaction/);
  });

  it('writes events with no state change on their own, many at once sharing a commit, and the relay publishes them', async () => {
    const ds = await freshDatabase('alone');
    const subject = `${options.subjectPrefix}.alone.>`;
    const publishes = recordPublishes(subject);
    const writer = new LoneEvents(ds, new Outbox(options));
    const events = Array.from({ length: 60 }, () => overdueEvent(randomUUID(), 'alone'));
    await Promise.all(events.map((e) => writer.write(e)));
    // Each was committed before its promise resolved...
    expect(new Set(await outboxIds(ds))).toEqual(new Set(events.map((e) => e.id)));
    // ...the first alone, at once, and those that arrived while it committed together after it.
    const commits = await ds.query<{ rows: number }[]>(
      'SELECT count(*)::int AS rows FROM outbox GROUP BY xmin::text ORDER BY min(seq)',
    );
    expect(commits.map((c) => c.rows)).toEqual([1, 59]);
    const relay = new OutboxRelay(ds, options);
    await relay.start();
    await waitFor('every event published', () => events.every((e) => publishes.ids.includes(e.id)));
    await relay.stop();
    publishes.sub.unsubscribe();
    await expect(inTransaction(ds, (m) => new Outbox(options).appendAlone(m, []))).rejects.toThrow(
      /no transaction to join/,
    );
  });

  it('refuses a lone event that breaks its contract by itself, and a refused write only fails its own commit', async () => {
    const ds = await freshDatabase('alone-refused');
    const writer = new LoneEvents(ds, new Outbox(options));
    const invalid = Object.assign(overdueEvent(), { data: { referralId: 'nope' } });
    const good = overdueEvent(randomUUID(), 'alone');
    const [bad, fine] = await Promise.allSettled([writer.write(invalid), writer.write(good)]);
    expect(bad).toEqual({
      status: 'rejected',
      reason: expect.objectContaining({ message: expect.stringMatching(/data\.referralId/) }),
    });
    expect(fine.status).toBe('fulfilled');

    await ds.query('ALTER TABLE outbox RENAME TO outbox_away');
    const refused = await Promise.allSettled([writer.write(overdueEvent()), writer.write(overdueEvent())]);
    expect(refused.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await ds.query('ALTER TABLE outbox_away RENAME TO outbox');
    const after = overdueEvent();
    await writer.write(after);
    expect(await outboxIds(ds)).toEqual([good.id, after.id]);
  });

  it('refuses an event that breaks its contract before it reaches the outbox', async () => {
    const ds = await freshDatabase('invalid');
    const event = Object.assign(overdueEvent(), { data: { referralId: 'nope' } });
    await expect(inTransaction(ds, (m) => new Outbox(options).append(m, event))).rejects.toThrow(/data\.referralId/);
  });

  it('purges published rows older than the retention period, on start-up and then every interval, and keeps the rest', async () => {
    const ds = await freshDatabase('purge');
    const ids = (await outboxIdsAfterAppending(ds, 4)).slice();
    await ds.query(`UPDATE outbox SET published_at = now() - interval '40 days' WHERE id = ANY($1::uuid[])`, [
      ids.slice(0, 2),
    ]);
    await ds.query(`UPDATE outbox SET published_at = now() - interval '29 days' WHERE id = $1`, [ids[2]]);
    // ids[3] is not published: however old, it stays until the relay has published it.
    await ds.query(`UPDATE outbox SET created_at = now() - interval '90 days' WHERE id = $1`, [ids[3]]);

    const keepForever = new OutboxRetention(ds, { ...options, outbox: { retentionDays: 0, purgeIntervalMs: 50 } });
    await expect(keepForever.runOnce()).resolves.toBe(0);
    expect(await outboxIds(ds)).toEqual(ids);

    const retention = new OutboxRetention(ds, { ...options, outbox: { retentionDays: 30, purgeIntervalMs: 50 } });
    retention.onApplicationBootstrap();
    try {
      await waitFor('the rows published 40 days ago purged', async () => (await outboxIds(ds)).length === 2);
      expect(await outboxIds(ds)).toEqual(ids.slice(2));
      await ds.query(`UPDATE outbox SET published_at = now() - interval '31 days' WHERE id = $1`, [ids[2]]);
      await waitFor('the next run purging what has since grown old', async () => (await outboxIds(ds)).length === 1);
      expect(await outboxIds(ds)).toEqual([ids[3]]);
    } finally {
      await retention.beforeApplicationShutdown();
    }
  });

  async function outboxIdsAfterAppending(ds: DataSource, count: number): Promise<string[]> {
    const events = Array.from({ length: count }, () => overdueEvent());
    await inTransaction(ds, (m) => new Outbox(options).append(m, events));
    return events.map((e) => e.id);
  }
});
