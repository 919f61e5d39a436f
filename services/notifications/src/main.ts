import '@baton/service-host/instrumentation';
import 'reflect-metadata';
import { runService } from '@baton/service-host';
import { NotificationsModule } from './app.module.js';
import { NotificationsConfig } from './config/notifications.config.js';
import { loadRoutingRules } from './routing/routing-rules.loader.js';

await runService({
  service: 'notifications',
  description: 'Who must hear about what: inbox, signed webhooks, e-mail, agency subjects, retries',
  config: NotificationsConfig,
  module: ({ config, tenants, logger }) => {
    const rules = loadRoutingRules(config.NOTIFICATION_RULES_FILE);
    if (config.SMTP_URL === undefined) logger.warn('SMTP_URL is not set: no e-mail will be sent');
    return NotificationsModule.register({ config, tenants, rules });
  },
});
