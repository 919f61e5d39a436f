/**
 * The outbox relay's own thread: its database pool, its LISTEN connection and its NATS connection, so that relaying
 * never waits behind requests on the service's event loop (and requests never wait behind it). Started by
 * `OutboxRelay`; its logs and publish-failure counts go back to the service's thread, which owns the logger and the
 * metrics.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Logger, type LoggerService } from '@nestjs/common';
import pg from 'pg';
import { NatsBroker } from '../broker/nats-broker.js';
import { ChannelListener } from '../notify/channel-listener.js';
import { OUTBOX_CHANNEL } from './outbox.migration.js';
import { RelayLoop } from './relay-loop.js';
import type { FromRelayThread, RelayLogLevel, RelayThreadData, ToRelayThread } from './relay-thread-protocol.js';

interface ThreadSetup {
  shutdown(): Promise<void>;
}

const port = parentPort;
if (!port) throw new Error('relay-worker runs as a worker thread started by OutboxRelay');
const data = workerData as RelayThreadData;
const send = (message: FromRelayThread): void => port.postMessage(message);

/** Nest's `Logger` in this thread: every line goes to the service's logger. */
class ForwardingLogger implements LoggerService {
  log = this.forward('log');
  warn = this.forward('warn');
  debug = this.forward('debug');
  verbose = this.forward('verbose');
  fatal = this.forward('fatal');

  error(message: unknown, ...rest: unknown[]): void {
    const context = typeof rest.at(-1) === 'string' && rest.length > 1 ? String(rest.pop()) : 'OutboxRelay';
    const stack = typeof rest[0] === 'string' ? rest[0] : undefined;
    send({ kind: 'log', level: 'error', context, message: String(message), stack });
  }

  private forward(level: RelayLogLevel): (message: unknown, ...rest: unknown[]) => void {
    return (message, ...rest) => {
      const context = typeof rest.at(-1) === 'string' ? String(rest.at(-1)) : 'OutboxRelay';
      send({ kind: 'log', level, context, message: String(message) });
    };
  }
}

Logger.overrideLogger(new ForwardingLogger());

const setup: ThreadSetup | undefined = data.setupModule
  ? await ((await import(data.setupModule)) as { setUpThread(service: string): Promise<ThreadSetup> }).setUpThread(
      data.service,
    )
  : undefined;

const pool = new pg.Pool({ ...data.database, max: 1, application_name: `baton-${data.service}-relay` });
// An idle connection Postgres drops (a restart) is replaced at the next batch; the error alone must not end the thread.
pool.on('error', (e) => new Logger('OutboxRelay').warn(`Relay database connection lost: ${e.message}`));
const broker = await NatsBroker.connect({
  natsUrl: data.natsUrl,
  name: `${data.service}-relay`,
  timeoutMs: data.relay.publishTimeoutMs,
});
const loop = new RelayLoop(pool, broker, data.relay, (count) => send({ kind: 'publish-failures', count }));
// Notifications arrive when a commit appended events, and once after every (re)connection of the listener.
const listener = new ChannelListener(data.database, OUTBOX_CHANNEL, () => loop.wake(), `baton-${data.service}-relay`);
broker.onReconnect(() => loop.wake());
await listener.start();
loop.start();
send({ kind: 'started' });

port.on('message', (message: ToRelayThread) => {
  if (message.kind !== 'stop') return;
  void (async () => {
    await loop.stop();
    await listener.stop();
    await Promise.all([pool.end(), broker.close()]);
    await setup?.shutdown();
    send({ kind: 'stopped' });
    port.close();
  })();
});
