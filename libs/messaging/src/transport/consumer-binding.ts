import type { EventDefinition } from '@baton/contracts';
import type { MessageHandler } from '@nestjs/microservices';

/** One durable consumer and the Nest handlers its events go to. */
export interface ConsumerBinding {
  /** The durable consumer's name; also the inbox's and dead letters' `consumer`. */
  durable: string;
  /** The `@EventPattern` it serves: an event type, or `baton.>` for every event. */
  pattern: string;
  filterSubject: string;
  /** The handled type; undefined for an every-event or whole-aggregate consumer. */
  definition?: EventDefinition;
  /** For a whole-aggregate consumer: the aggregate whose events it takes. */
  aggregate?: string;
  handlers: MessageHandler[];
  /** Set by `@OnEventBatch`: handlers get the batch's new events at once, as `CloudEvent[]`. */
  batch?: BatchSettings;
}

export interface BatchSettings {
  /** Most events handed over at once (and pulled ahead). */
  maxEvents: number;
  /** Also hand over well-formed events whose type the catalogue does not know (from newer producers). */
  acceptUncatalogued: boolean;
}
