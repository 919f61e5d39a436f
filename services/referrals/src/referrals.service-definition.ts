import type { ServiceDefinition } from '@baton/service-host';
import { ReferralsModule } from './app.module.js';
import { ReferralsConfig } from './config/referrals.config.js';

/** What the referrals service is, as `main.ts` runs it and its OpenAPI document names it. */
export const referralsService: ServiceDefinition<ReferralsConfig> = {
  service: 'referrals',
  description: 'Referral intake, triage against levels of need, consent, decisions and deadlines',
  config: ReferralsConfig,
  module: ({ config, tenants }) => ReferralsModule.register({ config, tenants }),
};
