import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { StorageType } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { NatsBroker } from '../broker/nats-broker.js';
import { ensureDurableConsumer } from '../transport/durable-consumer.js';
import { ensureEventStream } from './event-stream.js';

describe('event stream provisioning', () => {
  let infra: TestInfra;
  let broker: NatsBroker;

  beforeAll(async () => {
    infra = await provisionTestInfra('messaging stream');
    broker = await NatsBroker.connect({ natsUrl: infra.natsUrl, name: 'stream-test' });
  });

  afterAll(async () => {
    await broker.close();
    await infra.dispose();
  });

  it('creates the stream once and brings its dedupe window up to date on a later start', async () => {
    const settings = {
      stream: infra.streamName,
      subjectPrefix: infra.subjectPrefix,
      duplicateWindowMs: 60_000,
      replicas: 1,
    };
    const created = await ensureEventStream(broker.jsm, settings);
    expect(created.config).toMatchObject({
      subjects: [`${infra.subjectPrefix}.>`],
      storage: StorageType.File,
      duplicate_window: nanos(60_000),
      num_replicas: 1,
    });
    expect((await ensureEventStream(broker.jsm, settings)).created).toEqual(created.created);
    const updated = await ensureEventStream(broker.jsm, { ...settings, duplicateWindowMs: 120_000 });
    expect(updated.config.duplicate_window).toBe(nanos(120_000));
  });

  it('creates a durable pull consumer with explicit acks, and updates its attempts when they change', async () => {
    const settings = {
      stream: infra.streamName,
      durable: 'tests-referral-received-v1',
      filterSubject: `${infra.subjectPrefix}.*.referral.received`,
      ackWaitMs: 30_000,
      maxDeliver: 5,
    };
    await ensureEventStream(broker.jsm, {
      stream: infra.streamName,
      subjectPrefix: infra.subjectPrefix,
      duplicateWindowMs: 120_000,
      replicas: 1,
    });
    const created = await ensureDurableConsumer(broker.jsm, settings);
    expect(created.config).toMatchObject({
      durable_name: settings.durable,
      ack_policy: 'explicit',
      deliver_policy: 'all',
      filter_subject: settings.filterSubject,
      max_deliver: 5,
      ack_wait: nanos(30_000),
    });
    const updated = await ensureDurableConsumer(broker.jsm, { ...settings, maxDeliver: 7 });
    expect(updated.config.max_deliver).toBe(7);
  });
});
