import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { NatsBroker } from './broker/nats-broker.js';
import { DeadLetters } from './dead-letter/dead-letters.js';
import { MessagingHealth } from './health/messaging-health.js';
import {
  MESSAGING_OPTIONS,
  resolveMessagingOptions,
  type MessagingOptions,
  type ResolvedMessagingOptions,
} from './messaging.options.js';
import { LoneEvents } from './outbox/lone-events.js';
import { Outbox } from './outbox/outbox.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { OutboxRetention } from './outbox/outbox-retention.js';
import { MessagingGauges } from './metrics/messaging-gauges.js';
import { MessagingMetrics } from './metrics/messaging-metrics.js';
import { ProducedEventsInterceptor } from './outbox/produced-events.js';
import { ensureEventStream } from './stream/event-stream.js';
import { JetStreamServer } from './transport/jetstream.server.js';

/** Closes the broker connection last, after the relay and consumers have stopped using it. */
class BrokerShutdown implements OnApplicationShutdown {
  constructor(private readonly broker: NatsBroker) {}

  onApplicationShutdown(): Promise<void> {
    return this.broker.close();
  }
}

/**
 * The event backbone for one service. Needs TypeORM's `DataSource` (from `TypeOrmModule`) and the messaging
 * tables (`messagingEntities`, `messagingMigrations`) in the service's database.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const resolved = resolveMessagingOptions(options);
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: resolved },
        {
          provide: NatsBroker,
          inject: [MESSAGING_OPTIONS],
          useFactory: async (o: ResolvedMessagingOptions) => {
            const broker = await NatsBroker.connect({
              natsUrl: o.natsUrl,
              name: o.service,
              timeoutMs: o.relay.publishTimeoutMs,
            });
            await ensureEventStream(broker.jsm, o);
            return broker;
          },
        },
        { provide: BrokerShutdown, inject: [NatsBroker], useFactory: (b: NatsBroker) => new BrokerShutdown(b) },
        Outbox,
        LoneEvents,
        OutboxRelay,
        OutboxRetention,
        JetStreamServer,
        DeadLetters,
        MessagingHealth,
        MessagingMetrics,
        MessagingGauges,
        { provide: APP_INTERCEPTOR, useClass: ProducedEventsInterceptor },
      ],
      exports: [
        MESSAGING_OPTIONS,
        NatsBroker,
        Outbox,
        LoneEvents,
        OutboxRelay,
        JetStreamServer,
        DeadLetters,
        MessagingHealth,
        MessagingMetrics,
      ],
    };
  }
}
