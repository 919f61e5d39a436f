import { startTracing, type Tracing } from './tracing.js';

/**
 * Imported by the outbox relay's worker thread before it starts (`MessagingOptions.relay.threadSetupModule`): the
 * thread has its own OpenTelemetry globals, so it starts its own SDK, with the same `OTEL_*` variables and service
 * name, to export its publish spans and propagate their context in the NATS headers.
 */
export function setUpThread(service: string): Promise<Tracing> {
  return Promise.resolve(startTracing(service));
}
