import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { MigrationInterface } from 'typeorm';
import { AccessRecorder } from '@baton/access-log';
import { AuthModule } from '@baton/auth';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { CreateIdempotencyKeys1763900000000, HealthModule } from '@baton/http-api';
import { MessagingHealth, MessagingModule, messagingEntities, messagingMigrations } from '@baton/messaging';
import { openDatabase } from '@baton/persistence';
import { TenantDirectory } from '@baton/tenancy';
import type { ReferralsConfig } from './config/referrals.config.js';
import { DEADLINE_SCAN_INTERVAL, DecisionDeadlineJob } from './deadline/decision-deadline.job.js';
import { DatabaseHealth } from './health/database.health.js';
import { CreateReferrals1763900000100 } from './migrations/1763900000100-create-referrals.js';
import { ReferenceController } from './reference/reference.controller.js';
import { DuplicateFinder } from './referral/receive-referral/duplicate-finder.js';
import { ReceiveReferral } from './referral/receive-referral/receive-referral.usecase.js';
import { ReferralController } from './referral/referral.controller.js';
import { Referral } from './referral/referral.entity.js';
import { ReferralLoader } from './referral/referral.loader.js';
import { DecideReferral } from './triage/decide-referral.usecase.js';
import { ReferralQueries } from './triage/referral-queries.js';
import { TriageController } from './triage/triage.controller.js';
import { WithdrawReferral } from './withdrawal/withdraw-referral.usecase.js';

export interface ReferralsModuleOptions {
  config: ReferralsConfig;
  tenants: TenantDirectory;
  /** Tests pass a settable clock; the service uses the real one. */
  clock?: Clock;
}

export const REFERRALS_MIGRATIONS: (new () => MigrationInterface)[] = [
  ...messagingMigrations,
  CreateIdempotencyKeys1763900000000,
  CreateReferrals1763900000100,
];

/** The referrals service: intake, triage, decision deadlines, withdrawal. */
@Module({})
export class ReferralsModule {
  static register({ config, tenants, clock }: ReferralsModuleOptions): DynamicModule {
    return {
      module: ReferralsModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ type: 'postgres' as const, url: config.DATABASE_URL }),
          dataSourceFactory: () =>
            openDatabase({
              url: config.DATABASE_URL,
              entities: [Referral, ...messagingEntities],
              migrations: REFERRALS_MIGRATIONS,
              applicationName: 'baton-referrals',
            }),
        }),
        AuthModule.forRoot({
          issuer: config.AUTH_ISSUER,
          audience: config.AUTH_AUDIENCE,
          jwksUrl: config.AUTH_JWKS_URL,
        }),
        MessagingModule.forRoot({
          service: 'referrals',
          natsUrl: config.NATS_URL,
          stream: config.NATS_STREAM,
          subjectPrefix: config.NATS_SUBJECT_PREFIX,
          replicas: config.NATS_STREAM_REPLICAS,
        }),
        HealthModule.register([DatabaseHealth, MessagingHealth]),
      ],
      controllers: [ReferralController, TriageController, ReferenceController],
      providers: [
        { provide: TenantDirectory, useValue: tenants },
        { provide: WorkingDayCalendar, useValue: WorkingDayCalendar.england() },
        { provide: Clock, useValue: clock ?? new Clock() },
        { provide: DEADLINE_SCAN_INTERVAL, useValue: config.DEADLINE_SCAN_INTERVAL_MS },
        AccessRecorder,
        DuplicateFinder,
        ReceiveReferral,
        DecideReferral,
        WithdrawReferral,
        ReferralLoader,
        ReferralQueries,
        DecisionDeadlineJob,
      ],
    };
  }
}
