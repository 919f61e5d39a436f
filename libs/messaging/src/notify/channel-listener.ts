import { Logger } from '@nestjs/common';
import pg from 'pg';
import type { DataSource } from 'typeorm';

const RECONNECT_DELAYS_MS = [100, 500, 1_000, 2_000, 5_000];

/**
 * A dedicated connection LISTENing on one Postgres channel: calls `onNotify` with each notification's payload
 * (sent by `pg_notify` and delivered only when the sending transaction commits), and with `undefined` once after
 * every (re)connection, since notifications sent while it was away are lost.
 */
export class ChannelListener {
  private readonly logger = new Logger(ChannelListener.name);
  private client?: pg.Client;
  private stopped = true;
  private failures = 0;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    private readonly onNotify: (payload: string | undefined) => void,
    private readonly applicationName = 'channel-listener',
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`'${channel}' is not a plain Postgres channel name`);
  }

  /** A listener on the data source's database. */
  static on(
    dataSource: DataSource,
    channel: string,
    onNotify: (payload: string | undefined) => void,
    applicationName?: string,
  ): ChannelListener {
    return new ChannelListener(pgConfigOf(dataSource), channel, onNotify, applicationName);
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
    client.on('notification', (n) => this.onNotify(n.payload ?? ''));
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
      this.onNotify(undefined);
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

export function pgConfigOf(dataSource: DataSource): pg.ClientConfig {
  const o = dataSource.options;
  if (o.type !== 'postgres') throw new Error(`Listening needs a Postgres data source, not ${o.type}`);
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
