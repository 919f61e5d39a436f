import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, ProblemException, problemType, type ProblemDetails } from './problem-details.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './unavailable.js';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  431: 'Request header fields too large',
};

interface FrameworkError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** What the app knows that an error does not say: the limits it was configured with. */
export interface ProblemContext {
  /** The largest body accepted, in bytes, named in a 413. */
  bodyLimit?: number;
}

/** Renders any thrown error as RFC 9457 problem details; a 5xx never leaks internals. */
export function toProblem(error: unknown, instance?: string, context: ProblemContext = {}): ProblemDetails {
  if (error instanceof ProblemException) return { ...error.problem, instance };
  const statusCode = error instanceof HttpException ? error.getStatus() : (error as FrameworkError)?.statusCode;
  if (statusCode === 413 && context.bodyLimit !== undefined) {
    const message = `the body is larger than ${context.bodyLimit} bytes`;
    return {
      type: problemType('body-too-large'),
      title: TITLES[413],
      status: 413,
      detail: message,
      instance,
      limit: context.bodyLimit,
      errors: [{ field: 'body', rule: 'maxBytes', message }],
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? error.message);
    return {
      type: problemType(slugOf(status)),
      title: TITLES[status] ?? 'Error',
      status,
      detail: Array.isArray(message) ? message.join('; ') : String(message),
      instance,
    };
  }
  const framework = error as FrameworkError;
  const status = framework?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own errors before a route runs: body too large, malformed JSON, wrong content type.
    return {
      type: problemType(slugOf(status, framework.code)),
      title: TITLES[status] ?? 'Bad request',
      status,
      detail: framework.message,
      instance,
    };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      type: problemType('unavailable'),
      title: 'Service unavailable',
      status: 503,
      detail: 'The service cannot reach its database just now; nothing was changed. Try again shortly.',
      instance,
      retryAfter: DATABASE_RETRY_AFTER_SECONDS,
    };
  }
  return {
    type: problemType('internal'),
    title: 'Internal server error',
    status: 500,
    detail: 'The server failed to handle the request; it has been logged.',
    instance,
  };
}

function slugOf(status: number, code?: string): string {
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'malformed-json';
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported-media-type';
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') return 'uri-too-long';
  return (TITLES[status] ?? 'error').toLowerCase().replace(/[^a-z]+/g, '-');
}

/** Sends `problem`, with `Retry-After` when it says how long to wait (503, 429). */
export function sendProblem(reply: FastifyReply, problem: ProblemDetails): void {
  if (typeof problem.retryAfter === 'number') void reply.header('retry-after', String(problem.retryAfter));
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

/** The one exception filter: every error a Baton API returns is `application/problem+json`. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly context: ProblemContext = {}) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const problem = toProblem(error, request?.url, this.context);
    if (problem.status === 503) this.logger.warn(`${request?.method} ${request?.url}: ${(error as Error)?.message}`);
    else if (problem.status >= 500) this.logger.error(`${request?.method} ${request?.url}`, (error as Error)?.stack);
    sendProblem(http.getResponse<FastifyReply>(), problem);
  }
}
