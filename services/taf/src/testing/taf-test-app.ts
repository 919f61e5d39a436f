import { SettableClock } from '@baton/calendar';
import { startTestService, type TestService } from '@baton/service-host';
import type { TestInfra } from '@baton/testing';
import { TafModule } from '../app.module.js';
import { TafConfig } from '../config/taf.config.js';
import { tafService } from '../taf.service-definition.js';

export interface TafTestApp extends TestService<TafConfig> {
  clock: SettableClock;
}

/** The real taf service on a test's own database, stream and subject prefix, with a local issuer. */
export async function startTafTestApp(
  infra: TestInfra,
  now: Date,
  options: { databaseUrl?: string } = {},
): Promise<TafTestApp> {
  const clock = new SettableClock(now);
  const service = await startTestService({
    service: 'taf',
    description: tafService.description,
    config: TafConfig,
    infra: { ...infra, databaseUrl: options.databaseUrl ?? infra.databaseUrl },
    // Tests run the overdue scan themselves, at the times they choose.
    env: { OVERDUE_SCAN_INTERVAL_MS: '3600000' },
    module: ({ config, tenants }) => TafModule.register({ config, tenants, clock }),
  });
  return { ...service, clock };
}
