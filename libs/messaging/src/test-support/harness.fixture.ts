import { openDatabase } from '@baton/persistence';
import type { TestInfra } from '@baton/testing';
import { AckPolicy, jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/nats-core';
import type { DataSource, MigrationInterface } from 'typeorm';
import { resolveMessagingOptions, type MessagingOptions, type ResolvedMessagingOptions } from '../messaging.options.js';
import { messagingEntities, messagingMigrations } from '../schema.js';

type MigrationClass = new () => MigrationInterface;

/** A test database with the messaging tables (and any the test adds). */
export function openMessagingDatabase(url: string, migrations: MigrationClass[] = []): Promise<DataSource> {
  return openDatabase({
    url,
    entities: messagingEntities,
    migrations: [...messagingMigrations, ...migrations],
    poolSize: 8,
  });
}

/** Messaging options for a test file's own stream and prefix, with tiny delays. */
export function testOptions(infra: TestInfra, overrides: Partial<MessagingOptions> = {}): ResolvedMessagingOptions {
  return resolveMessagingOptions({
    service: 'tests',
    natsUrl: infra.natsUrl,
    stream: infra.streamName,
    subjectPrefix: infra.subjectPrefix,
    relay: { pollIntervalMs: 200, batchSize: 20, publishTimeoutMs: 1_000 },
    consumer: { maxDeliver: 3, backoffMs: [50, 100], ackWaitMs: 2_000 },
    ...overrides,
  });
}

export async function waitFor(
  what: string,
  condition: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The event ids stored in the stream under `subjects`, in stream order (what every consumer sees). */
export async function storedEventIds(nc: NatsConnection, stream: string, subjects: string): Promise<string[]> {
  const js: JetStreamClient = jetstream(nc);
  // One filter subject and no ordered consumer: nats-server 2.9 knows neither filter_subjects nor its API.
  const { name } = await (
    await jetstreamManager(nc)
  ).consumers.add(stream, {
    filter_subject: subjects,
    ack_policy: AckPolicy.None,
    inactive_threshold: nanos(30_000),
  });
  const consumer = await js.consumers.get(stream, name);
  const ids: string[] = [];
  for (;;) {
    const batch = await consumer.fetch({ max_messages: 500, expires: 1_000 });
    let got = 0;
    for await (const m of batch) {
      got += 1;
      ids.push(m.json<{ id: string }>().id);
    }
    if (got === 0) break;
  }
  await consumer.delete().catch(() => undefined);
  return ids;
}
