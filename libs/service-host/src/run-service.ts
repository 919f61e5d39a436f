import { Logger, type DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger as PinoLogger } from 'pino';
import { loadConfig, type ServiceConfig } from '@baton/config';
import {
  createHttpApp,
  createServiceLogger,
  nestLoggerFor,
  trustProxyFrom,
  type HttpAppOptions,
} from '@baton/http-api';
import { JetStreamServer } from '@baton/messaging';
import { ServiceContext } from './service-context.js';
import { startTracing, tracingRequested } from './tracing/tracing.js';

export interface ServiceDefinition<C extends ServiceConfig> {
  /** The service's name, e.g. `referrals`: its logger, OpenAPI title and metrics label. */
  service: string;
  /** One line for the OpenAPI document. */
  description: string;
  config: new () => C;
  /** The service's root module, built from its configuration. */
  module(context: ServiceContext<C>): DynamicModule | Promise<DynamicModule>;
}

/**
 * Starts a service as its `main.ts` wants: configuration from the environment, its logger (LOG_LEVEL, LOG_FORMAT),
 * tracing when the `OTEL_*` variables ask for it, its module, HTTP on PORT/HOST, metrics on METRICS_PORT and its
 * event consumers. Anything that stops it starting
 * (a bad variable, an unreachable database or broker) is logged as fatal and ends the process, so an orchestrator
 * restarts it.
 */
export async function runService<C extends ServiceConfig>(definition: ServiceDefinition<C>): Promise<void> {
  let logger: PinoLogger | undefined;
  try {
    if (tracingRequested()) startTracing(definition.service);
    const config = loadConfig(definition.config);
    logger = await createServiceLogger({
      service: definition.service,
      level: config.LOG_LEVEL,
      format: config.LOG_FORMAT,
    });
    await start(definition, config, logger);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    logger ??= await createServiceLogger({ service: definition.service, level: 'info' });
    logger.fatal({ err: error }, error.message);
    logger.flush(() => process.exit(1));
  }
}

async function start<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  config: C,
  logger: PinoLogger,
): Promise<void> {
  Logger.overrideLogger(nestLoggerFor(logger));
  const context = new ServiceContext(config, new Logger(definition.service));
  const app = await createHttpApp(await definition.module(context), {
    service: definition.service,
    description: definition.description,
    logger,
    documentedPort: new definition.config().PORT,
    ...httpOptionsFrom(config),
    docs: config.API_DOCS === 'true' ? 'ui' : false,
  });
  await serveHttpAndEvents(app, config.PORT, config.HOST);
  context.logger.log(`listening on ${await app.getUrl()}`);
}

/** What the configuration says about the HTTP layer's defences (README: Configuration). */
export function httpOptionsFrom(config: ServiceConfig): Pick<HttpAppOptions, 'rateLimits' | 'trustProxy'> {
  return {
    trustProxy: trustProxyFrom(config.TRUST_PROXY),
    rateLimits: {
      perCaller: config.RATE_LIMIT_PER_CALLER,
      perAddress: config.RATE_LIMIT_PER_ADDRESS,
      windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    },
  };
}

/** Consumes the service's events (JetStream, with the HTTP app's pipes and filters) and listens for HTTP. */
export async function serveHttpAndEvents(app: NestFastifyApplication, port: number, host: string): Promise<void> {
  app.connectMicroservice({ strategy: app.get(JetStreamServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.listen(port, host);
}
