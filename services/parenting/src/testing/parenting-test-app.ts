import { SettableClock } from '@baton/calendar';
import { startTestService, type TestService } from '@baton/service-host';
import type { TestInfra } from '@baton/testing';
import { ParentingModule } from '../app.module.js';
import { ParentingConfig } from '../config/parenting.config.js';
import { parentingService } from '../parenting.service-definition.js';

export interface ParentingTestApp extends TestService<ParentingConfig> {
  clock: SettableClock;
}

/** The real parenting service on a test's own database, stream and subject prefix, with a local issuer. */
export async function startParentingTestApp(infra: TestInfra, now: Date): Promise<ParentingTestApp> {
  const clock = new SettableClock(now);
  const service = await startTestService({
    service: 'parenting',
    description: parentingService.description,
    config: ParentingConfig,
    infra,
    // Tests run the deadline scan themselves, at the times they choose.
    env: { DEADLINE_SCAN_INTERVAL_MS: '3600000' },
    module: ({ config, tenants }) => ParentingModule.register({ config, tenants, clock }),
  });
  return { ...service, clock };
}
