import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isSpanContextValid, trace, type SpanContext } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a caller may send as its own request id: a uuid, a ULID, a load balancer's trace token. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `X-Request-Id` when it is a plausible id, a new uuid otherwise. */
export function requestIdOf(request: IncomingMessage): string {
  const sent = request.headers[REQUEST_ID_HEADER];
  return typeof sent === 'string' && ACCEPTABLE_ID.test(sent) ? sent : randomUUID();
}

/** Who made a request, as the bearer guard found them (`@baton/auth` sets `caller`). */
interface IdentifiedRequest {
  caller?: { personId: string; agencyId: string };
}

const traceOfRequest = new WeakMap<FastifyRequest, SpanContext>();

/**
 * One line per request when its response is sent: request id (echoed in `X-Request-Id`), trace id, the caller's
 * person and agency ids, method, route, status and duration. The path is logged without its query string and no
 * body is logged, so no case data reaches the line.
 */
export function registerRequestLog(fastify: FastifyInstance, logger: Logger): void {
  const log = logger.child({ context: 'HTTP' });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    const span = trace.getActiveSpan();
    const spanContext = span?.spanContext();
    if (span && spanContext && isSpanContextValid(spanContext)) {
      traceOfRequest.set(request, spanContext);
      // The HTTP instrumentation knows the method only; the route names the operation in a trace.
      const route = request.routeOptions.url;
      if (route !== undefined) span.updateName(`${request.method} ${route}`).setAttribute('http.route', route);
    }
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const caller = (request as FastifyRequest & IdentifiedRequest).caller;
    const span = traceOfRequest.get(request);
    const status = reply.statusCode;
    const line = {
      requestId: request.id,
      ...(span && { traceId: span.traceId, spanId: span.spanId }),
      method: request.method,
      route: request.routeOptions.url ?? null,
      path: request.url.split('?', 1)[0],
      status,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      ...(caller && { personId: caller.personId, agencyId: caller.agencyId }),
    };
    const message = `${request.method} ${line.path} ${status}`;
    if (status >= 500) log.error(line, message);
    else log.info(line, message);
    done();
  });
}
