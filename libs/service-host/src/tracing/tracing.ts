import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ProxyTracerProvider, trace } from '@opentelemetry/api';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace';

type Env = Record<string, string | undefined>;

/**
 * Tracing is off unless the standard OpenTelemetry variables ask for it: an OTLP endpoint
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) or an exporter (`OTEL_TRACES_EXPORTER`
 * other than `none`), and `OTEL_SDK_DISABLED` not `true`.
 */
export function tracingRequested(env: Env = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.toLowerCase() === 'true') return false;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase();
  if (exporter === 'none') return false;
  return Boolean(exporter || env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

let instrumentations: (HttpInstrumentation | UndiciInstrumentation | PgInstrumentation)[] = [];

/**
 * Patches Node's HTTP server and client, fetch and the Postgres driver so that requests and queries become spans.
 * Must run before those modules are first loaded, hence `@baton/service-host/instrumentation`, the first import of
 * every service's `main.ts`. Spans go nowhere until {@link startTracing} sets up the provider.
 */
export function instrumentLibraries(): void {
  if (instrumentations.length > 0) return;
  // Each instrumentation hooks its module as it is constructed.
  instrumentations = [
    new HttpInstrumentation({
      // Probes would drown the traces that matter.
      ignoreIncomingRequestHook: (request) => /^\/health\//.test(request.url ?? ''),
    }),
    new UndiciInstrumentation(),
    // requireParentSpan: the relay's and listeners' polling would otherwise start a trace every few milliseconds.
    new PgInstrumentation({ requireParentSpan: true }),
  ];
}

export interface Tracing {
  /** Sends the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry for a service: W3C trace context, the exporter the `OTEL_*` variables name (OTLP by default,
 * `OTEL_EXPORTER_OTLP_*` for where and how), `service.name` from OTEL_SERVICE_NAME or `baton-<service>`.
 * Tests pass their own span processors (an in-memory exporter). Metrics stay with Prometheus; logs with pino.
 */
export function startTracing(service: string, spanProcessors?: SpanProcessor[]): Tracing {
  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? `baton-${service}`,
    spanProcessors,
    instrumentations,
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

/** Exports the spans still buffered (the batch processor's queue); at shutdown, so the last requests are not lost. */
export async function flushSpans(): Promise<void> {
  const provider = trace.getTracerProvider();
  const delegate = provider instanceof ProxyTracerProvider ? provider.getDelegate() : provider;
  const flushable = delegate as Partial<{ forceFlush(): Promise<void> }>;
  await flushable.forceFlush?.();
}

/** Flushes spans when the service shuts down. */
@Injectable()
export class SpanFlush implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return flushSpans();
  }
}
