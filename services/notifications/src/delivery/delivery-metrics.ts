import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

const WAITING = `
  SELECT channel, status, count(*)::int AS count FROM delivery
  WHERE status IN ('pending', 'failed', 'dead') GROUP BY channel, status`;

const STATUSES = ['pending', 'failed', 'dead'] as const;

/**
 * Deliveries by channel for Prometheus: how many wait (pending), wait to be retried after a failed attempt (failed)
 * or were given up on (dead), read from the table at scrape time; and each attempt's outcome as it happens.
 */
@Injectable()
export class DeliveryMetrics {
  readonly attempts: Counter<'channel' | 'outcome'>;

  constructor(registry: Registry, dataSource: DataSource) {
    this.attempts = new Counter({
      name: 'baton_delivery_attempts_total',
      help: 'Delivery attempts by channel and outcome (delivered, retry, dead)',
      labelNames: ['channel', 'outcome'],
      registers: [registry],
    });
    new Gauge({
      name: 'baton_deliveries',
      help: 'Deliveries by channel and status: pending, failed (to be retried) or dead',
      labelNames: ['channel', 'status'],
      registers: [registry],
      async collect() {
        const rows = await dataSource.query<{ channel: string; status: string; count: number }[]>(WAITING);
        this.reset();
        for (const channel of ['webhook', 'email', 'nats']) {
          for (const status of STATUSES) this.set({ channel, status }, 0);
        }
        for (const row of rows) this.set({ channel: row.channel, status: row.status }, row.count);
      },
    });
  }
}
