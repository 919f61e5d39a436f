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
}
