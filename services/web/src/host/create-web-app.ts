import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { createServiceLogger, nestLoggerFor, registerRequestLog, requestIdOf } from '@baton/http-api';
import { ensureDatabase } from '@baton/persistence';
import { WebModule } from '../app.module.js';
import type { WebConfig } from '../config/web.config.js';
import { registerWebPlugins } from './web-plugins.js';

export interface WebAppOptions {
  /** The service's logger (LOG_LEVEL, LOG_FORMAT); without one, JSON at `warn` when `logLevels` stops there. */
  logger?: Logger;
  logLevels?: LogLevel[];
}

/** The web service on Nest's Fastify adapter, with sessions, CSRF, CSP, views and assets (not yet listening). */
export async function createWebApp(config: WebConfig, options: WebAppOptions = {}): Promise<NestFastifyApplication> {
  await ensureDatabase(config.DATABASE_URL);
  // Behind a load balancer the person's own address arrives in X-Forwarded-For; it is passed on to the ledger.
  const adapter = new FastifyAdapter({ trustProxy: true, bodyLimit: 256 * 1024, genReqId: requestIdOf });
  const logger =
    options.logger ??
    (await createServiceLogger({
      service: 'web',
      level: options.logLevels?.includes('log') === false ? 'warn' : 'info',
      format: 'json',
    }));
  const app = await NestFactory.create<NestFastifyApplication>(WebModule.register(config), adapter, {
    logger: nestLoggerFor(logger),
  });
  // One line per request with its request id, as the APIs log theirs.
  registerRequestLog(app.getHttpAdapter().getInstance(), logger);
  await registerWebPlugins(app, config);
  app.enableShutdownHooks();
  return app;
}
