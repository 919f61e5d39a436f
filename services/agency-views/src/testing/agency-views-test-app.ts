import type { TestIssuer } from '@baton/testing';
import { SettableClock } from '@baton/calendar';
import { startTestService, type TestService } from '@baton/service-host';
import type { TestInfra } from '@baton/testing';
import { AgencyViewsModule } from '../app.module.js';
import { AgencyViewsConfig } from '../config/agency-views.config.js';
import { agencyViewsService } from '../agency-views.service-definition.js';

export interface AgencyViewsTestApp extends TestService<AgencyViewsConfig> {
  clock: SettableClock;
}

export interface AgencyViewsTestOptions {
  now: Date;
  /** Its own database by default; an end-to-end test gives each service one. */
  databaseUrl?: string;
  /** Shared by every service of an end-to-end test (already listening); a fresh one otherwise. */
  auth?: { issuer: TestIssuer; jwksUrl: string };
}

/** The real agency-views service on a test's own database, stream and subject prefix, with a local issuer. */
export async function startAgencyViewsTestApp(
  infra: TestInfra,
  o: AgencyViewsTestOptions,
): Promise<AgencyViewsTestApp> {
  const clock = new SettableClock(o.now);
  const service = await startTestService({
    service: 'agency-views',
    description: agencyViewsService.description,
    config: AgencyViewsConfig,
    infra: { ...infra, databaseUrl: o.databaseUrl ?? infra.databaseUrl },
    auth: o.auth,
    module: ({ config }) =>
      AgencyViewsModule.register({
        config,
        clock,
        consumer: { maxDeliver: 3, backoffMs: [50, 100], ackWaitMs: 2_000 },
      }),
  });
  return { ...service, clock };
}
