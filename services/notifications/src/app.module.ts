import { Module, type DynamicModule } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';
import { AccessRecorder } from '@baton/access-log';
import { AddIdempotencyEventIds1763900000001, CreateIdempotencyKeys1763900000000 } from '@baton/http-api';
import { messagingMigrations } from '@baton/messaging';
import { ServiceInfrastructure } from '@baton/service-host';
import { TenantDirectory } from '@baton/tenancy';
import type { NotificationsConfig } from './config/notifications.config.js';
import { DeadLetterController } from './dead-letter/dead-letter.controller.js';
import { CHANNEL_SETTINGS, type ChannelSettings } from './delivery/channel-settings.js';
import { DeliveryController } from './delivery/delivery.controller.js';
import { DeliveryMetrics } from './delivery/delivery-metrics.js';
import { DeliveryDispatcher, DISPATCHER_SETTINGS, type DispatcherSettings } from './delivery/delivery-dispatcher.js';
import { DeliveryStatusQueries } from './delivery/delivery-status.js';
import { DeliveryStore } from './delivery/delivery-store.js';
import { EmailChannel } from './delivery/email.channel.js';
import { NatsAgencyChannel } from './delivery/nats-agency.channel.js';
import { DELIVERY_TIMEOUT, WebhookChannel } from './delivery/webhook.channel.js';
import { WebhookSecretBox } from './webhook/webhook-secret-box.js';
import { WebhookTargets } from './webhook/webhook-target.js';
import { DIGEST_SCAN_INTERVAL, DigestJob } from './digest/digest.job.js';
import type { RoutingRule } from './domain/routing-rule.js';
import { EventIntakeController } from './fan-out/event-intake.controller.js';
import { FanOut } from './fan-out/fan-out.usecase.js';
import { InboxController } from './inbox/inbox.controller.js';
import { InboxItems } from './inbox/inbox-items.js';
import { InboxLiveFeed } from './inbox/inbox-live-feed.js';
import { NotificationTraceContext1796300000410 } from './migrations/1796300000410-notification-trace-context.js';
import { CreateNotifications1763900000400 } from './migrations/1763900000400-create-notifications.js';
import { PreferenceController } from './preference/preference.controller.js';
import { ROUTING_RULES } from './routing/routing-rules.loader.js';
import { WebhookController } from './webhook/webhook.controller.js';
import { WebhookEndpoints } from './webhook/webhook-endpoints.js';

export interface NotificationsModuleOptions {
  config: NotificationsConfig;
  tenants: TenantDirectory;
  rules: readonly RoutingRule[];
  /** Tests shorten the digest scan; the service scans every minute. */
  digestScanIntervalMs?: number;
}

export const NOTIFICATIONS_MIGRATIONS: (new () => MigrationInterface)[] = [
  ...messagingMigrations,
  CreateIdempotencyKeys1763900000000,
  AddIdempotencyEventIds1763900000001,
  CreateNotifications1763900000400,
  NotificationTraceContext1796300000410,
];

/** The notifications service: routing, fan-out, inbox, webhooks, e-mail, agency subjects, retries. */
@Module({})
export class NotificationsModule {
  static register({ config, tenants, rules, digestScanIntervalMs }: NotificationsModuleOptions): DynamicModule {
    const channels: ChannelSettings = {
      publicBaseUrl: config.PUBLIC_BASE_URL,
      emailEnabled: config.SMTP_URL !== undefined,
      agencyNatsEnabled: config.AGENCY_NATS_ENABLED === 'true',
      subjectPrefix: config.NATS_SUBJECT_PREFIX,
      digestHour: config.DIGEST_HOUR,
    };
    const dispatcher: DispatcherSettings = {
      retry: {
        maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
        baseDelayMs: config.DELIVERY_BACKOFF_BASE_MS,
        maxDelayMs: config.DELIVERY_BACKOFF_MAX_MS,
      },
      batchSize: config.DELIVERY_BATCH_SIZE,
      pollIntervalMs: config.DELIVERY_POLL_INTERVAL_MS,
      timeoutMs: config.DELIVERY_TIMEOUT_MS,
      workers: config.DELIVERY_WORKERS,
    };
    const smtpUrl = config.SMTP_URL;
    return {
      module: NotificationsModule,
      imports: [
        ServiceInfrastructure.register({
          service: 'notifications',
          config,
          entities: [],
          migrations: NOTIFICATIONS_MIGRATIONS,
        }),
      ],
      controllers: [
        EventIntakeController,
        InboxController,
        WebhookController,
        DeliveryController,
        PreferenceController,
        DeadLetterController,
      ],
      providers: [
        { provide: TenantDirectory, useValue: tenants },
        { provide: ROUTING_RULES, useValue: rules },
        { provide: CHANNEL_SETTINGS, useValue: channels },
        { provide: DISPATCHER_SETTINGS, useValue: dispatcher },
        { provide: DELIVERY_TIMEOUT, useValue: config.DELIVERY_TIMEOUT_MS },
        { provide: WebhookTargets, useValue: new WebhookTargets(config.WEBHOOK_ALLOW_PRIVATE_ADDRESSES === 'true') },
        {
          provide: WebhookSecretBox,
          useValue: new WebhookSecretBox(config.WEBHOOK_SECRETS_KEY, config.WEBHOOK_SECRETS_PREVIOUS_KEY),
        },
        { provide: DIGEST_SCAN_INTERVAL, useValue: digestScanIntervalMs ?? 60_000 },
        {
          provide: EmailChannel,
          useFactory: () =>
            smtpUrl === undefined
              ? null
              : new EmailChannel({ smtpUrl, from: config.EMAIL_FROM, timeoutMs: config.DELIVERY_TIMEOUT_MS }),
        },
        AccessRecorder,
        DeliveryMetrics,
        FanOut,
        DeliveryStore,
        DeliveryDispatcher,
        DeliveryStatusQueries,
        WebhookChannel,
        NatsAgencyChannel,
        WebhookEndpoints,
        InboxItems,
        InboxLiveFeed,
        DigestJob,
      ],
    };
  }
}
