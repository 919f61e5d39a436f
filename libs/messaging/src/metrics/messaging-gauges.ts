import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NatsBroker } from '../broker/nats-broker.js';
import { MESSAGING_OPTIONS, type ResolvedMessagingOptions } from '../messaging.options.js';
import { JetStreamServer } from '../transport/jetstream.server.js';
import { MessagingMetrics, type ConsumerFigures } from './messaging-metrics.js';

const OUTBOX_BACKLOG = `
  SELECT count(*)::int AS pending,
    COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS "oldestAgeSeconds"
  FROM outbox WHERE published_at IS NULL`;

const WAITING_DEAD_LETTERS = `
  SELECT consumer, count(*)::int AS count FROM dead_letter WHERE replayed_at IS NULL GROUP BY consumer`;

/** Reads the outbox backlog, consumer lag and waiting dead letters for {@link MessagingMetrics} at scrape time. */
@Injectable()
export class MessagingGauges implements OnModuleInit {
  constructor(
    private readonly metrics: MessagingMetrics,
    private readonly dataSource: DataSource,
    private readonly broker: NatsBroker,
    private readonly server: JetStreamServer,
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
  ) {}

  onModuleInit(): void {
    this.metrics.observeOutbox(async () => {
      const [row] = await this.dataSource.query<{ pending: number; oldestAgeSeconds: number }[]>(OUTBOX_BACKLOG);
      return row;
    });
    this.metrics.observeConsumers(() => this.consumerFigures());
  }

  private async consumerFigures(): Promise<ConsumerFigures[]> {
    const waiting = await this.dataSource.query<{ consumer: string; count: number }[]>(WAITING_DEAD_LETTERS);
    const letters = new Map(waiting.map((w) => [w.consumer, w.count]));
    return Promise.all(
      this.server.bindings().map(async ({ durable }) => {
        const info = this.broker.connected
          ? await this.broker.jsm.consumers.info(this.options.stream, durable).catch(() => undefined)
          : undefined;
        return {
          consumer: durable,
          pending: info?.num_pending ?? 0,
          ackPending: info?.num_ack_pending ?? 0,
          redelivered: info?.num_redelivered ?? 0,
          deadLetters: letters.get(durable) ?? 0,
        };
      }),
    );
  }
}
