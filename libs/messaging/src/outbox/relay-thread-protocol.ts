import type pg from 'pg';
import type { ResolvedMessagingOptions } from '../messaging.options.js';

/** What the relay's thread is started with (structured-cloned into it). */
export interface RelayThreadData {
  service: string;
  natsUrl: string;
  /** Where the outbox is: the service's own database. */
  database: pg.ClientConfig;
  relay: ResolvedMessagingOptions['relay'];
  /** See `MessagingOptions.relay.threadSetupModule`. */
  setupModule?: string;
}

/** Nest log levels the thread forwards to the service's logger. */
export type RelayLogLevel = 'log' | 'warn' | 'error' | 'debug' | 'verbose' | 'fatal';

/** Messages from the relay's thread to the service. */
export type FromRelayThread =
  | { kind: 'started' }
  | { kind: 'log'; level: RelayLogLevel; context: string; message: string; stack?: string }
  | { kind: 'publish-failures'; count: number }
  | { kind: 'stopped' };

/** Messages from the service to the relay's thread. */
export type ToRelayThread = { kind: 'stop' };
