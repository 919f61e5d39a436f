import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@baton/config';
import { createHttpApp, logLevelsFrom } from '@baton/http-api';
import { JetStreamServer } from '@baton/messaging';
import { defaultTenantConfigDir, TenantDirectory } from '@baton/tenancy';
import { ReferralsModule } from './app.module.js';
import { ReferralsConfig } from './config/referrals.config.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig(ReferralsConfig);
  const tenants = TenantDirectory.load(config.TENANT_CONFIG_DIR ?? defaultTenantConfigDir());
  const app = await createHttpApp(ReferralsModule.register({ config, tenants }), {
    service: 'referrals',
    description: 'Referral intake, triage against levels of need, consent, decisions and deadlines',
    logLevels: logLevelsFrom(config.LOG_LEVEL),
  });
  app.connectMicroservice({ strategy: app.get(JetStreamServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.listen(config.PORT, config.HOST);
  new Logger('referrals').log(`listening on ${await app.getUrl()}`);
}

bootstrap().catch((error: Error) => {
  new Logger('referrals').fatal(error.message, error.stack);
  process.exit(1);
});
