import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ensureDatabase } from '@baton/persistence';
import { WebModule } from '../app.module.js';
import type { WebConfig } from '../config/web.config.js';
import { registerWebPlugins } from './web-plugins.js';

export interface WebAppOptions {
  logLevels?: LogLevel[];
}

/** The web service on Nest's Fastify adapter, with sessions, CSRF, CSP, views and assets (not yet listening). */
export async function createWebApp(config: WebConfig, options: WebAppOptions = {}): Promise<NestFastifyApplication> {
  await ensureDatabase(config.DATABASE_URL);
  // Behind a load balancer the person's own address arrives in X-Forwarded-For; it is passed on to the ledger.
  const adapter = new FastifyAdapter({ trustProxy: true, bodyLimit: 256 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(WebModule.register(config), adapter, {
    logger: options.logLevels ?? ['fatal', 'error', 'warn', 'log'],
  });
  await registerWebPlugins(app, config);
  app.enableShutdownHooks();
  return app;
}
