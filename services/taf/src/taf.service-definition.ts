import type { ServiceDefinition } from '@baton/service-host';
import { TafModule } from './app.module.js';
import { TafConfig } from './config/taf.config.js';

/** What the taf service is, as `main.ts` runs it and its OpenAPI document names it. */
export const tafService: ServiceDefinition<TafConfig> = {
  service: 'taf',
  description: 'Team Around the Family plans: lead professional, members, outcomes, actions, reviews',
  config: TafConfig,
  module: ({ config, tenants }) => TafModule.register({ config, tenants }),
};
