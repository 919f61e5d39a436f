import { Logger, type DynamicModule, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { ProblemDetailsFilter, sendProblem, toProblem } from '../problem/problem-details.filter.js';
import { PROBLEM_CONTENT_TYPE, problemType } from '../problem/problem-details.js';
import { DEFAULT_MAX_JSON_DEPTH, registerJsonBodyParser } from './json-body.js';
import { createValidationPipe } from '../validation/validation-pipe.js';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import { baseSecurityHeaders, registerRateLimits, registerSecurityHeaders, type RateLimits } from './defences.js';
import { registerMetrics } from '../health/metrics.js';
import { openApiDocument } from '../openapi/openapi-document.js';

export interface HttpAppOptions {
  /** Service name, used in the OpenAPI title and metrics labels. */
  service: string;
  description: string;
  /** Largest request body accepted, in bytes (default 256 KiB); larger bodies get a 413 problem. */
  bodyLimit?: number;
  /** Deepest nesting of objects and arrays in a JSON body (default 32); deeper bodies get a 400 problem. */
  maxJsonDepth?: number;
  logLevels?: LogLevel[];
  /**
   * The OpenAPI document: `ui` serves Swagger UI at /docs and the document at /docs/json, `json` the document
   * only (tests generate requests from it), `false` neither (the default; `API_DOCS=true` turns it on).
   */
  docs?: 'ui' | 'json' | false;
  /** Earlier spelling: `false` serves the document without Swagger UI, `true` both. `docs` wins. */
  swaggerUi?: boolean;
  /** The port `npm start` serves the service on, named as the OpenAPI document's server (default 3000). */
  documentedPort?: number;
  /** Request limits per caller and per address (default: none; services take them from their configuration). */
  rateLimits?: RateLimits;
  /** Proxies whose X-Forwarded-* headers are believed (Fastify `trustProxy`); default cluster-internal hops. */
  trustProxy?: string | boolean;
  /** A content security policy for an app serving pages; the default lets a JSON API load nothing. */
  contentSecurityPolicy?: FastifyHelmetOptions['contentSecurityPolicy'];
}

/** Fastify's `trustProxy` for `TRUST_PROXY`: the documented names, addresses and CIDRs, or `true`/`false`. */
export function trustProxyFrom(value: string): string | boolean {
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}

function docsOf(options: HttpAppOptions): 'ui' | 'json' | false {
  if (options.docs !== undefined) return options.docs;
  if (options.swaggerUi !== undefined) return options.swaggerUi ? 'ui' : 'json';
  return false;
}

const DEFAULT_BODY_LIMIT = 256 * 1024;

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (headers over 16 KiB: 431, a request line it
 * cannot parse: 400, a client too slow: 408). They are answered as problem+json too, then the socket closes.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, title, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request header fields too large', 'The request headers are larger than the server accepts (16 KiB)']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request timeout', 'The request did not arrive in time']
        : [400, 'Bad request', 'The request is not valid HTTP'];
  const slug = title.toLowerCase().replace(/[^a-z]+/g, '-');
  const body = JSON.stringify({ type: problemType(slug), title, status, detail });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The log levels at and above `level` (LOG_LEVEL), as Nest wants them. */
export function logLevelsFrom(level: string): LogLevel[] {
  const index = LEVELS.indexOf(level as LogLevel);
  return LEVELS.slice(0, index < 0 ? LEVELS.indexOf('log') + 1 : index + 1);
}

/**
 * A Nest application on Fastify with Baton's HTTP conventions: validation that refuses unknown
 * fields, problem+json for every error (including Fastify's own, such as an oversize body),
 * security headers, optional rate limits, an OpenAPI document at /docs when asked for, Prometheus metrics at
 * /metrics, and graceful shutdown.
 */
export async function createHttpApp(
  module: Type<unknown> | DynamicModule,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? 'loopback,linklocal,uniquelocal',
    clientErrorHandler: answerClientError,
    // The router refuses a malformed URL (400) or an over-long path parameter (414) before any route runs.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      baseSecurityHeaders(reply);
      sendProblem(reply, toProblem(error, request.url));
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: options.logLevels ?? logLevelsFrom('log'),
    bufferLogs: false,
  });
  configureHttpApp(app, options);
  return app;
}

/** Applies the conventions to an app created elsewhere (tests create theirs through Nest's testing module). */
export function configureHttpApp(app: NestFastifyApplication, options: HttpAppOptions): void {
  const fastify = app.getHttpAdapter().getInstance();
  const bodyLimit = fastify.initialConfig.bodyLimit ?? DEFAULT_BODY_LIMIT;
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter({ bodyLimit }));
  app.enableShutdownHooks();
  const logger = new Logger('HTTP');
  const docs = docsOf(options);
  registerSecurityHeaders(fastify, { docsUi: docs === 'ui', contentSecurityPolicy: options.contentSecurityPolicy });
  if (options.rateLimits) registerRateLimits(app, fastify, options.rateLimits);
  registerJsonBodyParser(app, options.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH);
  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error, request.url, { bodyLimit });
    if (problem.status === 503) logger.warn(`${request.method} ${request.url}: ${error.message}`);
    else if (problem.status >= 500) logger.error(`${request.method} ${request.url}`, error.stack);
    sendProblem(reply, problem);
  });
  registerMetrics(fastify, options.service);
  if (docs === false) return;
  const document = openApiDocument(app, {
    service: options.service,
    description: options.description,
    port: options.documentedPort ?? 3000,
  });
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/json',
    swaggerUiEnabled: docs === 'ui',
  });
}
