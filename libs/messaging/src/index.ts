export {
  MESSAGING_OPTIONS,
  resolveMessagingOptions,
  type MessagingOptions,
  type ResolvedMessagingOptions,
} from './messaging.options.js';
export { MessagingModule } from './messaging.module.js';
export { messagingEntities, messagingMigrations } from './schema.js';
export { NatsBroker, type BrokerConnectOptions } from './broker/nats-broker.js';
export { natsServers } from './broker/nats-servers.js';
export { ensureEventStream, type EventStreamSettings } from './stream/event-stream.js';
export { Outbox, type PreparedEvent } from './outbox/outbox.js';
export { LoneEvents } from './outbox/lone-events.js';
export { OutboxRelay } from './outbox/outbox-relay.js';
export { OutboxRetention } from './outbox/outbox-retention.js';
export { Wakeup } from './outbox/wakeup.js';
export { OutboxRow } from './outbox/outbox.entity.js';
export { OUTBOX_CHANNEL } from './outbox/outbox.migration.js';
export { ChannelListener } from './notify/channel-listener.js';
export { InboxRow } from './inbox/inbox.entity.js';
export { recordInInbox, recordManyInInbox } from './inbox/inbox.js';
export { DeadLetterRow } from './dead-letter/dead-letter.entity.js';
export { DEAD_LETTER_HEADERS } from './dead-letter/dead-letter-store.js';
export { DeadLetters, type DeadLetter, type DeadLetterQuery, type ReplayResult } from './dead-letter/dead-letters.js';
export { MessagingHealth, type ConsumerLag, type MessagingStatus } from './health/messaging-health.js';
export { JetStreamServer } from './transport/jetstream.server.js';
export { JetStreamContext } from './transport/jetstream.context.js';
export { OnEvent, OnEventBatch, KeepHandlerErrors } from './transport/on-event.decorator.js';
export type { BatchSettings } from './transport/consumer-binding.js';
export {
  ALL_EVENTS,
  aggregateOfPattern,
  deadLetterSubjectFor,
  durableNameFor,
  eventsOfAggregate,
} from './transport/consumer-naming.js';
export { activeTraceCarrier, inStoredTraceSpan, type TraceCarrier } from './tracing/trace-context.js';
export { MessagingMetrics } from './metrics/messaging-metrics.js';
export {
  noteProducedEvents,
  PRODUCED_EVENTS_HEADER,
  ProducedEventsInterceptor,
  producedEventIds,
} from './outbox/produced-events.js';
