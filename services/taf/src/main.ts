import '@baton/service-host/instrumentation';
import 'reflect-metadata';
import { runService } from '@baton/service-host';
import { TafModule } from './app.module.js';
import { TafConfig } from './config/taf.config.js';

await runService({
  service: 'taf',
  description: 'Team Around the Family plans: lead professional, members, outcomes, actions, reviews',
  config: TafConfig,
  module: ({ config, tenants }) => TafModule.register({ config, tenants }),
});
