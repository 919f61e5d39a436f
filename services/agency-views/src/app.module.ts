import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { MigrationInterface } from 'typeorm';
import { AccessRecorder } from '@baton/access-log';
import { AuthModule } from '@baton/auth';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { HealthModule } from '@baton/http-api';
import { MessagingHealth, MessagingModule, messagingEntities, messagingMigrations } from '@baton/messaging';
import { openDatabase } from '@baton/persistence';
import type { AgencyViewsConfig } from './config/agency-views.config.js';
import { FamilyController } from './family/family.controller.js';
import { FamilyQueries } from './family/family-queries.js';
import { DatabaseHealth } from './health/database.health.js';
import { FamilyStreamController } from './live/family-stream.controller.js';
import { Freshness } from './live/freshness.js';
import { ViewChanges } from './live/view-changes.js';
import { CreateFamilyViews1764000000500 } from './migrations/1764000000500-create-family-views.js';
import { DropViewPosition1764000000600 } from './migrations/1764000000600-drop-view-position.js';
import { FamilyProjection } from './projection/family-projection.js';
import { FamilyProjectionHandler } from './projection/family-projection.handler.js';
import { FamilyViewStore } from './view-store/family-view-store.js';

export interface AgencyViewsModuleOptions {
  config: AgencyViewsConfig;
  /** Tests pass a settable clock; the service uses the real one. */
  clock?: Clock;
  /** Consumer redelivery settings; tests shorten them. */
  consumer?: { maxDeliver?: number; backoffMs?: number[]; ackWaitMs?: number };
}

export const AGENCY_VIEWS_MIGRATIONS: (new () => MigrationInterface)[] = [
  ...messagingMigrations,
  CreateFamilyViews1764000000500,
  DropViewPosition1764000000600,
];

/** The agency-views service: read models of each agency's families, built from events only. */
@Module({})
export class AgencyViewsModule {
  static register({ config, clock, consumer }: AgencyViewsModuleOptions): DynamicModule {
    return {
      module: AgencyViewsModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ type: 'postgres' as const, url: config.DATABASE_URL }),
          dataSourceFactory: () =>
            openDatabase({
              url: config.DATABASE_URL,
              entities: [...messagingEntities],
              migrations: AGENCY_VIEWS_MIGRATIONS,
              applicationName: 'baton-agency-views',
            }),
        }),
        AuthModule.forRoot({
          issuer: config.AUTH_ISSUER,
          audience: config.AUTH_AUDIENCE,
          jwksUrl: config.AUTH_JWKS_URL,
        }),
        MessagingModule.forRoot({
          service: 'agency-views',
          natsUrl: config.NATS_URL,
          stream: config.NATS_STREAM,
          subjectPrefix: config.NATS_SUBJECT_PREFIX,
          replicas: config.NATS_STREAM_REPLICAS,
          relay: { gatherMs: config.RELAY_GATHER_MS },
          consumer,
        }),
        HealthModule.register([DatabaseHealth, MessagingHealth]),
      ],
      controllers: [FamilyProjectionHandler, FamilyStreamController, FamilyController],
      providers: [
        { provide: WorkingDayCalendar, useValue: WorkingDayCalendar.england() },
        { provide: Clock, useValue: clock ?? new Clock() },
        AccessRecorder,
        FamilyProjection,
        FamilyViewStore,
        FamilyQueries,
        ViewChanges,
        Freshness,
      ],
    };
  }
}
