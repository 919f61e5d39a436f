import {
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type SpanContext,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import { headers as natsHeaders, type MsgHdrs } from '@nats-io/nats-core';

/**
 * W3C trace context (`traceparent`, `tracestate`) as it is kept with an outbox row and carried in a NATS message's
 * headers, so one trace runs from the request that committed an event to every consumer that handles it.
 */
export type TraceCarrier = Record<string, string>;

const tracer = trace.getTracer('@baton/messaging');

/** The active trace context as a carrier, or null when nothing is traced (tracing off, or no span active). */
export function activeTraceCarrier(): TraceCarrier | null {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length > 0 ? carrier : null;
}

const headerGetter: TextMapGetter<MsgHdrs | undefined> = {
  keys: (carrier) => (carrier ? [...carrier.keys()] : []),
  get: (carrier, key) => (carrier?.has(key) ? carrier.get(key) : undefined),
};

const headerSetter: TextMapSetter<MsgHdrs> = {
  set: (carrier, key, value) => carrier.set(key, value),
};

/**
 * Runs `publish` in a producer span continuing the trace stored with the row, and hands it the message headers that
 * carry that span on to the consumers.
 */
export async function inPublishSpan<T>(
  stored: TraceCarrier | null,
  attributes: { subject: string; eventId: string; eventType: string },
  publish: (headers: MsgHdrs) => Promise<T>,
): Promise<T> {
  const parent = stored ? propagation.extract(context.active(), stored) : context.active();
  const span = tracer.startSpan(
    `publish ${attributes.eventType}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'nats',
        'messaging.operation.type': 'send',
        'messaging.destination.name': attributes.subject,
        'messaging.message.id': attributes.eventId,
        'cloudevents.event_type': attributes.eventType,
      },
    },
    parent,
  );
  const spanContext = trace.setSpan(parent, span);
  const headers = natsHeaders();
  propagation.inject(spanContext, headers, headerSetter);
  return endWith(span, () => context.with(spanContext, () => publish(headers)));
}

/** Runs `handle` in a consumer span that continues the trace the message's headers carry (a new one without). */
export function inConsumeSpan<T>(
  headers: MsgHdrs | undefined,
  attributes: { consumer: string; subject: string; eventId: string; eventType: string; correlationId: string },
  handle: () => Promise<T>,
): Promise<T> {
  const parent = propagation.extract(context.active(), headers, headerGetter);
  const span = tracer.startSpan(
    `process ${attributes.eventType}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'nats',
        'messaging.operation.type': 'process',
        'messaging.destination.name': attributes.subject,
        'messaging.consumer.group.name': attributes.consumer,
        'messaging.message.id': attributes.eventId,
        'cloudevents.event_type': attributes.eventType,
        'baton.correlation_id': attributes.correlationId,
      },
    },
    parent,
  );
  return endWith(span, () => context.with(trace.setSpan(parent, span), handle));
}

/**
 * Runs `handle` in one consumer span for a batch of messages (the audit ledger's), linked to the trace each message
 * carries, as OpenTelemetry's messaging conventions have it for a batch: it continues none of them alone.
 */
export function inBatchConsumeSpan<T>(
  headers: (MsgHdrs | undefined)[],
  attributes: { consumer: string },
  handle: () => Promise<T>,
): Promise<T> {
  const links = headers
    .map((h) => trace.getSpanContext(propagation.extract(ROOT_CONTEXT, h, headerGetter)))
    .filter((c): c is SpanContext => c !== undefined && isSpanContextValid(c))
    .map((c) => ({ context: c }));
  const span = tracer.startSpan(`process batch`, {
    kind: SpanKind.CONSUMER,
    links,
    attributes: {
      'messaging.system': 'nats',
      'messaging.operation.type': 'process',
      'messaging.consumer.group.name': attributes.consumer,
      'messaging.batch.message_count': headers.length,
    },
  });
  return endWith(span, () => context.with(trace.setSpan(context.active(), span), handle));
}

/** Runs `work` in a span continuing a stored trace context (work an event started, done later from a table). */
export function inStoredTraceSpan<T>(
  stored: TraceCarrier | null,
  name: string,
  attributes: Record<string, string | number>,
  work: () => Promise<T>,
): Promise<T> {
  const parent: Context = stored ? propagation.extract(context.active(), stored) : context.active();
  const span = tracer.startSpan(name, { kind: SpanKind.INTERNAL, attributes }, parent);
  return endWith(span, () => context.with(trace.setSpan(parent, span), work));
}

async function endWith<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}
