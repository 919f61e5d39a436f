import { Logger, type LogLevel } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TestIssuer } from '@baton/testing';
import { loadConfig, type ServiceConfig } from '@baton/config';
import { createHttpApp } from '@baton/http-api';
import { httpOptionsFrom, serveHttpAndEvents, type ServiceDefinition } from './run-service.js';
import { ServiceContext } from './service-context.js';

/** A test's own database, stream and subject prefix (what `@baton/testing`'s `TestInfra` provides). */
export interface TestServiceInfra {
  databaseUrl: string;
  natsUrl: string;
  streamName: string;
  subjectPrefix: string;
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
  /** Default fatal, error and warn. */
  logLevels?: LogLevel[];
}

export interface TestService<C extends ServiceConfig> {
  app: NestFastifyApplication;
  url: string;
  issuer: TestIssuer;
  context: ServiceContext<C>;
  close(): Promise<void>;
}

/**
 * The real service, started as `runService` starts it, on a test's own database, stream and subject
 * prefix, with a local token issuer, listening on a free port of 127.0.0.1.
 */
export async function startTestService<C extends ServiceConfig>(
  options: TestServiceOptions<C>,
): Promise<TestService<C>> {
  const issuer = options.auth?.issuer ?? (await TestIssuer.ephemeral({ audience: 'baton' }));
  const jwks = options.auth?.jwksUrl === undefined ? await issuer.listen(0) : undefined;
  const config = loadConfig(options.config, {
    DATABASE_URL: options.infra.databaseUrl,
    NATS_URL: options.infra.natsUrl,
    NATS_STREAM: options.infra.streamName,
    NATS_SUBJECT_PREFIX: options.infra.subjectPrefix,
    AUTH_ISSUER: issuer.issuer,
    AUTH_JWKS_URL: options.auth?.jwksUrl ?? `${jwks?.url}/.well-known/jwks.json`,
    LOG_LEVEL: 'warn',
    // Tests send many requests from one address and person; a test of the limits sets its own.
    RATE_LIMIT_PER_CALLER: '0',
    RATE_LIMIT_PER_ADDRESS: '0',
    ...options.env,
  });
  const context = new ServiceContext(config, new Logger(options.service));
  const app = await createHttpApp(await options.module(context), {
    service: options.service,
    description: options.description ?? 'test',
    documentedPort: new options.config().PORT,
    logLevels: options.logLevels ?? ['fatal', 'error', 'warn'],
    ...httpOptionsFrom(config),
    // Swagger UI's static files cannot load under Jest's ESM runtime; the document itself is served, for the
    // tests that generate requests from it.
    docs: 'json',
  });
  await serveHttpAndEvents(app, 0, '127.0.0.1');
  return {
    app,
    url: await app.getUrl(),
    issuer,
    context,
    async close() {
      await app.close();
      await jwks?.close();
    },
  };
}
