import { Module, type DynamicModule } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';
import { AccessRecorder } from '@baton/access-log';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { AddIdempotencyEventIds1763900000001, CreateIdempotencyKeys1763900000000 } from '@baton/http-api';
import { messagingMigrations } from '@baton/messaging';
import { ServiceInfrastructure } from '@baton/service-host';
import { TenantDirectory } from '@baton/tenancy';
import type { ReferralsConfig } from './config/referrals.config.js';
import { DEADLINE_SCAN_INTERVAL, DecisionDeadlineJob } from './deadline/decision-deadline.job.js';
import { CreateReferrals1763900000100 } from './migrations/1763900000100-create-referrals.js';
import { PlanConcernJoinedHandler } from './family/plan-concern-joined.handler.js';
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
  AddIdempotencyEventIds1763900000001,
  CreateReferrals1763900000100,
];

/** The referrals service: intake, triage, decision deadlines, withdrawal. */
@Module({})
export class ReferralsModule {
  static register({ config, tenants, clock }: ReferralsModuleOptions): DynamicModule {
    return {
      module: ReferralsModule,
      imports: [
        ServiceInfrastructure.register({
          service: 'referrals',
          config,
          entities: [Referral],
          migrations: REFERRALS_MIGRATIONS,
        }),
      ],
      controllers: [ReferralController, TriageController, ReferenceController, PlanConcernJoinedHandler],
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
