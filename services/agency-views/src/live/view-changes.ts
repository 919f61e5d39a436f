import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import {
  ChannelListener,
  JetStreamServer,
  MESSAGING_OPTIONS,
  NatsBroker,
  type ResolvedMessagingOptions,
} from '@baton/messaging';
import { DataSource } from 'typeorm';
import { VIEW_CHANNEL, type ViewChangeMessage } from './view-change-message.js';

/** Looked up again this often while someone waits, besides each time a view change is heard. */
const POSITION_POLL_MS = 50;
/** How often the position known in memory is brought up to date when no one waits. */
const POSITION_REFRESH_MS = 1_000;

export type ViewChangeSubscriber = (message: ViewChangeMessage) => void;

/**
 * Committed view changes as this process hears them (every replica hears every change, whichever projected it),
 * feeding the live streams; and the stream position the views have applied, for read-your-writes queries.
 */
@Injectable()
export class ViewChanges implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ViewChanges.name);
  private readonly subscribers = new Set<ViewChangeSubscriber>();
  private readonly waiters = new Set<() => void>();
  private listener?: ChannelListener;
  private refresh?: NodeJS.Timeout;
  private applied = 0;
  private reading?: Promise<number>;
  /** Every change committed after this stream position has been heard (Infinity while that is not yet known). */
  private heardAfter = Number.POSITIVE_INFINITY;
  private listening = 0;
  /** The position of the latest change heard per tenant and agency, and of the latest rebuild. */
  private readonly lastChange = new Map<string, number>();
  private lastRebuild = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly broker: NatsBroker,
    private readonly server: JetStreamServer,
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
    this.waiters.forEach((wake) => wake());
  }

  subscribe(subscriber: ViewChangeSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /**
   * Whether a screen of `agencyId` whose last event was at `lastSeen` may have missed changes: true when a change
   * to that agency's families (or a rebuild) was heard since, or when this process cannot tell (the screen's
   * position is from before this process was listening, or was lost while the listener reconnected).
   */
  mayHaveMissed(tenant: string, agencyId: string, lastSeen: number): boolean {
    if (lastSeen < this.heardAfter) return true;
    return this.lastRebuild > lastSeen || (this.lastChange.get(`${tenant}/${agencyId}`) ?? 0) > lastSeen;
  }

  /** The position as last read: never ahead of the truth, at most a second behind it. */
  knownPosition(): number {
    return this.applied;
  }

  /**
   * The highest stream sequence up to which every event the views are built from has been applied: for each of
   * the views' consumers, everything when it has nothing pending, else its acknowledgement floor (a consumer
   * acknowledges only after the event's changes committed, or once it has dead-lettered the event); the lowest
   * of those. Concurrent callers share one reading.
   */
  appliedPosition(): Promise<number> {
    this.reading ??= this.readPosition().finally(() => (this.reading = undefined));
    return this.reading;
  }

  /** Resolves true once `position` is applied, false if `timeoutMs` passes first. */
  async waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    // While the broker does not answer, the position is not known to be reached: keep waiting until the deadline.
    while ((await this.appliedPosition().catch(() => this.applied)) < position) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, POSITION_POLL_MS));
        this.waiters.add(wake);
      });
    }
    return true;
  }

  private async readPosition(): Promise<number> {
    const { stream } = this.messaging;
    // The stream's end is read first: a consumer found with nothing pending afterwards has applied up to it.
    const { state } = await this.broker.jsm.streams.info(stream);
    const floors = await Promise.all(
      this.server.bindings().map(async ({ durable }) => {
        const info = await this.broker.jsm.consumers.info(stream, durable).catch(() => undefined);
        if (info === undefined) return 0;
        return info.num_pending === 0 && info.num_ack_pending === 0 ? state.last_seq : info.ack_floor.stream_seq;
      }),
    );
    const position = floors.length === 0 ? state.last_seq : Math.min(...floors);
    this.applied = Math.max(this.applied, position);
    return this.applied;
  }

  private heard(payload: string | undefined): void {
    // (Re)connected or a change committed: waiting readers look again at once.
    this.waiters.forEach((wake) => wake());
    if (payload === undefined) {
      this.startedListening();
      return;
    }
    let message: ViewChangeMessage;
    try {
      message = JSON.parse(payload) as ViewChangeMessage;
    } catch {
      this.logger.warn(`Ignoring an unreadable notification on ${VIEW_CHANNEL}`);
      return;
    }
    this.remember(message);
    for (const subscriber of this.subscribers) subscriber(message);
  }

  private remember(message: ViewChangeMessage): void {
    // A change replayed from a dead letter has no position of its own: it happened now, after anything seen so far.
    const at = message.position ?? Math.max(this.applied, this.lastRebuild, ...this.lastChange.values());
    if (message.rebuilt) this.lastRebuild = Math.max(this.lastRebuild, at);
    for (const { agencyId } of message.agencies ?? []) {
      const key = `${message.tenant}/${agencyId}`;
      this.lastChange.set(key, Math.max(this.lastChange.get(key) ?? 0, at));
    }
  }

  /**
   * Notifications sent while the listener was away are lost. Every change committed before it (re)connected has a
   * position at most the stream's end as read afterwards; everything after that is heard from now on.
   */
  private startedListening(): void {
    const listening = ++this.listening;
    this.heardAfter = Number.POSITIVE_INFINITY;
    const readStreamEnd = (): void => {
      this.broker.jsm.streams
        .info(this.messaging.stream)
        .then(({ state }) => {
          if (listening === this.listening) this.heardAfter = state.last_seq;
        })
        .catch(() => {
          if (listening === this.listening) setTimeout(readStreamEnd, POSITION_REFRESH_MS).unref();
        });
    };
    readStreamEnd();
  }
}
