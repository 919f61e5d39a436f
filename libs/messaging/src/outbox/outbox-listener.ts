import { Logger } from '@nestjs/common';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { OUTBOX_CHANNEL } from './outbox.migration.js';

const RECONNECT_DELAYS_MS = [100, 500, 1_000, 2_000, 5_000];

/**
 * A dedicated connection LISTENing on a Postgres channel (the outbox's unless told another): calls `onNotify` for
 * each notification (with its payload), and once after every (re)connection, since notifications sent while it
 * was away are lost.
 */
export class OutboxListener {
  private readonly logger = new Logger(OutboxListener.name);
  private client?: pg.Client;
  private stopped = true;
  private failures = 0;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly onNotify: (payload?: string) => void,
    private readonly channel: string = OUTBOX_CHANNEL,
  ) {}

  static forDataSource(
    dataSource: DataSource,
    onNotify: (payload?: string) => void,
    channel: string = OUTBOX_CHANNEL,
  ): OutboxListener {
    return new OutboxListener(pgConfigOf(dataSource), onNotify, channel);
  }

  private get applicationName(): string {
    return this.channel === OUTBOX_CHANNEL ? 'outbox-relay' : `listen-${this.channel}`;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ ...this.config, application_name: this.applicationName });
    client.on('notification', (n) => this.onNotify(n.payload));
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
      this.failures = 0;
      this.onNotify();
    } catch (e) {
      this.lost(client, e);
    }
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.stopped || (this.client !== undefined && this.client !== client)) return;
    this.client = undefined;
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    const delay = RECONNECT_DELAYS_MS[Math.min(this.failures, RECONNECT_DELAYS_MS.length - 1)];
    this.failures += 1;
    this.logger.warn(`Notifications on ${this.channel} lost (${describe(error)}); listening again in ${delay} ms`);
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), delay);
  }
}

function pgConfigOf(dataSource: DataSource): pg.ClientConfig {
  const o = dataSource.options;
  if (o.type !== 'postgres') throw new Error(`The outbox needs a Postgres data source, not ${o.type}`);
  if (o.url) return { connectionString: o.url };
  return {
    host: o.host,
    port: o.port,
    user: o.username,
    password: typeof o.password === 'string' ? o.password : undefined,
    database: o.database,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
