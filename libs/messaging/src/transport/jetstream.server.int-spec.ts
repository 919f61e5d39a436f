import { inTransaction } from '@baton/persistence';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection, Msg } from '@nats-io/nats-core';
import type { INestMicroservice } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DEAD_LETTER_HEADERS } from '../dead-letter/dead-letter-store.js';
import { DeadLetters } from '../dead-letter/dead-letters.js';
import { MessagingHealth } from '../health/messaging-health.js';
import type { MessagingOptions } from '../messaging.options.js';
import { Outbox } from '../outbox/outbox.js';
import { CreateHandled1700000000100, script, startConsumerApp } from '../test-support/consumer-app.fixture.js';
import { overdueEvent } from '../test-support/events.fixture.js';
import { openMessagingDatabase, waitFor } from '../test-support/harness.fixture.js';
import { durableNameFor } from './consumer-naming.js';

const OVERDUE_CONSUMER = durableNameFor('tests', 'baton.referral.decision-overdue.v1');
const LEDGER_CONSUMER = durableNameFor('tests', 'baton.>');

describe('JetStream transport', () => {
  let infra: TestInfra;
  let ds: DataSource;
  let app: INestMicroservice;
  let nc: NatsConnection;
  let options: MessagingOptions;
  let overdueSubject: string;
  const deadLetterCopies: Msg[] = [];

  beforeAll(async () => {
    infra = await provisionTestInfra('messaging transport');
    ds = await openMessagingDatabase(infra.databaseUrl, [CreateHandled1700000000100]);
    options = {
      service: 'tests',
      natsUrl: infra.natsUrl,
      stream: infra.streamName,
      subjectPrefix: infra.subjectPrefix,
      relay: { pollIntervalMs: 200 },
      consumer: { maxDeliver: 3, backoffMs: [50, 100], ackWaitMs: 2_000 },
    };
    overdueSubject = `${infra.subjectPrefix}.tst.referral.decision-overdue`;
    nc = await connect({ servers: infra.natsUrl });
    nc.subscribe(`${infra.subjectPrefix}._dlq.>`, {
      callback: (_e, m) => {
        deadLetterCopies.push(m);
      },
    });
    app = await startConsumerApp(ds, options);
  });

  afterAll(async () => {
    await app?.close();
    await nc?.close();
    await ds?.destroy();
    await infra?.dispose();
  });

  const handledCount = async (handler: string, eventId: string): Promise<number> => {
    const [{ n }] = await ds.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM handled WHERE handler = $1 AND event_id = $2',
      [handler, eventId],
    );
    return n;
  };
  const deadLettersOf = (consumer: string) => app.get(DeadLetters).list({ consumer, includeReplayed: true });
  const settled = async (): Promise<boolean> => {
    const { consumers, outboxPending } = await app.get(MessagingHealth).status();
    return outboxPending === 0 && consumers.every((c) => c.pending === 0 && c.ackPending === 0);
  };

  it('creates one durable consumer per handled event type, and one for every event', async () => {
    const { consumers, natsConnected } = await app.get(MessagingHealth).status();
    expect(natsConnected).toBe(true);
    expect(consumers.map((c) => c.consumer).sort()).toEqual([LEDGER_CONSUMER, OVERDUE_CONSUMER].sort());
  });

  it('retries a failing handler with backoff, dead-letters it, and keeps handling later events', async () => {
    const [failing, later, last] = [overdueEvent(), overdueEvent(), overdueEvent()];
    script.failing.add(failing.id);
    await inTransaction(ds, (m) => app.get(Outbox).append(m, [failing, later, last]));

    await waitFor(
      'the failing event to be dead-lettered',
      async () => (await deadLettersOf(OVERDUE_CONSUMER)).length > 0,
    );
    expect(await handledCount('overdue', later.id)).toBe(1);
    expect(await handledCount('overdue', last.id)).toBe(1);
    expect(script.deliveries.filter((id) => id === failing.id)).toHaveLength(3);

    const [letter] = await deadLettersOf(OVERDUE_CONSUMER);
    expect(letter).toMatchObject({ eventId: failing.id, deliveries: 3, replayedAt: null, subject: overdueSubject });
    expect(letter.error).toContain(`invented failure for ${failing.id}`);
    await waitFor('the dead-letter copy', () => deadLetterCopies.length > 0);
    expect(deadLetterCopies[0].subject).toBe(`${infra.subjectPrefix}._dlq.tests.${OVERDUE_CONSUMER}`);
    expect(deadLetterCopies[0].headers?.get(DEAD_LETTER_HEADERS.consumer)).toBe(OVERDUE_CONSUMER);
    expect(deadLetterCopies[0].json<{ id: string }>().id).toBe(failing.id);
    // The every-event ledger handled it once and ignored the dead-letter copy.
    await waitFor('every consumer to settle', settled);
    expect(await handledCount('ledger', failing.id)).toBe(1);
    expect(await deadLettersOf(LEDGER_CONSUMER)).toEqual([]);

    const stillFailing = await app.get(DeadLetters).replay(letter.id);
    expect(stillFailing).toEqual({ ok: false, error: expect.stringContaining('invented failure') });
    expect((await app.get(DeadLetters).get(letter.id))?.replayedAt).toBeNull();

    script.failing.delete(failing.id);
    expect(await app.get(DeadLetters).replay(letter.id)).toEqual({ ok: true, outcome: 'processed' });
    expect(await app.get(DeadLetters).replay(letter.id)).toEqual({ ok: true, outcome: 'duplicate' });
    expect(await handledCount('overdue', failing.id)).toBe(1);
    expect(await app.get(DeadLetters).get(letter.id)).toMatchObject({ replayCount: 2 });
    expect(await app.get(DeadLetters).list({ consumer: OVERDUE_CONSUMER })).toEqual([]);
  });

  it('skips a duplicate delivery of an event it already processed', async () => {
    const event = overdueEvent();
    const js = jetstream(nc);
    // Two message ids for one event: the broker's dedupe does not catch it, the inbox must.
    await js.publish(overdueSubject, JSON.stringify(event), { msgID: `${event.id}-first` });
    await js.publish(overdueSubject, JSON.stringify(event), { msgID: `${event.id}-again` });
    await waitFor('every consumer to settle', settled);
    expect(script.deliveries.filter((id) => id === event.id)).toHaveLength(1);
    expect(await handledCount('overdue', event.id)).toBe(1);
    expect(await handledCount('ledger', event.id)).toBe(1);
  });

  it('dead-letters poison messages at once and goes on consuming', async () => {
    const invalid = { ...overdueEvent(), data: { referralId: 'not-a-uuid' } };
    const valid = overdueEvent();
    const js = jetstream(nc);
    await js.publish(overdueSubject, '{"specversion": "1.0", ');
    await js.publish(overdueSubject, JSON.stringify(invalid));
    await js.publish(overdueSubject, JSON.stringify(valid));
    await waitFor('every consumer to settle', settled);

    expect(await handledCount('overdue', valid.id)).toBe(1);
    const letters = (await deadLettersOf(OVERDUE_CONSUMER)).filter((l) => l.replayedAt === null);
    expect(letters).toEqual([
      expect.objectContaining({ eventId: null, raw: '{"specversion": "1.0", ', envelope: null, deliveries: 1 }),
      expect.objectContaining({ eventId: invalid.id, error: expect.stringContaining('data.referralId') }),
    ]);
    expect(await app.get(DeadLetters).replay(letters[1].id)).toEqual({
      ok: false,
      error: expect.stringContaining('still invalid'),
    });
  });

  it('acknowledges and skips another version of the handled event', async () => {
    const newer = { ...overdueEvent(), type: 'baton.referral.decision-overdue.v2' };
    const before = (await deadLettersOf(OVERDUE_CONSUMER)).length;
    await jetstream(nc).publish(overdueSubject, JSON.stringify(newer));
    await waitFor('every consumer to settle', settled);
    expect(script.deliveries).not.toContain(newer.id);
    expect(await deadLettersOf(OVERDUE_CONSUMER)).toHaveLength(before);
  });
});
