import '@baton/service-host/instrumentation';
import 'reflect-metadata';
import { runService } from '@baton/service-host';
import { AgencyViewsModule } from './app.module.js';
import { AgencyViewsConfig } from './config/agency-views.config.js';

await runService({
  service: 'agency-views',
  description: "Each agency's coordinated, current view of its families, naming the lead professional",
  config: AgencyViewsConfig,
  module: ({ config }) => AgencyViewsModule.register({ config }),
});
