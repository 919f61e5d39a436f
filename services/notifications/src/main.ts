import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@baton/config';
import { createHttpApp, logLevelsFrom } from '@baton/http-api';
import { JetStreamServer } from '@baton/messaging';
import { defaultTenantConfigDir, TenantDirectory } from '@baton/tenancy';
import { NotificationsModule } from './app.module.js';
import { NotificationsConfig } from './config/notifications.config.js';
import { loadRoutingRules } from './routing/routing-rules.loader.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig(NotificationsConfig);
  const tenants = TenantDirectory.load(config.TENANT_CONFIG_DIR ?? defaultTenantConfigDir());
  const rules = loadRoutingRules(config.NOTIFICATION_RULES_FILE);
  const logger = new Logger('notifications');
  if (config.SMTP_URL === undefined) logger.warn('SMTP_URL is not set: no e-mail will be sent');
  const app = await createHttpApp(NotificationsModule.register({ config, tenants, rules }), {
    service: 'notifications',
    description: 'Who must hear about what: inbox, signed webhooks, e-mail, agency subjects, retries',
    logLevels: logLevelsFrom(config.LOG_LEVEL),
  });
  app.connectMicroservice({ strategy: app.get(JetStreamServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.listen(config.PORT, config.HOST);
  logger.log(`listening on ${await app.getUrl()}`);
}

bootstrap().catch((error: Error) => {
  new Logger('notifications').fatal(error.message, error.stack);
  process.exit(1);
});
