import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@baton/config';
import { createWebApp } from '../host/create-web-app.js';
import { WebConfig } from '../config/web.config.js';

export interface WebTestApp {
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
}

/** The web service on a test's own database and a free port, pointed at the given provider and services. */
export async function startWebTestApp(env: Record<string, string>): Promise<WebTestApp> {
  const config = loadConfig(WebConfig, { LOG_LEVEL: 'warn', ...env });
  const app = await createWebApp(config, { logLevels: ['fatal', 'error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return { app, url, close: () => app.close() };
}
