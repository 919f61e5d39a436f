import { Module, type DynamicModule, type LoggerService, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Logger as NestPinoLogger, LoggerModule, PinoLogger, type Params } from 'nestjs-pino';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { registerRequestLog, requestIdOf } from '../logging/request-log.js';
import { createServiceLogger } from '../logging/service-logger.js';
import { registerHttpMetrics } from '../metrics/http-metrics.js';
import { ProblemDetailsFilter, sendProblem, toProblem } from '../problem/problem-details.filter.js';
import { PROBLEM_CONTENT_TYPE, ProblemException, problemType } from '../problem/problem-details.js';
import { DEFAULT_MAX_JSON_DEPTH, registerJsonBodyParser } from './json-body.js';
import { createValidationPipe } from '../validation/validation-pipe.js';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import { baseSecurityHeaders, registerRateLimits, registerSecurityHeaders, type RateLimits } from './defences.js';
import { openApiDocument } from '../openapi/openapi-document.js';

export interface HttpAppOptions {
  /** Service name, used in the OpenAPI title and on every log line. */
  service: string;
  description: string;
  /** Largest request body accepted, in bytes (default 256 KiB); larger bodies get a 413 problem. */
  bodyLimit?: number;
  /** Deepest nesting of objects and arrays in a JSON body (default 32); deeper bodies get a 400 problem. */
  maxJsonDepth?: number;
  /** The service's logger (see createServiceLogger); without one, JSON on stdout at the most detailed of `logLevels`. */
  logger?: Logger;
  /** Nest's names for the levels to log when no `logger` is given (default up to `log`, i.e. info). */
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

const PINO_LEVEL_OF: Record<LogLevel, string> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

function pinoParams(logger: Logger): Params {
  return {
    pinoHttp: {
      logger,
      // The request's own line is written once, when its response is sent (registerRequestLog); every other line
      // logged while it runs carries its request id.
      autoLogging: false,
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'requestId' },
    },
  };
}

/**
 * Nest's logger interface over the service's pino logger. `Logger.overrideLogger(nestLoggerFor(logger))` before a
 * module is built sends even start-up lines (`new Logger(name).log(...)`) through it.
 */
export function nestLoggerFor(logger: Logger): LoggerService {
  const params = pinoParams(logger);
  return new NestPinoLogger(new PinoLogger(params), params);
}

/** Wraps the service's module with the logging context every request and handler logs in. */
@Module({})
class HttpHostModule {}

/**
 * A Nest application on Fastify with Baton's HTTP conventions: validation that refuses unknown
 * fields, problem+json for every error (including Fastify's own, such as an oversize body),
 * security headers, optional rate limits, an OpenAPI document at /docs when asked for, one log line per request,
 * request duration metrics (served on the metrics port), and graceful shutdown.
 */
export async function createHttpApp(
  module: Type<unknown> | DynamicModule,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const levels = options.logLevels ?? logLevelsFrom('log');
  const logger =
    options.logger ??
    (await createServiceLogger({
      service: options.service,
      level: PINO_LEVEL_OF[LEVELS[Math.max(...levels.map((l) => LEVELS.indexOf(l)))] ?? 'log'],
      format: 'json',
    }));
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? 'loopback,linklocal,uniquelocal',
    genReqId: requestIdOf,
    clientErrorHandler: answerClientError,
    // The router refuses a malformed URL (400) or an over-long path parameter (414) before any route runs.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      baseSecurityHeaders(reply);
      sendProblem(reply, toProblem(error, request.url));
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    { module: HttpHostModule, imports: [LoggerModule.forRoot(pinoParams(logger)), module] },
    adapter,
    // A failure to start is thrown to the caller (runService logs it as fatal and exits), not exited on here.
    { logger: nestLoggerFor(logger), abortOnError: false },
  );
  configureHttpApp(app, options, logger);
  return app;
}

/** Applies the conventions to an app created elsewhere (tests create theirs through Nest's testing module). */
export function configureHttpApp(app: NestFastifyApplication, options: HttpAppOptions, logger: Logger): void {
  const fastify = app.getHttpAdapter().getInstance();
  const bodyLimit = fastify.initialConfig.bodyLimit ?? DEFAULT_BODY_LIMIT;
  app.useGlobalPipes(createValidationPipe());
  // Nest hands Fastify's own errors (bad JSON, an oversize body) to the exception filters too, through the one
  // error handler it sets on Fastify; setting another draws FSTWRN004.
  app.useGlobalFilters(new ProblemDetailsFilter({ bodyLimit }));
  app.enableShutdownHooks();
  registerRequestLog(fastify, logger);
  const docs = docsOf(options);
  registerSecurityHeaders(fastify, { docsUi: docs === 'ui', contentSecurityPolicy: options.contentSecurityPolicy });
  if (options.rateLimits) registerRateLimits(app, fastify, options.rateLimits);
  registerJsonBodyParser(app, options.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH);
  // A NUL character in the path or query (%00) is refused before any route reads it: no id or text holds one.
  fastify.addHook('onRequest', async (request) => {
    if (/%00/.test(request.url)) {
      const message = 'the URL holds a NUL character (%00), which no parameter accepts';
      throw ProblemException.of(400, 'nul-character', 'The URL holds a NUL character', message, {
        errors: [{ field: 'url', rule: 'noNulCharacter', message }],
      });
    }
  });
  registerHttpMetrics(fastify, registryOf(app));
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

/** The registry the service's MetricsModule serves; one of its own for an app without one. */
function registryOf(app: NestFastifyApplication): Registry {
  try {
    return app.get(Registry, { strict: false });
  } catch {
    return new Registry();
  }
}
