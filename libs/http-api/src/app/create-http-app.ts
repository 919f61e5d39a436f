import { Logger, type DynamicModule, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyError } from 'fastify';
import { ProblemDetailsFilter, sendProblem, toProblem } from '../problem/problem-details.filter.js';
import { createValidationPipe } from '../validation/validation-pipe.js';
import { registerMetrics } from '../health/metrics.js';
import { openApiDocument } from '../openapi/openapi-document.js';

export interface HttpAppOptions {
  /** Service name, used in the OpenAPI title and metrics labels. */
  service: string;
  description: string;
  /** Largest request body accepted, in bytes (default 256 KiB); larger bodies get a 413 problem. */
  bodyLimit?: number;
  logLevels?: LogLevel[];
  /** Serve Swagger UI at /docs (default true). The JSON document at /docs/json is always served. */
  swaggerUi?: boolean;
  /** The port `npm start` serves the service on, named as the OpenAPI document's server (default 3000). */
  documentedPort?: number;
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
 * an OpenAPI document at /docs, Prometheus metrics at /metrics, and graceful shutdown.
 */
export async function createHttpApp(
  module: Type<unknown> | DynamicModule,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: options.bodyLimit ?? 256 * 1024, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: options.logLevels ?? logLevelsFrom('log'),
    bufferLogs: false,
  });
  configureHttpApp(app, options);
  return app;
}

/** Applies the conventions to an app created elsewhere (tests create theirs through Nest's testing module). */
export function configureHttpApp(app: NestFastifyApplication, options: HttpAppOptions): void {
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  const logger = new Logger('HTTP');
  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error, request.url);
    if (problem.status >= 500) logger.error(`${request.method} ${request.url}`, error.stack);
    sendProblem(reply, problem);
  });
  registerMetrics(fastify, options.service);
  const document = openApiDocument(app, {
    service: options.service,
    description: options.description,
    port: options.documentedPort ?? 3000,
  });
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/json',
    swaggerUiEnabled: options.swaggerUi ?? true,
  });
}
