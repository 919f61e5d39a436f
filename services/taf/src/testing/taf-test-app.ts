import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DevIssuer } from '@baton/auth';
import { SettableClock } from '@baton/calendar';
import { loadConfig } from '@baton/config';
import { createHttpApp } from '@baton/http-api';
import { JetStreamServer } from '@baton/messaging';
import { defaultTenantConfigDir, TenantDirectory } from '@baton/tenancy';
import type { TestInfra } from '@baton/testing';
import { TafModule } from '../app.module.js';
import { TafConfig } from '../config/taf.config.js';

export interface TafTestApp {
  app: NestFastifyApplication;
  url: string;
  issuer: DevIssuer;
  clock: SettableClock;
  close(): Promise<void>;
}

/** The real taf service on a test's own database, stream and subject prefix, with a local issuer. */
export async function startTafTestApp(
  infra: TestInfra,
  now: Date,
  options: { databaseUrl?: string } = {},
): Promise<TafTestApp> {
  const issuer = await DevIssuer.ephemeral({ audience: 'baton' });
  const jwks = await issuer.listen(0);
  const config = loadConfig(TafConfig, {
    DATABASE_URL: options.databaseUrl ?? infra.databaseUrl,
    NATS_URL: infra.natsUrl,
    NATS_STREAM: infra.streamName,
    NATS_SUBJECT_PREFIX: infra.subjectPrefix,
    AUTH_ISSUER: issuer.issuer,
    AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`,
    OVERDUE_SCAN_INTERVAL_MS: '3600000',
    LOG_LEVEL: 'warn',
  });
  const clock = new SettableClock(now);
  const tenants = TenantDirectory.load(defaultTenantConfigDir());
  const app = await createHttpApp(TafModule.register({ config, tenants, clock }), {
    service: 'taf',
    description: 'test',
    logLevels: ['fatal', 'error', 'warn'],
    // Swagger UI's static files cannot load under Jest's ESM runtime; the document itself is served.
    swaggerUi: false,
  });
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
      await jwks.close();
    },
  };
}
