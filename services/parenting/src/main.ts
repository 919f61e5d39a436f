import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@baton/config';
import { createHttpApp, logLevelsFrom } from '@baton/http-api';
import { JetStreamServer } from '@baton/messaging';
import { defaultTenantConfigDir, TenantDirectory } from '@baton/tenancy';
import { ParentingModule } from './app.module.js';
import { ParentingConfig } from './config/parenting.config.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig(ParentingConfig);
  const tenants = TenantDirectory.load(config.TENANT_CONFIG_DIR ?? defaultTenantConfigDir());
  const app = await createHttpApp(ParentingModule.register({ config, tenants }), {
    service: 'parenting',
    description: 'Parenting contracts and orders: statutory limits, compliance, enforcement and manager audit',
    logLevels: logLevelsFrom(config.LOG_LEVEL),
  });
  app.connectMicroservice({ strategy: app.get(JetStreamServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.listen(config.PORT, config.HOST);
  new Logger('parenting').log(`listening on ${await app.getUrl()}`);
}

bootstrap().catch((error: Error) => {
  new Logger('parenting').fatal(error.message, error.stack);
  process.exit(1);
});
