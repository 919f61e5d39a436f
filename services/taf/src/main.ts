import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@baton/config';
import { createHttpApp, logLevelsFrom } from '@baton/http-api';
import { JetStreamServer } from '@baton/messaging';
import { defaultTenantConfigDir, TenantDirectory } from '@baton/tenancy';
import { TafModule } from './app.module.js';
import { TafConfig } from './config/taf.config.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig(TafConfig);
  const tenants = TenantDirectory.load(config.TENANT_CONFIG_DIR ?? defaultTenantConfigDir());
  const app = await createHttpApp(TafModule.register({ config, tenants }), {
    service: 'taf',
    description: 'Team Around the Family plans: lead professional, members, outcomes, actions, reviews',
    logLevels: logLevelsFrom(config.LOG_LEVEL),
  });
  app.connectMicroservice({ strategy: app.get(JetStreamServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.listen(config.PORT, config.HOST);
  new Logger('taf').log(`listening on ${await app.getUrl()}`);
}

bootstrap().catch((error: Error) => {
  new Logger('taf').fatal(error.message, error.stack);
  process.exit(1);
});
