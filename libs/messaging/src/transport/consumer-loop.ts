import { Logger } from '@nestjs/common';
import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import type { NatsBroker } from '../broker/nats-broker.js';
import type { ResolvedMessagingOptions } from '../messaging.options.js';
import { ensureEventStream } from '../stream/event-stream.js';
import type { ConsumerBinding } from './consumer-binding.js';
import { ensureDurableConsumer, isStreamNotFound } from './durable-consumer.js';
import type { EventProcessor } from './event-processor.js';

/** Messages pulled ahead of the handler; small, so none waits long enough to outlive its ack wait. */
const PULL_AHEAD = 32;
const RESTART_DELAY_MS = 1_000;
/** How long one bounded pull of a batch consumer stays open waiting for events. */
const FETCH_EXPIRES_MS = 5_000;
const NOTHING_YET = Symbol('nothing yet');

/** Resolves after the messages already received have had their turn. */
function nothingYet(): Promise<typeof NOTHING_YET> {
  return new Promise((resolve) => setImmediate(() => resolve(NOTHING_YET)));
}

/**
 * Feeds one durable consumer's messages to the processor in order (a batch of those already pulled, handled one
 * by one) and keeps doing so across broker restarts: if the iterator ends or the consumer disappears, it is
 * recreated.
 */
export class ConsumerLoop {
  private readonly logger = new Logger(ConsumerLoop.name);
  private closing = false;
  private messages?: ConsumerMessages;
  private running?: Promise<void>;
  private restartTimer?: NodeJS.Timeout;
  private wakeRestart?: () => void;

  constructor(
    private readonly broker: NatsBroker,
    private readonly options: ResolvedMessagingOptions,
    private readonly binding: ConsumerBinding,
    private readonly processor: EventProcessor,
  ) {}

  /** Makes sure the durable consumer exists, then starts consuming. */
  async start(): Promise<void> {
    await this.ensureConsumer();
    this.running = this.consumeUntilClosed();
  }

  /** Stops pulling, hands back messages pulled but not started, and waits for the one being handled. */
  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.restartTimer);
    this.wakeRestart?.();
    await this.messages?.close().catch(() => undefined);
    await this.running;
  }

  private ensureConsumer(): Promise<unknown> {
    return ensureDurableConsumer(this.broker.jsm, {
      stream: this.options.stream,
      durable: this.binding.durable,
      filterSubject: this.binding.filterSubject,
      ackWaitMs: this.options.consumer.ackWaitMs,
      maxDeliver: this.options.consumer.maxDeliver,
    });
  }

  private async consumeUntilClosed(): Promise<void> {
    let first = true;
    while (!this.closing) {
      try {
        if (!first) await this.recreate();
        first = false;
        await this.consumeOnce();
      } catch (e) {
        if (!this.closing) this.logger.error(`${this.binding.durable} stopped consuming: ${String(e)}; restarting`);
      }
      if (!this.closing) await this.pause();
    }
  }

  private async consumeOnce(): Promise<void> {
    const consumer = await this.broker.js.consumers.get(this.options.stream, this.binding.durable);
    const batch = this.binding.batch;
    if (batch === undefined) {
      await this.drain(await consumer.consume({ max_messages: PULL_AHEAD }), PULL_AHEAD);
      return;
    }
    // Batch handlers take long enough per batch that consume()'s overlapping pulls can leave messages stranded
    // until their ack wait runs out (seen with nats-server 2.9): one bounded pull at a time keeps every
    // delivered message in hand. Messages are still handled as they arrive, so a lone event does not wait.
    while (!this.closing) {
      await this.drain(
        await consumer.fetch({ max_messages: batch.maxEvents, expires: FETCH_EXPIRES_MS }),
        batch.maxEvents,
      );
    }
  }

  /** Hands the messages to the processor in batches of those already arrived, until the iterator ends. */
  private async drain(messages: ConsumerMessages, max: number): Promise<void> {
    this.messages = messages;
    if (this.closing) await messages.close();
    void this.watch(messages);
    const iterator = messages[Symbol.asyncIterator]();
    // Batch handlers overlap reading (validation, CPU) of one batch with the commit (database) of the one before;
    // batches still commit and ack strictly in order.
    let committing: Promise<void> = Promise.resolve();
    // A next() that had nothing ready yet; the following batch starts with it.
    let carried: Promise<IteratorResult<JsMsg>> | undefined;
    const take = (): Promise<IteratorResult<JsMsg>> => {
      const next = carried ?? iterator.next();
      carried = undefined;
      return next;
    };
    try {
      for (let next = await take(); !next.done; next = await take()) {
        const batch = [next.value];
        // Whatever already arrived joins the batch; nothing waits for more, so a lone event goes at once.
        // getPending() can count a status callback still queued (nats.js), so a next() is never awaited blindly.
        while (batch.length < max && messages.getPending() > 0) {
          const pending = iterator.next();
          const more = await Promise.race([pending, nothingYet()]);
          if (more === NOTHING_YET) {
            carried = pending;
            break;
          }
          if (more.done) break;
          batch.push(more.value);
        }
        if (this.closing) {
          batch.forEach((msg) => msg.nak());
        } else if (this.binding.batch) {
          const read = await this.processor.read(this.binding, batch);
          await committing;
          committing = this.processor.handle(this.binding, read);
          // Awaited before the next batch or in `finally`; this only keeps Node from calling it unhandled meanwhile.
          committing.catch(() => undefined);
        } else {
          await this.processor.deliver(this.binding, batch);
        }
      }
    } finally {
      await committing;
    }
  }

  /** Ends the iterator when the consumer is gone, so the loop recreates it instead of waiting forever. */
  private async watch(messages: ConsumerMessages): Promise<void> {
    for await (const s of messages.status()) {
      if (s.type === 'consumer_deleted' || s.type === 'consumer_not_found' || s.type === 'stream_not_found') {
        if (!this.closing) this.logger.warn(`${this.binding.durable}: ${s.type}; recreating`);
        messages.stop();
        return;
      }
    }
  }

  private async recreate(): Promise<void> {
    try {
      await this.ensureConsumer();
    } catch (e) {
      if (!isStreamNotFound(e)) throw e;
      await ensureEventStream(this.broker.jsm, this.options);
      await this.ensureConsumer();
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      this.wakeRestart = resolve;
      this.restartTimer = setTimeout(resolve, RESTART_DELAY_MS);
    });
  }
}
