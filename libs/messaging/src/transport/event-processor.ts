import { Logger } from '@nestjs/common';
import type { CloudEvent } from '@baton/contracts';
import type { JsMsg } from '@nats-io/jetstream';
import { isObservable, lastValueFrom } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import type { DeadLetterStore } from '../dead-letter/dead-letter-store.js';
import { recordInInbox, recordManyInInbox } from '../inbox/inbox.js';
import type { ResolvedMessagingOptions } from '../messaging.options.js';
import type { MessagingMetrics } from '../metrics/messaging-metrics.js';
import type { ConsumerBinding } from './consumer-binding.js';
import { redeliveryDelayMs } from './consumer-naming.js';
import { inBatchConsumeSpan } from '../tracing/trace-context.js';
import { inEventLogContext, withinEvent } from './event-scope.js';
import { JetStreamContext } from './jetstream.context.js';
import { readEnvelope, type ReadEnvelope } from './read-envelope.js';

export type ProcessOutcome = 'processed' | 'duplicate';

/** Messages read and valid, with their events, waiting to be handled. */
export type ReadBatch = { msg: JsMsg; event: CloudEvent }[];

const DEAD_LETTER_RETRY_MS = 1_000;

/**
 * Takes messages through a consumer: read each, run its handlers in a transaction with its inbox row, then ack;
 * on failure nak with backoff, and after the last attempt keep it as a dead letter and terminate it.
 */
export class EventProcessor {
  private readonly logger = new Logger(EventProcessor.name);
  private closing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterStore,
    private readonly options: ResolvedMessagingOptions,
    private readonly metrics: MessagingMetrics,
  ) {}

  /** Stops retrying dead-letter writes, so a shutdown is not held up by a database that is down. */
  close(): void {
    this.closing = true;
  }

  /**
   * Handles messages in order, one at a time, committing them together: each event runs inside a savepoint of
   * one transaction, so a failing handler undoes only its own writes while the batch pays for one commit.
   * Acks go out only after that commit.
   */
  async deliver(binding: ConsumerBinding, msgs: JsMsg[]): Promise<void> {
    await this.handle(binding, await this.read(binding, msgs));
  }

  /**
   * The first half of {@link deliver}: reads and validates each message (acking skips, dead-lettering poison) and
   * returns the events to handle. Pure CPU for valid events, so it can run while the previous batch commits.
   */
  async read(binding: ConsumerBinding, msgs: JsMsg[]): Promise<ReadBatch> {
    const events: ReadBatch = [];
    for (const msg of msgs) {
      if (msg.info.redelivered) this.metrics.redeliveries.inc({ consumer: binding.durable });
      const read = readEnvelope(msg.subject, msg.string(), binding.definition, {
        aggregate: binding.aggregate,
        acceptUncatalogued: binding.batch?.acceptUncatalogued,
      });
      if (read.kind === 'event') {
        events.push({ msg, event: read.event });
      } else if (read.kind === 'skip') {
        msg.ack();
      } else {
        this.logger.error(`${binding.durable} cannot read message ${msg.seq} on ${msg.subject}: ${read.error}`);
        await this.deadLetter(binding, msg, read, read.error);
      }
    }
    return events;
  }

  /** The second half of {@link deliver}: runs the handlers in a transaction, then acks (or retries) each event. */
  async handle(binding: ConsumerBinding, events: ReadBatch): Promise<void> {
    if (events.length === 0) return;
    // A slow batch must not let the ack wait run out and get its messages delivered twice at once.
    const keepAlive = setInterval(
      () => events.forEach(({ msg }) => msg.working()),
      Math.max(this.options.consumer.ackWaitMs / 2, 1_000),
    );
    try {
      const failures =
        binding.batch && (await this.runAsOneBatch(binding, events)) ? new Map() : await this.runBatch(binding, events);
      for (const [i, { msg, event }] of events.entries()) {
        const failure = failures.get(i);
        if (failure === undefined) msg.ack();
        else await inEventLogContext(binding, event, () => this.failed(binding, msg, event, failure.error));
      }
    } finally {
      clearInterval(keepAlive);
    }
  }

  /**
   * Runs the binding's handlers once for `event`, inside one transaction that first records it in the inbox;
   * an event already recorded is not run again. `alsoInTransaction` joins that transaction (replays mark the
   * dead letter in it).
   */
  process(
    binding: ConsumerBinding,
    event: CloudEvent,
    msg: JsMsg | undefined,
    alsoInTransaction?: (manager: EntityManager) => Promise<void>,
  ): Promise<ProcessOutcome> {
    return withinEvent(binding, event, msg, () =>
      this.dataSource.transaction(async (manager) => {
        const outcome = await this.runHandlers(binding, event, msg, manager);
        await alsoInTransaction?.(manager);
        return outcome;
      }),
    );
  }

  /**
   * For `@OnEventBatch`: records the batch in the inbox and hands the new events to the handlers at once, in one
   * transaction. False when anything failed (all undone): the caller then runs the events one by one.
   */
  private async runAsOneBatch(binding: ConsumerBinding, events: ReadBatch): Promise<boolean> {
    try {
      await inBatchConsumeSpan(
        events.map(({ msg }) => msg.headers),
        { consumer: binding.durable },
        () => this.writeBatch(binding, events),
      );
      return true;
    } catch (error) {
      this.logger.warn(
        `${binding.durable} batch of ${events.length} failed, retrying one by one: ${describeError(error)}`,
      );
      return false;
    }
  }

  private writeBatch(binding: ConsumerBinding, events: ReadBatch): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const fresh = await recordManyInInbox(
        manager,
        binding.durable,
        events.map(({ event }) => event.id),
      );
      const todo = events.map(({ event }) => event).filter((event) => fresh.delete(event.id.toLowerCase()));
      if (todo.length > 0) await this.callHandlers(binding, todo, undefined, manager);
    });
  }

  /** Returns the events (by index) that failed; when the commit itself fails, all of them did. */
  private async runBatch(
    binding: ConsumerBinding,
    events: { msg: JsMsg; event: CloudEvent }[],
  ): Promise<Map<number, { error: unknown }>> {
    const failures = new Map<number, { error: unknown }>();
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      for (const [i, { msg, event }] of events.entries()) {
        await runner.query('SAVEPOINT baton_event');
        try {
          await withinEvent(binding, event, msg, () => this.runHandlers(binding, event, msg, runner.manager));
          await runner.query('RELEASE SAVEPOINT baton_event');
        } catch (error) {
          failures.set(i, { error });
          await runner.query('ROLLBACK TO SAVEPOINT baton_event');
        }
      }
      await runner.commitTransaction();
      return failures;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      return new Map(events.map((_, i) => [i, { error }]));
    } finally {
      await runner.release();
    }
  }

  private async runHandlers(
    binding: ConsumerBinding,
    event: CloudEvent,
    msg: JsMsg | undefined,
    manager: EntityManager,
  ): Promise<ProcessOutcome> {
    if (!(await recordInInbox(manager, binding.durable, event.id))) {
      this.logger.debug(`${binding.durable} skipped ${event.type} ${event.id}: already handled`);
      return 'duplicate';
    }
    await this.callHandlers(binding, binding.batch ? [event] : event, msg, manager);
    this.logger.debug(`${binding.durable} handled ${event.type} ${event.id}`);
    return 'processed';
  }

  private async callHandlers(
    binding: ConsumerBinding,
    payload: CloudEvent | CloudEvent[],
    msg: JsMsg | undefined,
    manager: EntityManager,
  ): Promise<void> {
    const ctx = new JetStreamContext([msg, manager, binding.durable]);
    for (const handler of binding.handlers) {
      const result: unknown = await handler(payload, ctx);
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    }
  }

  private async failed(binding: ConsumerBinding, msg: JsMsg, event: CloudEvent, error: unknown): Promise<void> {
    const attempt = msg.info.deliveryCount;
    const { maxDeliver, backoffMs } = this.options.consumer;
    const text = describeError(error);
    if (attempt < maxDeliver) {
      const delay = redeliveryDelayMs(backoffMs, attempt);
      this.logger.warn(
        `${binding.durable} failed ${event.type} ${event.id} (delivery ${attempt} of ${maxDeliver}), retrying in ${delay} ms: ${text}`,
      );
      msg.nak(delay);
      return;
    }
    this.logger.error(`${binding.durable} gave up on ${event.type} ${event.id} after ${attempt} deliveries: ${text}`);
    const read: ReadEnvelope = { kind: 'poison', error: text, envelope: { ...event }, raw: null, eventId: event.id };
    await this.deadLetter(binding, msg, read, text);
  }

  /** Keeps retrying the write while holding the message, so a dead letter is never lost to a database outage. */
  private async deadLetter(
    binding: ConsumerBinding,
    msg: JsMsg,
    read: Extract<ReadEnvelope, { kind: 'poison' }>,
    error: string,
  ): Promise<void> {
    const letter = {
      consumer: binding.durable,
      subject: msg.subject,
      eventId: read.eventId,
      envelope: read.envelope,
      raw: read.raw,
      error,
      deliveries: msg.info.deliveryCount,
      data: msg.data,
      streamSeq: msg.seq,
    };
    for (;;) {
      try {
        await this.deadLetters.record(letter);
        this.metrics.deadLettered.inc({ consumer: binding.durable });
        msg.term();
        return;
      } catch (e) {
        this.logger.error(`${binding.durable} could not keep dead letter for message ${msg.seq}: ${describeError(e)}`);
        if (this.closing) return;
        msg.working();
        await new Promise((resolve) => setTimeout(resolve, DEAD_LETTER_RETRY_MS));
      }
    }
  }
}

/**
 * Nest turns a handler's unknown error into `{ status, message }`; `@OnEvent` keeps the original Error. An HTTP
 * exception (a problem raised by shared code) says little in its message, so its response body is added.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const response = (error as { getResponse?: () => unknown }).getResponse?.();
    return response === undefined ? error.message : `${error.message}: ${JSON.stringify(response)}`;
  }
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return typeof error === 'string' ? error : JSON.stringify(error);
}
