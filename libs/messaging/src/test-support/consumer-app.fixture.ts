import { Controller, Global, Module, type DynamicModule, type INestMicroservice } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { ReferralEvents, type CloudEvent } from '@baton/contracts';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { MessagingModule } from '../messaging.module.js';
import type { MessagingOptions } from '../messaging.options.js';
import { ALL_EVENTS } from '../transport/consumer-naming.js';
import type { JetStreamContext } from '../transport/jetstream.context.js';
import { JetStreamServer } from '../transport/jetstream.server.js';
import { OnEvent } from '../transport/on-event.decorator.js';

/** The side effect test handlers leave: one row per handled event, deliberately without a unique key. */
export class CreateHandled1700000000100 implements MigrationInterface {
  name = 'CreateHandled1700000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE handled (handler text NOT NULL, event_id uuid NOT NULL, delivery int NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE handled`);
  }
}

/** What the test handlers saw and which events they are told to fail. */
export class HandlerScript {
  readonly failing = new Set<string>();
  readonly deliveries: string[] = [];
}

export const script = new HandlerScript();

@Controller()
class OverdueHandler {
  @OnEvent(ReferralEvents.decisionOverdue)
  async onOverdue(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<void> {
    script.deliveries.push(event.id);
    await ctx.manager.query('INSERT INTO handled (handler, event_id, delivery) VALUES ($1, $2, $3)', [
      'overdue',
      event.id,
      ctx.deliveryCount,
    ]);
    if (script.failing.has(event.id)) throw new Error(`invented failure for ${event.id}`);
  }
}

@Controller()
class LedgerHandler {
  @OnEvent(ALL_EVENTS)
  async onAnyEvent(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<void> {
    await ctx.manager.query('INSERT INTO handled (handler, event_id, delivery) VALUES ($1, $2, $3)', [
      'ledger',
      event.id,
      ctx.deliveryCount,
    ]);
  }
}

@Global()
@Module({})
class GivenDatabase {
  static of(dataSource: DataSource): DynamicModule {
    return { module: GivenDatabase, providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] };
  }
}

/** A Nest microservice with the two test handlers on the JetStream transport, started. */
export async function startConsumerApp(dataSource: DataSource, options: MessagingOptions): Promise<INestMicroservice> {
  const moduleRef = await Test.createTestingModule({
    imports: [GivenDatabase.of(dataSource), MessagingModule.forRoot(options)],
    controllers: [OverdueHandler, LedgerHandler],
  }).compile();
  const app = moduleRef.createNestMicroservice({ strategy: moduleRef.get(JetStreamServer) });
  await app.listen();
  return app;
}
