import { SettableClock } from '@baton/calendar';
import { startTestService, type TestService } from '@baton/service-host';
import type { TestInfra } from '@baton/testing';
import { ReferralsModule } from '../app.module.js';
import { ReferralsConfig } from '../config/referrals.config.js';
import { referralsService } from '../referrals.service-definition.js';

export interface ReferralsTestApp extends TestService<ReferralsConfig> {
  clock: SettableClock;
}

/** The real referrals service on a test's own database, stream and subject prefix, with a local issuer. */
export async function startReferralsTestApp(infra: TestInfra, now: Date): Promise<ReferralsTestApp> {
  const clock = new SettableClock(now);
  const service = await startTestService({
    service: 'referrals',
    description: referralsService.description,
    config: ReferralsConfig,
    infra,
    // Tests run the deadline scan themselves, at the times they choose.
    env: { DEADLINE_SCAN_INTERVAL_MS: '3600000' },
    module: ({ config, tenants }) => ReferralsModule.register({ config, tenants, clock }),
  });
  return { ...service, clock };
}
