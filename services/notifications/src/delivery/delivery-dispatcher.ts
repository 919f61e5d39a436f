import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChannelListener, inStoredTraceSpan, Wakeup } from '@baton/messaging';
import { afterFailure, type RetryPolicy } from '../domain/retry-schedule.js';
import { DELIVERY_CHANNEL } from '../migrations/1763900000400-create-notifications.js';
import type { ClaimedDelivery, DeliveryChannel } from './claimed-delivery.js';
import { DeliveryMetrics } from './delivery-metrics.js';
import { DeliveryStore, type AttemptResult } from './delivery-store.js';
import { EmailChannel } from './email.channel.js';
import { NatsAgencyChannel } from './nats-agency.channel.js';
import { WebhookChannel } from './webhook.channel.js';

export interface DispatcherSettings {
  retry: RetryPolicy;
  batchSize: number;
  pollIntervalMs: number;
  timeoutMs: number;
  /** Claim-and-send loops running side by side, so one slow receiver does not hold up the rest. */
  workers: number;
}

export const DISPATCHER_SETTINGS = Symbol('DISPATCHER_SETTINGS');

/**
 * Sends due deliveries: wakes on the commit that created them (LISTEN) and polls as a fallback; each attempt's
 * outcome is written back — delivered, retried later with backoff and jitter, or dead after the last attempt.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private readonly channels: Partial<Record<ClaimedDelivery['channel'], DeliveryChannel>>;
  private readonly listener: ChannelListener;
  private wakeups: Wakeup[] = [];
  private running: Promise<void>[] = [];
  private readonly recording = new Set<Promise<void>>();
  private stopped = true;

  constructor(
    dataSource: DataSource,
    private readonly store: DeliveryStore,
    @Inject(DISPATCHER_SETTINGS) private readonly settings: DispatcherSettings,
    webhook: WebhookChannel,
    nats: NatsAgencyChannel,
    @Inject(EmailChannel) email: EmailChannel | null,
    private readonly metrics: DeliveryMetrics,
  ) {
    this.channels = { webhook, nats, ...(email ? { email } : {}) };
    this.listener = ChannelListener.on(dataSource, DELIVERY_CHANNEL, () => this.wake(), 'notifications-dispatcher');
  }

  async onApplicationBootstrap(): Promise<void> {
    this.stopped = false;
    this.wakeups = Array.from({ length: this.settings.workers }, () => new Wakeup());
    await this.listener.start();
    this.running = this.wakeups.map((w) => this.loop(w));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.listener.stop();
    await Promise.all(this.running);
    await Promise.all(this.recording);
  }

  wake(): void {
    this.wakeups.forEach((w) => w.wake());
  }

  /** Claims and sends one batch; returns how many were claimed. */
  async runOnce(): Promise<number> {
    const leaseMs = this.settings.timeoutMs * 2 + 1_000;
    const claimed = await this.store.claim(this.settings.batchSize, leaseMs);
    if (claimed.length === 0) return 0;
    const results = await Promise.all(claimed.map((d) => this.attempt(d)));
    claimed.forEach((d, i) => this.metrics.attempts.inc({ channel: d.channel, outcome: results[i].outcome }));
    // Written while the next round claims: until it is, a leased row and its queue's later rows stay unclaimable.
    const recorded: Promise<void> = this.store
      .record(results)
      .catch((e: Error) =>
        this.logger.error(`Recording ${results.length} attempts failed (their leases will expire): ${e.message}`),
      )
      .finally(() => this.recording.delete(recorded));
    this.recording.add(recorded);
    return claimed.length;
  }

  private async loop(wakeup: Wakeup): Promise<void> {
    while (!this.stopped) {
      let claimed = 0;
      try {
        claimed = await this.runOnce();
      } catch (e) {
        this.logger.error(`Delivery round failed: ${(e as Error).message}`);
      }
      if (claimed < this.settings.batchSize && !this.stopped) await wakeup.sleep(this.settings.pollIntervalMs);
    }
  }

  private async attempt(delivery: ClaimedDelivery): Promise<AttemptResult> {
    const channel = this.channels[delivery.channel];
    if (channel === undefined)
      return { id: delivery.id, outcome: 'dead', error: `no ${delivery.channel} channel configured` };
    if (delivery.channel === 'webhook' && delivery.endpoint === null) {
      return { id: delivery.id, outcome: 'dead', error: 'the webhook endpoint was removed' };
    }
    try {
      await inStoredTraceSpan(
        delivery.traceContext,
        `deliver ${delivery.channel}`,
        { 'baton.delivery.id': delivery.publicId, 'baton.delivery.attempt': delivery.attempts },
        () => channel.send(delivery),
      );
      return { id: delivery.id, outcome: 'delivered' };
    } catch (e) {
      const error = describe(e);
      const next = afterFailure(delivery.attempts, this.settings.retry);
      if (next.outcome === 'dead') {
        this.logger.warn(
          `Delivery ${delivery.publicId} (${delivery.channel}) dead after ${delivery.attempts} attempts: ${loggable(error)}`,
        );
        return { id: delivery.id, outcome: 'dead', error };
      }
      this.logger.warn(
        `Delivery ${delivery.publicId} (${delivery.channel}) attempt ${delivery.attempts} failed, retrying in ${next.delayMs} ms: ${loggable(error)}`,
      );
      return { id: delivery.id, outcome: 'retry', dueAt: new Date(Date.now() + next.delayMs), error };
    }
  }
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? `: ${e.cause.message}` : '';
  return `${e.message}${cause}`;
}

/** A mail server's refusal may quote the recipient's address; the delivery's id is what an operator looks up. */
function loggable(reason: string): string {
  return reason.replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '[address]');
}
