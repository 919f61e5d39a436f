import type { ServiceDefinition } from '@baton/service-host';
import { AgencyViewsModule } from './app.module.js';
import { AgencyViewsConfig } from './config/agency-views.config.js';

/** What the agency-views service is, as `main.ts` runs it and its OpenAPI document names it. */
export const agencyViewsService: ServiceDefinition<AgencyViewsConfig> = {
  service: 'agency-views',
  description: "Each agency's coordinated, current view of its families, naming the lead professional",
  config: AgencyViewsConfig,
  module: ({ config }) => AgencyViewsModule.register({ config }),
};
