import '@baton/service-host/instrumentation';
import 'reflect-metadata';
import { runService } from '@baton/service-host';
import { ReferralsModule } from './app.module.js';
import { ReferralsConfig } from './config/referrals.config.js';

await runService({
  service: 'referrals',
  description: 'Referral intake, triage against levels of need, consent, decisions and deadlines',
  config: ReferralsConfig,
  module: ({ config, tenants }) => ReferralsModule.register({ config, tenants }),
});
