import '@baton/service-host/instrumentation';
import 'reflect-metadata';
import { runService } from '@baton/service-host';
import { ParentingModule } from './app.module.js';
import { ParentingConfig } from './config/parenting.config.js';

await runService({
  service: 'parenting',
  description: 'Parenting contracts and orders: statutory limits, compliance, enforcement and manager audit',
  config: ParentingConfig,
  module: ({ config, tenants }) => ParentingModule.register({ config, tenants }),
});
