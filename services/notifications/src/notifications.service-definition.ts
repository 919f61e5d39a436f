import type { ServiceDefinition } from '@baton/service-host';
import { NotificationsModule } from './app.module.js';
import { NotificationsConfig } from './config/notifications.config.js';
import { loadRoutingRules } from './routing/routing-rules.loader.js';

/** What the notifications service is, as `main.ts` runs it and its OpenAPI document names it. */
export const notificationsService: ServiceDefinition<NotificationsConfig> = {
  service: 'notifications',
  description: 'Who must hear about what: inbox, signed webhooks, e-mail, agency subjects, retries',
  config: NotificationsConfig,
  module: ({ config, tenants, logger }) => {
    const rules = loadRoutingRules(config.NOTIFICATION_RULES_FILE);
    if (config.SMTP_URL === undefined) logger.warn('SMTP_URL is not set: no e-mail will be sent');
    return NotificationsModule.register({ config, tenants, rules });
  },
};
