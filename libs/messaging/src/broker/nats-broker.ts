import { Logger } from '@nestjs/common';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { natsServers } from './nats-servers.js';

export interface BrokerConnectOptions {
  /** One server, or a cluster's servers separated by commas. */
  natsUrl: string;
  /** Shown in the server's connection list, e.g. `referrals`. */
  name: string;
  /** How long a JetStream publish or API call waits for the server (default 5000 ms). */
  timeoutMs?: number;
}

/**
 * One NATS connection per process, reconnecting forever. Tracks whether it is connected so the relay does not
 * publish into a dead socket and readiness can report it.
 */
export class NatsBroker {
  private readonly logger = new Logger(NatsBroker.name);
  private isConnected = true;
  private readonly reconnectListeners = new Set<() => void>();

  private constructor(
    readonly connection: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
  ) {
    void this.watchStatus();
  }

  /** Connects, waiting for the first connection as long as it takes (a service cannot work without its broker). */
  static async connect(options: BrokerConnectOptions): Promise<NatsBroker> {
    const connection = await connect({
      servers: natsServers(options.natsUrl),
      name: options.name,
      waitOnFirstConnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
    const timeout = options.timeoutMs ?? 5_000;
    const jsm = await jetstreamManager(connection, { timeout });
    return new NatsBroker(connection, jetstream(connection, { timeout }), jsm);
  }

  get connected(): boolean {
    return this.isConnected && !this.connection.isClosed();
  }

  /** Calls `listener` each time the connection comes back; returns a function that unregisters it. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** Flushes what is buffered and closes; safe to call twice. */
  async close(): Promise<void> {
    if (this.connection.isClosed()) return;
    await this.connection.drain().catch(() => this.connection.close());
  }

  private async watchStatus(): Promise<void> {
    for await (const status of this.connection.status()) {
      if (status.type === 'disconnect') {
        this.isConnected = false;
        this.logger.warn(`Disconnected from NATS ${status.server}; reconnecting`);
      } else if (status.type === 'reconnect') {
        this.isConnected = true;
        this.logger.log(`Reconnected to NATS ${status.server}`);
        for (const listener of this.reconnectListeners) listener();
      }
    }
  }
}
