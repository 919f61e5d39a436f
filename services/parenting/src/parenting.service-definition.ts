import type { ServiceDefinition } from '@baton/service-host';
import { ParentingModule } from './app.module.js';
import { ParentingConfig } from './config/parenting.config.js';

/** What the parenting service is, as `main.ts` runs it and its OpenAPI document names it. */
export const parentingService: ServiceDefinition<ParentingConfig> = {
  service: 'parenting',
  description: 'Parenting contracts and orders: statutory limits, compliance, enforcement and manager audit',
  config: ParentingConfig,
  module: ({ config, tenants }) => ParentingModule.register({ config, tenants }),
};
