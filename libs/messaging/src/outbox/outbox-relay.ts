import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS, type ResolvedMessagingOptions } from '../messaging.options.js';
import { MessagingMetrics } from '../metrics/messaging-metrics.js';
import { pgConfigOf } from '../notify/channel-listener.js';
import type { FromRelayThread, RelayThreadData, ToRelayThread } from './relay-thread-protocol.js';

/** Pause before a relay thread that ended by itself is started again. */
const RESTART_DELAY_MS = 1_000;

/**
 * Publishes committed outbox rows to JetStream from a worker thread of its own (`relay-worker.ts`, the work itself in
 * `RelayLoop`): in seq order per aggregate, with `Nats-Msg-Id` = event id, safe in several replicas. The thread has
 * its own database and NATS connections, so relaying and requests do not queue behind each other on one event loop.
 * Its log lines and publish failures come back here, to the service's logger and metrics. A thread that dies is
 * started again; nothing is lost meanwhile, since every row waits in the outbox until it is marked published.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private worker?: Worker;
  private stopping = false;
  private restart?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
    @Optional() private readonly metrics: MessagingMetrics = new MessagingMetrics(),
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** Starts the relay's thread; resolves once it listens for commits and is connected to NATS. */
  async start(): Promise<void> {
    if (this.worker) return;
    this.stopping = false;
    await this.startThread();
  }

  /** Stops after the batch in flight is published and marked, and the thread has closed its connections. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restart);
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ kind: 'stop' } satisfies ToRelayThread);
    await exited;
  }

  /** Events committed but not yet published: the relay's lag. */
  async pending(): Promise<number> {
    const [{ count }] = await this.dataSource.query<{ count: string }[]>(
      'SELECT count(*) AS count FROM outbox WHERE published_at IS NULL',
    );
    return Number(count);
  }

  private startThread(): Promise<void> {
    const data: RelayThreadData = {
      service: this.options.service,
      natsUrl: this.options.natsUrl,
      database: pgConfigOf(this.dataSource),
      relay: this.options.relay,
      setupModule: this.options.relay.threadSetupModule,
    };
    const entry = relayThreadEntry();
    const worker = new Worker(entry.url, { workerData: data, execArgv: entry.execArgv, name: 'outbox-relay' });
    this.worker = worker;
    return new Promise<void>((resolve, reject) => {
      let started = false;
      worker.on('message', (message: FromRelayThread) => {
        if (message.kind === 'started') {
          started = true;
          resolve();
        } else if (message.kind === 'publish-failures') this.metrics.publishFailures.inc(message.count);
        else if (message.kind === 'log') this.forwardLog(message);
        else if (message.kind === 'stopped') void worker.terminate();
      });
      worker.on('error', (e) => {
        this.logger.error(`Outbox relay thread failed: ${e.message}`, e.stack);
        if (!started) reject(e);
      });
      worker.on('exit', (code) => {
        if (this.worker === worker) this.worker = undefined;
        if (this.stopping || !started) return;
        this.logger.error(`Outbox relay thread ended (exit code ${code}); starting it again in ${RESTART_DELAY_MS} ms`);
        this.restart = setTimeout(() => {
          if (!this.stopping) this.startThread().catch(() => undefined);
        }, RESTART_DELAY_MS);
      });
    });
  }

  private forwardLog(line: Extract<FromRelayThread, { kind: 'log' }>): void {
    const logger = new Logger(line.context);
    if (line.level === 'error') logger.error(line.message, line.stack);
    else logger[line.level](line.message);
  }
}

/**
 * The thread's entry point: the compiled `relay-worker.js` beside this file. Under Jest the library runs from its
 * TypeScript sources, so the thread runs `relay-worker.ts` with Node's own type transform, and a resolve hook maps
 * the `.js` specifiers NodeNext imports use to the `.ts` files that exist.
 */
function relayThreadEntry(): { url: URL; execArgv?: string[] } {
  const compiled = new URL('./relay-worker.js', import.meta.url);
  if (existsSync(compiled)) return { url: compiled };
  const source = new URL('./relay-worker.ts', import.meta.url);
  if (!existsSync(source)) throw new Error(`The outbox relay's thread entry is missing beside ${import.meta.url}`);
  return {
    url: source,
    execArgv: ['--experimental-transform-types', '--disable-warning=ExperimentalWarning', '--import', TS_RESOLVE_HOOK],
  };
}

const TS_RESOLVE_HOOK = `data:text/javascript,${encodeURIComponent(
  `import { registerHooks } from 'node:module';
   registerHooks({
     resolve(specifier, context, next) {
       try { return next(specifier, context); } catch (error) {
         if (/^\\.\\.?\\//.test(specifier) && specifier.endsWith('.js')) return next(specifier.slice(0, -3) + '.ts', context);
         throw error;
       }
     },
   });`,
)}`;
