import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TestIssuer, type TestTokenClaims } from '@baton/testing';
import { SettableClock } from '@baton/calendar';
import { loadConfig } from '@baton/config';
import { createHttpApp, createServiceLogger } from '@baton/http-api';
import { JetStreamServer } from '@baton/messaging';
import { defaultTenantConfigDir, TenantDirectory } from '@baton/tenancy';
import type { TestInfra } from '@baton/testing';
import { AgencyViewsModule } from '../../services/agency-views/src/app.module.js';
import { AgencyViewsConfig } from '../../services/agency-views/src/config/agency-views.config.js';
import { ReferralsModule } from '../../services/referrals/src/app.module.js';
import { ReferralsConfig } from '../../services/referrals/src/config/referrals.config.js';
import { TafModule } from '../../services/taf/src/app.module.js';
import { TafConfig } from '../../services/taf/src/config/taf.config.js';

export type ServiceName = 'referrals' | 'taf' | 'agency-views';

/** Several real services in one process: each its own database, all on one stream, one token issuer. */
export interface RunningSystem {
  urls: Record<ServiceName, string>;
  issuer: TestIssuer;
  clock: SettableClock;
  /** A token for a person of the demo tenant, as its claims name them. */
  token(person: Omit<TestTokenClaims, 'tenant'>): Promise<string>;
  close(): Promise<void>;
}

/** Starts the referrals, taf and agency-views services over the test's own stream and subject prefix. */
export async function startSystem(infra: TestInfra, now: Date): Promise<RunningSystem> {
  const issuer = await TestIssuer.ephemeral({ audience: 'baton' });
  const jwks = await issuer.listen(0);
  const clock = new SettableClock(now);
  const tenants = TenantDirectory.load(defaultTenantConfigDir());
  const common = async (service: ServiceName) => ({
    DATABASE_URL: await infra.createDatabase(service),
    NATS_URL: infra.natsUrl,
    NATS_STREAM: infra.streamName,
    NATS_SUBJECT_PREFIX: infra.subjectPrefix,
    AUTH_ISSUER: issuer.issuer,
    AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`,
    LOG_LEVEL: 'warn',
    // Each service's metrics on a free port, so test files running at once never collide.
    METRICS_PORT: '0',
  });
  const modules: Record<ServiceName, DynamicModule> = {
    referrals: ReferralsModule.register({
      config: loadConfig(ReferralsConfig, { ...(await common('referrals')), DEADLINE_SCAN_INTERVAL_MS: '3600000' }),
      tenants,
      clock,
    }),
    taf: TafModule.register({
      config: loadConfig(TafConfig, { ...(await common('taf')), OVERDUE_SCAN_INTERVAL_MS: '3600000' }),
      tenants,
      clock,
    }),
    'agency-views': AgencyViewsModule.register({
      config: loadConfig(AgencyViewsConfig, await common('agency-views')),
      clock,
    }),
  };
  const apps: NestFastifyApplication[] = [];
  const urls = {} as Record<ServiceName, string>;
  try {
    for (const [service, module] of Object.entries(modules) as [ServiceName, DynamicModule][]) {
      const app = await createHttpApp(module, {
        service,
        description: 'end-to-end test',
        logger: await createServiceLogger({ service, level: 'warn', format: 'json' }),
        // Swagger UI's static files cannot load under Jest's ESM runtime; the document itself is served.
        swaggerUi: false,
      });
      apps.push(app);
      app.connectMicroservice({ strategy: app.get(JetStreamServer) }, { inheritAppConfig: true });
      await app.startAllMicroservices();
      await app.listen(0, '127.0.0.1');
      urls[service] = await app.getUrl();
    }
  } catch (e) {
    await Promise.all(apps.map((app) => app.close()));
    await jwks.close();
    throw e;
  }
  return {
    urls,
    issuer,
    clock,
    token: (person) => issuer.sign({ ...person, tenant: 'demo' }, { expiresIn: '10m' }),
    async close() {
      await Promise.all(apps.map((app) => app.close()));
      await jwks.close();
    },
  };
}
