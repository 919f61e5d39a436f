import type { CloudEvent } from '@baton/contracts';
import type { JsMsg } from '@nats-io/jetstream';
import { PinoLogger } from 'nestjs-pino';
import { inConsumeSpan } from '../tracing/trace-context.js';
import type { ConsumerBinding } from './consumer-binding.js';

let contexts: PinoLogger | undefined;

/**
 * Runs a consumer's handling of one event in that event's scope: a consumer span continuing the trace its message
 * carries, inside the event's logging context (see {@link inEventLogContext}).
 */
export function withinEvent<T>(
  binding: ConsumerBinding,
  event: CloudEvent,
  msg: JsMsg | undefined,
  work: () => Promise<T>,
): Promise<T> {
  return inEventLogContext(binding, event, () =>
    inConsumeSpan(
      msg?.headers,
      {
        consumer: binding.durable,
        subject: msg?.subject ?? event.type,
        eventId: event.id,
        eventType: event.type,
        correlationId: event.correlationid,
      },
      work,
    ),
  );
}

/**
 * Runs `work` so that every line it logs (the handlers' own included) names the consumer and the event's id, type
 * and correlation id. Without the service's pino logger (a bare test module) it just runs `work`.
 */
export function inEventLogContext<T>(binding: ConsumerBinding, event: CloudEvent, work: () => T): T {
  if (PinoLogger.root === undefined) return work();
  contexts ??= new PinoLogger({});
  return contexts.runInContext(work, {
    bindings: {
      consumer: binding.durable,
      eventId: event.id,
      eventType: event.type,
      correlationId: event.correlationid,
    },
  });
}
