import { isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, type DestinationStream, type Logger } from 'pino';

export type LogFormat = 'json' | 'pretty';

/** Nest's names for two of pino's levels, which LOG_LEVEL also accepts. */
const PINO_LEVEL: Record<string, string> = { log: 'info', verbose: 'trace' };

export interface ServiceLoggerOptions {
  /** Every line carries it as `service`. */
  service: string;
  /** A pino level (`fatal` … `trace`, `silent`), or Nest's `log` (info) or `verbose` (trace). */
  level: string;
  /** JSON lines by default, readable single lines when stdout is a terminal. */
  format?: LogFormat;
  /** Where lines go; stdout by default. Tests pass a stream that keeps them. */
  destination?: DestinationStream;
}

/**
 * Paths whose values never reach a log line: credentials a request or error may carry. Case data is kept out by
 * never logging bodies or event payloads at all; this is the second fence.
 */
const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.secret',
  '*.token',
];

/**
 * The one pino logger of a service process. Each line carries the service and, inside a traced operation, its
 * `traceId` and `spanId`, so a log line leads to its trace.
 */
export async function createServiceLogger(options: ServiceLoggerOptions): Promise<Logger> {
  const format = options.format ?? (process.stdout.isTTY ? 'pretty' : 'json');
  const destination = options.destination ?? (format === 'pretty' ? await prettyStream() : undefined);
  return pino(
    {
      level: PINO_LEVEL[options.level] ?? options.level,
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Operators read "warn", not 40; pino-pretty wants the numbers.
      formatters: format === 'json' ? { level: (label) => ({ level: label }) } : {},
      redact: { paths: REDACTED, censor: '[redacted]' },
      mixin: traceFields,
    },
    destination ?? pino.destination({ sync: false }),
  );
}

function traceFields(): Record<string, string> {
  const span = trace.getActiveSpan()?.spanContext();
  return span && isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : {};
}

/**
 * pino-pretty in this process (no worker thread), one line per entry. It is a development dependency: an image
 * built without it logs JSON, which is what production wants anyway.
 */
async function prettyStream(): Promise<DestinationStream | undefined> {
  try {
    const { default: pretty } = await import('pino-pretty');
    return pretty({
      colorize: process.stdout.isTTY === true,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,service,context',
      messageFormat: '[{service}{if context} {context}{end}] {msg}',
    });
  } catch {
    return undefined;
  }
}
