import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DevIssuer } from '@baton/auth';
import { SettableClock } from '@baton/calendar';
import { loadConfig } from '@baton/config';
import { createHttpApp } from '@baton/http-api';
import { JetStreamServer } from '@baton/messaging';
import type { TestInfra } from '@baton/testing';
import { AgencyViewsModule } from '../app.module.js';
import { AgencyViewsConfig } from '../config/agency-views.config.js';

export interface AgencyViewsTestApp {
  app: NestFastifyApplication;
  url: string;
  issuer: DevIssuer;
  clock: SettableClock;
  close(): Promise<void>;
}

export interface AgencyViewsTestOptions {
  now: Date;
  /** Its own database by default; an end-to-end test gives each service one. */
  databaseUrl?: string;
  /** Shared by every service of an end-to-end test (already listening); a fresh one otherwise. */
  auth?: { issuer: DevIssuer; jwksUrl: string };
}

/** The real agency-views service on a test's own database, stream and subject prefix, with a local issuer. */
export async function startAgencyViewsTestApp(
  infra: TestInfra,
  o: AgencyViewsTestOptions,
): Promise<AgencyViewsTestApp> {
  const issuer = o.auth?.issuer ?? (await DevIssuer.ephemeral({ audience: 'baton' }));
  const jwks = o.auth ? undefined : await issuer.listen(0);
  const config = loadConfig(AgencyViewsConfig, {
    DATABASE_URL: o.databaseUrl ?? infra.databaseUrl,
    NATS_URL: infra.natsUrl,
    NATS_STREAM: infra.streamName,
    NATS_SUBJECT_PREFIX: infra.subjectPrefix,
    AUTH_ISSUER: issuer.issuer,
    AUTH_JWKS_URL: o.auth?.jwksUrl ?? `${jwks?.url}/.well-known/jwks.json`,
    LOG_LEVEL: 'warn',
  });
  const clock = new SettableClock(o.now);
  const app = await createHttpApp(
    AgencyViewsModule.register({ config, clock, consumer: { maxDeliver: 3, backoffMs: [50, 100], ackWaitMs: 2_000 } }),
    {
      service: 'agency-views',
      description: 'test',
      logLevels: ['fatal', 'error', 'warn'],
      // Swagger UI's static files cannot load under Jest's ESM runtime; the document itself is served.
      swaggerUi: false,
    },
  );
  app.connectMicroservice({ strategy: app.get(JetStreamServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  return {
    app,
    url: await app.getUrl(),
    issuer,
    clock,
    async close() {
      await app.close();
      await jwks?.close();
    },
  };
}
