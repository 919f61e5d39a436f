import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { Controller, Global, Module, type DynamicModule, type INestMicroservice } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import type { CloudEvent } from '@baton/contracts';
import { DataSource } from 'typeorm';
import { DeadLetters } from '../dead-letter/dead-letters.js';
import { MessagingModule } from '../messaging.module.js';
import { CreateHandled1700000000100 } from '../test-support/consumer-app.fixture.js';
import { overdueEvent } from '../test-support/events.fixture.js';
import { openMessagingDatabase, waitFor } from '../test-support/harness.fixture.js';
import { ALL_EVENTS, durableNameFor } from './consumer-naming.js';
import type { JetStreamContext } from './jetstream.context.js';
import { JetStreamServer } from './jetstream.server.js';
import { OnEventBatch } from './on-event.decorator.js';

/** What the batch handler was handed, call by call, and which events it is told to refuse. */
const seen = { calls: [] as string[][], refusing: new Set<string>() };

@Controller()
class BatchHandler {
  @OnEventBatch(ALL_EVENTS, { acceptUncatalogued: true, maxEvents: 50 })
  async onEvents(@Payload() events: CloudEvent[], @Ctx() ctx: JetStreamContext): Promise<void> {
    seen.calls.push(events.map((e) => e.id));
    for (const e of events) {
      await ctx.manager.query('INSERT INTO handled (handler, event_id, delivery) VALUES ($1, $2, $3)', [
        'batch',
        e.id,
        0,
      ]);
    }
    const refused = events.find((e) => seen.refusing.has(e.id));
    if (refused) throw new Error(`refusing ${refused.id}`);
  }
}

@Global()
@Module({})
class GivenDatabase {
  static of(dataSource: DataSource): DynamicModule {
    return { module: GivenDatabase, providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] };
  }
}

describe('a batch handler (@OnEventBatch)', () => {
  let infra: TestInfra;
  let ds: DataSource;
  let app: INestMicroservice;
  let nc: NatsConnection;
  let subject: string;
  const consumer = durableNameFor('tests', ALL_EVENTS);

  beforeAll(async () => {
    infra = await provisionTestInfra('messaging batch');
    ds = await openMessagingDatabase(infra.databaseUrl, [CreateHandled1700000000100]);
    const moduleRef = await Test.createTestingModule({
      imports: [
        GivenDatabase.of(ds),
        MessagingModule.forRoot({
          service: 'tests',
          natsUrl: infra.natsUrl,
          stream: infra.streamName,
          subjectPrefix: infra.subjectPrefix,
          consumer: { maxDeliver: 2, backoffMs: [50], ackWaitMs: 2_000 },
        }),
      ],
      controllers: [BatchHandler],
    }).compile();
    app = moduleRef.createNestMicroservice({ strategy: moduleRef.get(JetStreamServer) });
    await app.listen();
    nc = await connect({ servers: infra.natsUrl });
    subject = `${infra.subjectPrefix}.tst.referral.decision-overdue`;
  });

  afterAll(async () => {
    await app?.close();
    await nc?.close();
    await ds?.destroy();
    await infra?.dispose();
  });

  const handled = async (): Promise<string[]> =>
    (await ds.query<{ event_id: string }[]>("SELECT event_id FROM handled WHERE handler = 'batch' ORDER BY at")).map(
      (r) => r.event_id,
    );

  it('hands over a backlog in batches, in stream order, each event once', async () => {
    const events = Array.from({ length: 120 }, () => overdueEvent());
    const js = jetstream(nc);
    await Promise.all(events.map((e) => js.publish(subject, JSON.stringify(e), { msgID: e.id })));
    await waitFor('the backlog', async () => (await handled()).length >= 120);
    expect(await handled()).toEqual(events.map((e) => e.id));
    expect(seen.calls.length).toBeLessThan(120);
    expect(Math.max(...seen.calls.map((c) => c.length))).toBeLessThanOrEqual(50);
  });

  it('retries the events of a failing batch one by one, so only the bad one is dead-lettered', async () => {
    const [good, bad, alsoGood] = [overdueEvent(), overdueEvent(), overdueEvent()];
    seen.refusing.add(bad.id);
    const js = jetstream(nc);
    for (const e of [good, bad, alsoGood]) await js.publish(subject, JSON.stringify(e), { msgID: e.id });
    await waitFor(
      'the bad event to be dead-lettered',
      async () => (await app.get(DeadLetters).list({ consumer })).length > 0,
      15_000,
    );
    const kept = await handled();
    expect(kept).toEqual(expect.arrayContaining([good.id, alsoGood.id]));
    expect(kept).not.toContain(bad.id);
    expect(await app.get(DeadLetters).list({ consumer })).toEqual([expect.objectContaining({ eventId: bad.id })]);
  });
});
