import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DeliverPolicy, type ConsumerMessages } from '@nats-io/jetstream';
import { LRUCache } from 'lru-cache';
import { MESSAGING_OPTIONS, NatsBroker, type ResolvedMessagingOptions } from '@baton/messaging';

/** How far back the positions of events published before this process started are learnt. */
const LOOKBACK_MS = 10 * 60_000;
/** Event ids remembered (about 20 minutes at 100 events/s); an id older than that is looked for no more. */
const REMEMBERED = 200_000;

/**
 * The stream position of each event by its id, for read-your-writes by event (`after=<event id>`): a write names
 * the events it produced (Baton-Events), and the views answer once they have applied the stream up to where those
 * events are. Learnt from an ordered consumer reading only headers (Nats-Msg-Id is the event id) of the whole
 * stream, from a little before this process started; every replica keeps its own.
 */
@Injectable()
export class EventPositions implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EventPositions.name);
  private readonly positions = new LRUCache<string, number>({ max: REMEMBERED });
  private readonly waiters = new Set<() => void>();
  private messages?: ConsumerMessages;

  constructor(
    private readonly broker: NatsBroker,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: ResolvedMessagingOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    const consumer = await this.broker.js.consumers.get(this.messaging.stream, {
      filter_subjects: `${this.messaging.subjectPrefix}.>`,
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: new Date(Date.now() - LOOKBACK_MS).toISOString(),
      headers_only: true,
    });
    this.messages = await consumer.consume();
    void this.learn(this.messages);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.messages?.close();
    this.waiters.forEach((wake) => wake());
  }

  /**
   * The highest stream position of `eventIds` once every one of them has been seen on the stream; undefined if
   * `timeoutMs` passes first (an event not yet published by its service's relay, or not an event at all).
   */
  async positionOf(eventIds: readonly string[], timeoutMs: number): Promise<number | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const known = eventIds.map((id) => this.positions.get(id));
      if (known.every((p) => p !== undefined)) return Math.max(...(known as number[]));
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  private async learn(messages: ConsumerMessages): Promise<void> {
    try {
      for await (const message of messages) {
        const id = message.headers?.get('Nats-Msg-Id');
        if (id) this.positions.set(id, message.seq);
        this.waiters.forEach((wake) => wake());
      }
    } catch (error) {
      this.logger.error(`stopped learning event positions: ${(error as Error).message}`);
    }
  }
}
