import { Logger, type LogLevel } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { TestIssuer } from '@baton/testing';
import { loadConfig, type ServiceConfig } from '@baton/config';
import { createHttpApp, createServiceLogger, MetricsServer, nestLoggerFor } from '@baton/http-api';
import { httpOptionsFrom, serveHttpAndEvents, type ServiceDefinition } from './run-service.js';
import { ServiceContext } from './service-context.js';

/** A test's own database, stream and subject prefix (what `@baton/testing`'s `TestInfra` provides). */
export interface TestServiceInfra {
  databaseUrl: string;
  natsUrl: string;
  streamName: string;
  subjectPrefix: string;
  /** The tenant files to serve (TENANT_CONFIG_DIR); the repository's own when absent. */
  tenantConfigDir?: string;
}

export interface TestServiceOptions<C extends ServiceConfig> extends Omit<ServiceDefinition<C>, 'description'> {
  /** The OpenAPI document's description: the service definition's, for a test comparing documents. */
  description?: string;
  infra: TestServiceInfra;
  /** The service's own variables for this test (e.g. a scan interval long enough never to fire by itself). */
  env?: Record<string, string>;
  /**
   * An issuer shared with other services in the same test; with `jwksUrl` its keys are already served,
   * without, this service serves them itself. A fresh issuer when absent.
   */
  auth?: { issuer: TestIssuer; jwksUrl?: string };
  /** The levels to log, as Nest names them; the most detailed one listed is the level. Default fatal, error, warn. */
  logLevels?: LogLevel[];
  /** Where log lines go (JSON); stdout when absent. A test that reads the lines passes a stream that keeps them. */
  logDestination?: DestinationStream;
}

export interface TestService<C extends ServiceConfig> {
  app: NestFastifyApplication;
  url: string;
  /** The service's `/metrics`, on its own port. */
  metricsUrl: string;
  issuer: TestIssuer;
  context: ServiceContext<C>;
  close(): Promise<void>;
}

const NEST_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * The real service, started as `runService` starts it, on a test's own database, stream and subject
 * prefix, with a local token issuer, listening on a free port of 127.0.0.1 (its metrics on another).
 */
export async function startTestService<C extends ServiceConfig>(
  options: TestServiceOptions<C>,
): Promise<TestService<C>> {
  const issuer = options.auth?.issuer ?? (await TestIssuer.ephemeral({ audience: 'baton' }));
  const jwks = options.auth?.jwksUrl === undefined ? await issuer.listen(0) : undefined;
  const levels = options.logLevels ?? ['fatal', 'error', 'warn'];
  const config = loadConfig(options.config, {
    DATABASE_URL: options.infra.databaseUrl,
    NATS_URL: options.infra.natsUrl,
    NATS_STREAM: options.infra.streamName,
    NATS_SUBJECT_PREFIX: options.infra.subjectPrefix,
    AUTH_ISSUER: issuer.issuer,
    AUTH_JWKS_URL: options.auth?.jwksUrl ?? `${jwks?.url}/.well-known/jwks.json`,
    LOG_LEVEL: NEST_LEVELS[Math.max(...levels.map((level) => NEST_LEVELS.indexOf(level)))] ?? 'warn',
    LOG_FORMAT: 'json',
    METRICS_PORT: '0',
    HOST: '127.0.0.1',
    // Tests send many requests from one address and person; a test of the limits sets its own.
    RATE_LIMIT_PER_CALLER: '0',
    RATE_LIMIT_PER_ADDRESS: '0',
    ...(options.infra.tenantConfigDir ? { TENANT_CONFIG_DIR: options.infra.tenantConfigDir } : {}),
    ...options.env,
  });
  const logger = await createServiceLogger({
    service: options.service,
    level: config.LOG_LEVEL,
    format: config.LOG_FORMAT,
    destination: options.logDestination,
  });
  Logger.overrideLogger(nestLoggerFor(logger));
  const context = new ServiceContext(config, new Logger(options.service));
  const app = await createHttpApp(await options.module(context), {
    service: options.service,
    description: options.description ?? 'test',
    documentedPort: new options.config().PORT,
    logger,
    ...httpOptionsFrom(config),
    // Swagger UI's static files cannot load under Jest's ESM runtime; the document itself is served, for the
    // tests that generate requests from it.
    docs: 'json',
  });
  await serveHttpAndEvents(app, 0, '127.0.0.1');
  return {
    app,
    url: await app.getUrl(),
    metricsUrl: app.get(MetricsServer).url,
    issuer,
    context,
    async close() {
      await app.close();
      await jwks?.close();
    },
  };
}
