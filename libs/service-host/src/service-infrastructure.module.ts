import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccessAttemptsInterceptor } from '@baton/access-log';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { MigrationInterface } from 'typeorm';
import { AuthModule } from '@baton/auth';
import type { ServiceConfig } from '@baton/config';
import { HealthModule, MetricsModule } from '@baton/http-api';
import { MessagingHealth, MessagingModule, messagingEntities, type MessagingOptions } from '@baton/messaging';
import { openDatabase } from '@baton/persistence';
import { authOptionsFrom } from './auth-from-config.js';
import { DatabaseHealth } from './database.health.js';
import { SpanFlush, tracingRequested } from './tracing/tracing.js';

export interface ServiceInfrastructureOptions {
  /** The service's name, e.g. `referrals`: names its consumers, dead letters and database connections. */
  service: string;
  config: ServiceConfig;
  /** The service's own entities; the messaging tables (outbox, inbox, dead letters) are added. */
  entities?: Type[];
  /** Every migration of the service's database, messaging's included, in the order they run. */
  migrations: (new () => MigrationInterface)[];
  /** Consumer redelivery settings; tests shorten them. */
  consumer?: MessagingOptions['consumer'];
  /** Outbox relay settings, e.g. a gathering delay for a service whose events are many and small. */
  relay?: MessagingOptions['relay'];
}

/** Starts tracing in the outbox relay's own thread when the service traces. */
const RELAY_THREAD_TRACING = new URL('./tracing/relay-thread-tracing.js', import.meta.url).href;

/**
 * What every Baton service stands on: its own database (migrated at start-up), token verification,
 * the JetStream backbone with outbox and inbox, /health with database and NATS checks, and Prometheus metrics on
 * their own port. A
 * service's module imports this and adds only its own controllers and providers.
 */
@Module({})
export class ServiceInfrastructure {
  static register({
    service,
    config,
    entities = [],
    migrations,
    consumer,
    relay,
  }: ServiceInfrastructureOptions): DynamicModule {
    return {
      module: ServiceInfrastructure,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ type: 'postgres' as const, url: config.DATABASE_URL }),
          dataSourceFactory: () =>
            openDatabase({
              url: config.DATABASE_URL,
              entities: [...entities, ...messagingEntities],
              migrations,
              applicationName: `baton-${service}`,
            }),
        }),
        AuthModule.forRoot(authOptionsFrom(config)),
        MessagingModule.forRoot({
          service,
          natsUrl: config.NATS_URL,
          stream: config.NATS_STREAM,
          subjectPrefix: config.NATS_SUBJECT_PREFIX,
          replicas: config.NATS_STREAM_REPLICAS,
          relay: { ...relay, threadSetupModule: tracingRequested() ? RELAY_THREAD_TRACING : undefined },
          outbox: { retentionDays: config.OUTBOX_RETENTION_DAYS },
          consumer,
        }),
        HealthModule.register([DatabaseHealth, MessagingHealth]),
        MetricsModule.register({ service, port: metricsPortOf(config), host: config.HOST }),
      ],
      providers: [
        SpanFlush,
        // Refused and not-found reads of a record are recorded as access attempts, in every service.
        { provide: APP_INTERCEPTOR, useClass: AccessAttemptsInterceptor },
      ],
    };
  }
}

/** METRICS_PORT, or PORT + 6000 when unset (a PORT of 0 gives 0: a free port for each). */
export function metricsPortOf(config: ServiceConfig): number {
  if (config.METRICS_PORT !== undefined) return config.METRICS_PORT;
  return config.PORT === 0 ? 0 : config.PORT + 6000;
}
