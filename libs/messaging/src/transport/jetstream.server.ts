import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { definitionOf, filterSubjectFor, type CloudEvent } from '@baton/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { NatsBroker } from '../broker/nats-broker.js';
import { DeadLetterStore } from '../dead-letter/dead-letter-store.js';
import { MESSAGING_OPTIONS, type ResolvedMessagingOptions } from '../messaging.options.js';
import { MessagingMetrics } from '../metrics/messaging-metrics.js';
import type { BatchSettings, ConsumerBinding } from './consumer-binding.js';
import { ConsumerLoop } from './consumer-loop.js';
import { aggregateOfPattern, ALL_EVENTS, durableNameFor } from './consumer-naming.js';
import { EventProcessor, type ProcessOutcome } from './event-processor.js';
import { BATCH_EXTRA } from './on-event.decorator.js';

/**
 * The JetStream transport for `@nestjs/microservices`: each `@EventPattern(type)` (or `@OnEvent`) gets its own
 * durable pull consumer with explicit acks, and each event is handled effectively once through the inbox.
 * Connect it with `app.connectMicroservice({ strategy: app.get(JetStreamServer) })`.
 */
@Injectable()
export class JetStreamServer extends Server implements CustomTransportStrategy, BeforeApplicationShutdown {
  private readonly log = new Logger(JetStreamServer.name);
  private readonly processor: EventProcessor;
  private loops: ConsumerLoop[] = [];

  constructor(
    dataSource: DataSource,
    private readonly broker: NatsBroker,
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
    metrics: MessagingMetrics,
  ) {
    super();
    this.processor = new EventProcessor(dataSource, new DeadLetterStore(dataSource, broker, options), options, metrics);
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      for (const [pattern, handler] of this.messageHandlers) {
        if (!handler.isEventHandler) {
          this.log.warn(`Ignoring @MessagePattern('${pattern}'): JetStream carries events, not requests`);
        }
      }
      const loops = this.bindings().map((b) => new ConsumerLoop(this.broker, this.options, b, this.processor));
      await Promise.all(loops.map((loop) => loop.start()));
      this.loops = loops;
      this.log.log(`Consuming ${loops.length} durable consumer(s) on stream ${this.options.stream}`);
      callback();
    } catch (e) {
      callback(e);
    }
  }

  /** Stops consuming and waits for the events being handled. The connection belongs to the module. */
  async close(): Promise<void> {
    this.processor.close();
    const loops = this.loops;
    this.loops = [];
    await Promise.all(loops.map((loop) => loop.close()));
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.close();
  }

  /** The durable consumers this service's handlers need, one per event pattern. */
  bindings(): ConsumerBinding[] {
    return [...this.messageHandlers]
      .filter(([, head]) => head.isEventHandler)
      .map(([pattern, head]) => this.bind(pattern, head));
  }

  /** Runs `consumer`'s handlers for `event` through the inbox, as for a delivery; replays of dead letters use it. */
  replay(
    consumer: string,
    event: CloudEvent,
    alsoInTransaction: (manager: EntityManager) => Promise<void>,
  ): Promise<ProcessOutcome> {
    const binding = this.bindings().find((b) => b.durable === consumer);
    if (binding === undefined) throw new Error(`No handler in this service consumes as ${consumer}`);
    return this.processor.process(binding, event, undefined, alsoInTransaction);
  }

  on(): never {
    throw new Error('JetStreamServer has no events to listen to');
  }

  unwrap<T>(): T {
    return this.broker.connection as T;
  }

  private bind(pattern: string, head: MessageHandler): ConsumerBinding {
    const handlers: MessageHandler[] = [];
    for (let h: MessageHandler | undefined = head; h; h = h.next as MessageHandler | undefined) handlers.push(h);
    const durable = durableNameFor(this.options.service, pattern);
    const prefix = this.options.subjectPrefix;
    const batch = head.extras?.[BATCH_EXTRA] as BatchSettings | undefined;
    if (pattern === ALL_EVENTS) return { durable, pattern, filterSubject: `${prefix}.>`, handlers, batch };
    const aggregate = aggregateOfPattern(pattern);
    if (aggregate !== undefined) {
      return { durable, pattern, filterSubject: `${prefix}.*.${aggregate}.*`, aggregate, handlers, batch };
    }
    const definition = definitionOf(pattern);
    if (definition === undefined) {
      throw new Error(`@EventPattern('${pattern}') names no event type in the catalogue (nor '${ALL_EVENTS}')`);
    }
    return { durable, pattern, filterSubject: filterSubjectFor(prefix, definition), definition, handlers, batch };
  }
}
