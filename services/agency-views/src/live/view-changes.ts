import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ALL_EVENTS, ChannelListener, durableNameFor, MESSAGING_OPTIONS, NatsBroker } from '@baton/messaging';
import type { ResolvedMessagingOptions } from '@baton/messaging';
import { DataSource } from 'typeorm';
import { FAMILIES_PROJECTION } from '../view-store/view-tables.js';
import { VIEW_CHANNEL, type ViewChangeMessage } from './view-change-message.js';

/** Looked up again this often while someone waits, in case a notification was lost with a reconnection. */
const POSITION_POLL_MS = 250;
/** Events that change no view are not announced: the known position catches up with them this often. */
const POSITION_REFRESH_MS = 1_000;

export type ViewChangeSubscriber = (message: ViewChangeMessage) => void;

/**
 * Committed view changes as this process hears them: feeds the live streams and answers "has position N been
 * applied yet?" for read-your-writes queries. Every replica hears every change, whichever replica projected it.
 */
@Injectable()
export class ViewChanges implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ViewChanges.name);
  private readonly subscribers = new Set<ViewChangeSubscriber>();
  private readonly waiters = new Set<{ position: number; wake: () => void }>();
  private listener?: ChannelListener;
  private applied = 0;
  private refresh?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly broker: NatsBroker,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: ResolvedMessagingOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    this.listener = ChannelListener.on(this.dataSource, VIEW_CHANNEL, (p) => this.heard(p), 'agency-views-live');
    await this.listener.start();
    this.refresh = setInterval(() => void this.appliedPosition().catch(() => undefined), POSITION_REFRESH_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.refresh);
    await this.listener?.stop();
    this.waiters.forEach((w) => w.wake());
  }

  subscribe(subscriber: ViewChangeSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /**
   * The position applied as this process last read or heard it: never ahead of the truth, and at most a moment
   * behind (a notification in flight), which only makes a reader's `baton-position` conservative.
   */
  knownPosition(): number {
    return this.applied;
  }

  /** The stream sequence applied, read from the database. */
  async appliedPosition(): Promise<number> {
    const [row]: { applied_seq: string }[] = await this.dataSource.query(
      'SELECT applied_seq FROM view_position WHERE projection = $1',
      [FAMILIES_PROJECTION],
    );
    this.raise(Number(row?.applied_seq ?? 0));
    return this.applied;
  }

  /**
   * Everything up to the consumer's ack floor has been dealt with: applied, or skipped as a duplicate, another
   * version or a dead letter — messages the views never see but that still move the position on.
   */
  private async acknowledgedPosition(): Promise<number> {
    const durable = durableNameFor(this.messaging.service, ALL_EVENTS);
    const info = await this.broker.jsm.consumers.info(this.messaging.stream, durable).catch(() => undefined);
    this.raise(info?.ack_floor.stream_seq ?? 0);
    return this.applied;
  }

  /** Resolves true once `position` is applied, false if `timeoutMs` passes first. */
  async waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.appliedPosition()) < position && (await this.acknowledgedPosition()) < position) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const waiter = {
          position,
          wake: () => {
            clearTimeout(timer);
            this.waiters.delete(waiter);
            resolve();
          },
        };
        const timer = setTimeout(waiter.wake, Math.min(left, POSITION_POLL_MS));
        this.waiters.add(waiter);
      });
    }
    return true;
  }

  private heard(payload: string | undefined): void {
    // (Re)connected: whatever was announced meanwhile is lost, so read where the views stand.
    if (payload === undefined) {
      void this.appliedPosition().catch(() => undefined);
      return;
    }
    let message: ViewChangeMessage;
    try {
      message = JSON.parse(payload) as ViewChangeMessage;
    } catch {
      this.logger.warn(`Ignoring an unreadable notification on ${VIEW_CHANNEL}`);
      return;
    }
    if (message.position !== null) this.raise(message.position);
    for (const subscriber of this.subscribers) subscriber(message);
  }

  private raise(position: number): void {
    if (position <= this.applied) return;
    this.applied = position;
    for (const waiter of [...this.waiters]) if (waiter.position <= position) waiter.wake();
  }
}
