import { Module, type DynamicModule } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';
import { AccessRecorder, breakGlassControllers, breakGlassMigrations, breakGlassProviders } from '@baton/access-log';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { messagingMigrations, type MessagingOptions } from '@baton/messaging';
import { ServiceInfrastructure } from '@baton/service-host';
import type { AgencyViewsConfig } from './config/agency-views.config.js';
import { FamilyController } from './family/family.controller.js';
import { FamilyQueries } from './family/family-queries.js';
import { FamilyStreamController } from './live/family-stream.controller.js';
import { EventPositions } from './live/event-positions.js';
import { Freshness } from './live/freshness.js';
import { ViewChanges } from './live/view-changes.js';
import { CreateFamilyViews1764000000500 } from './migrations/1764000000500-create-family-views.js';
import { DropViewPosition1764000000600 } from './migrations/1764000000600-drop-view-position.js';
import { FamilySearchIndexes1764000000700 } from './migrations/1764000000700-family-search-indexes.js';
import { FamilyAlias1764000000817 } from './migrations/1764000000817-family-alias.js';
import { FamilyProjection } from './projection/family-projection.js';
import { FamilyProjectionHandler } from './projection/family-projection.handler.js';
import { FamilyViewStore } from './view-store/family-view-store.js';

export interface AgencyViewsModuleOptions {
  config: AgencyViewsConfig;
  /** Tests pass a settable clock; the service uses the real one. */
  clock?: Clock;
  /** Consumer redelivery settings; tests shorten them. */
  consumer?: MessagingOptions['consumer'];
}

export const AGENCY_VIEWS_MIGRATIONS: (new () => MigrationInterface)[] = [
  ...messagingMigrations,
  CreateFamilyViews1764000000500,
  DropViewPosition1764000000600,
  FamilySearchIndexes1764000000700,
  FamilyAlias1764000000817,
  ...breakGlassMigrations,
];

/** The agency-views service: read models of each agency's families, built from events only. */
@Module({})
export class AgencyViewsModule {
  static register({ config, clock, consumer }: AgencyViewsModuleOptions): DynamicModule {
    return {
      module: AgencyViewsModule,
      imports: [
        ServiceInfrastructure.register({
          service: 'agency-views',
          config,
          migrations: AGENCY_VIEWS_MIGRATIONS,
          relay: { gatherMs: config.RELAY_GATHER_MS },
          consumer,
        }),
      ],
      controllers: [FamilyProjectionHandler, FamilyStreamController, FamilyController, ...breakGlassControllers],
      providers: [
        { provide: WorkingDayCalendar, useValue: WorkingDayCalendar.england() },
        { provide: Clock, useValue: clock ?? new Clock() },
        AccessRecorder,
        ...breakGlassProviders,
        FamilyProjection,
        FamilyViewStore,
        FamilyQueries,
        ViewChanges,
        Freshness,
        EventPositions,
      ],
    };
  }
}
