import { Injectable, Optional } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';

/**
 * The messaging figures an operator alerts on, in the service's Prometheus registry: the outbox backlog and its
 * age, publish failures, and per consumer its lag, redeliveries and dead letters. The gauges are read when
 * Prometheus scrapes (from the outbox, the dead-letter table and JetStream's consumer info); the counters count as
 * things happen. Without a registry (a bare test module) they count into one nobody reads.
 */
@Injectable()
export class MessagingMetrics {
  readonly registry: Registry;
  /** Events whose publish attempt failed (each attempt counts; the row is retried). */
  readonly publishFailures: Counter;
  /** Messages delivered again after a nak, an ack wait running out or a restart. */
  readonly redeliveries: Counter<'consumer'>;
  /** Events a consumer gave up on and kept as dead letters. */
  readonly deadLettered: Counter<'consumer'>;

  constructor(@Optional() registry?: Registry) {
    this.registry = registry ?? new Registry();
    const registers = [this.registry];
    this.publishFailures = new Counter({
      name: 'baton_outbox_publish_failures_total',
      help: 'Outbox events whose publish to JetStream failed (each attempt; the relay retries)',
      registers,
    });
    this.redeliveries = new Counter({
      name: 'baton_consumer_redeliveries_total',
      help: 'Messages a durable consumer received again (after a failure, an ack timeout or a restart)',
      labelNames: ['consumer'],
      registers,
    });
    this.deadLettered = new Counter({
      name: 'baton_consumer_dead_letters_total',
      help: 'Events a durable consumer gave up on and kept as dead letters',
      labelNames: ['consumer'],
      registers,
    });
  }

  /** The outbox backlog, read at scrape time. */
  observeOutbox(read: () => Promise<{ pending: number; oldestAgeSeconds: number }>): void {
    let last: Promise<{ pending: number; oldestAgeSeconds: number }> | undefined;
    // Both gauges answer from one query per scrape.
    const once = (): Promise<{ pending: number; oldestAgeSeconds: number }> => {
      last ??= read().finally(() => setImmediate(() => (last = undefined)));
      return last;
    };
    new Gauge({
      name: 'baton_outbox_pending_events',
      help: 'Events committed to the outbox and not yet published',
      registers: [this.registry],
      async collect() {
        this.set((await once()).pending);
      },
    });
    new Gauge({
      name: 'baton_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest event not yet published (0 when none waits)',
      registers: [this.registry],
      async collect() {
        this.set((await once()).oldestAgeSeconds);
      },
    });
  }

  /** Per consumer: its lag on the stream and the dead letters waiting for an operator, read at scrape time. */
  observeConsumers(read: () => Promise<ConsumerFigures[]>): void {
    let last: Promise<ConsumerFigures[]> | undefined;
    const once = (): Promise<ConsumerFigures[]> => {
      last ??= read().finally(() => setImmediate(() => (last = undefined)));
      return last;
    };
    const gauge = (name: string, help: string, pick: (f: ConsumerFigures) => number): void => {
      new Gauge({
        name,
        help,
        labelNames: ['consumer'],
        registers: [this.registry],
        async collect() {
          this.reset();
          for (const figures of await once()) this.set({ consumer: figures.consumer }, pick(figures));
        },
      });
    };
    gauge(
      'baton_consumer_pending_messages',
      'Messages on the stream not yet delivered to the consumer',
      (f) => f.pending,
    );
    gauge(
      'baton_consumer_ack_pending_messages',
      'Messages delivered to the consumer and not yet acknowledged',
      (f) => f.ackPending,
    );
    gauge(
      'baton_consumer_redelivered_messages',
      'Messages delivered more than once and not yet acknowledged',
      (f) => f.redelivered,
    );
    gauge('baton_dead_letters_waiting', 'Dead letters of the consumer not replayed yet', (f) => f.deadLetters);
  }
}

export interface ConsumerFigures {
  consumer: string;
  pending: number;
  ackPending: number;
  redelivered: number;
  deadLetters: number;
}
