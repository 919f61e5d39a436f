import { Logger, type DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type ServiceConfig } from '@baton/config';
import { createHttpApp, logLevelsFrom, trustProxyFrom, type HttpAppOptions } from '@baton/http-api';
import { JetStreamServer } from '@baton/messaging';
import { ServiceContext } from './service-context.js';

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
 * Starts a service as its `main.ts` wants: configuration from the environment, its module, HTTP on
 * PORT/HOST and its event consumers. Anything that stops it starting (a bad variable, an unreachable
 * database or broker) is logged as fatal and ends the process, so an orchestrator restarts it.
 */
export function runService<C extends ServiceConfig>(definition: ServiceDefinition<C>): Promise<void> {
  const logger = new Logger(definition.service);
  return start(definition, logger).catch((error: Error) => {
    logger.fatal(error.message, error.stack);
    process.exit(1);
  });
}

async function start<C extends ServiceConfig>(definition: ServiceDefinition<C>, logger: Logger): Promise<void> {
  const context = new ServiceContext(loadConfig(definition.config), logger);
  const app = await createHttpApp(await definition.module(context), {
    service: definition.service,
    description: definition.description,
    logLevels: logLevelsFrom(context.config.LOG_LEVEL),
    documentedPort: new definition.config().PORT,
    ...httpOptionsFrom(context.config),
    docs: context.config.API_DOCS === 'true' ? 'ui' : false,
  });
  await serveHttpAndEvents(app, context.config.PORT, context.config.HOST);
  logger.log(`listening on ${await app.getUrl()}`);
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
