import { Module, type DynamicModule, type LoggerService, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as NestPinoLogger, LoggerModule, PinoLogger, type Params } from 'nestjs-pino';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { registerRequestLog, requestIdOf } from '../logging/request-log.js';
import { createServiceLogger } from '../logging/service-logger.js';
import { registerHttpMetrics } from '../metrics/http-metrics.js';
import { ProblemDetailsFilter } from '../problem/problem-details.filter.js';
import { createValidationPipe } from '../validation/validation-pipe.js';

export interface HttpAppOptions {
  /** Service name, used in the OpenAPI title and on every log line. */
  service: string;
  description: string;
  /** Largest request body accepted, in bytes (default 256 KiB); larger bodies get a 413 problem. */
  bodyLimit?: number;
  /** The service's logger (see createServiceLogger); JSON at info on stdout when absent. */
  logger?: Logger;
  /** Serve Swagger UI at /docs (default true). The JSON document at /docs/json is always served. */
  swaggerUi?: boolean;
}

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
 * an OpenAPI document at /docs, one log line per request, request duration metrics, and graceful shutdown.
 */
export async function createHttpApp(
  module: Type<unknown> | DynamicModule,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const logger = options.logger ?? (await createServiceLogger({ service: options.service, level: 'info' }));
  const params = pinoParams(logger);
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? 256 * 1024,
    trustProxy: true,
    genReqId: requestIdOf,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    { module: HttpHostModule, imports: [LoggerModule.forRoot(params), module] },
    adapter,
    { logger: nestLoggerFor(logger) },
  );
  configureHttpApp(app, options, logger);
  return app;
}

function configureHttpApp(app: NestFastifyApplication, options: HttpAppOptions, logger: Logger): void {
  app.useGlobalPipes(createValidationPipe());
  // Nest hands Fastify's own errors (bad JSON, an oversize body) to the exception filters too, through the one
  // error handler it sets on Fastify; setting another draws FSTWRN004.
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  registerRequestLog(fastify, logger);
  registerHttpMetrics(fastify, registryOf(app));
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`Baton ${options.service}`)
      .setDescription(options.description)
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/json',
    swaggerUiEnabled: options.swaggerUi ?? true,
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
