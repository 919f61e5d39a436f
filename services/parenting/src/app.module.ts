import { Module, type DynamicModule } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';
import { AccessRecorder } from '@baton/access-log';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { AddIdempotencyEventIds1763900000001, CreateIdempotencyKeys1763900000000 } from '@baton/http-api';
import { messagingMigrations } from '@baton/messaging';
import { ServiceInfrastructure } from '@baton/service-host';
import { TenantDirectory } from '@baton/tenancy';
import { AuditController } from './audit/audit.controller.js';
import { ConsistencyQueries } from './audit/consistency.queries.js';
import { ExceptionQueries } from './audit/exception.queries.js';
import { RecordCompliance } from './compliance/record-compliance.usecase.js';
import { OrderCompliance } from './compliance/order-compliance.entity.js';
import type { ParentingConfig } from './config/parenting.config.js';
import { ContractSteps } from './contract/contract-steps.usecase.js';
import { ContractController } from './contract/contract.controller.js';
import { ContractLoader } from './contract/contract.loader.js';
import { DraftContract } from './contract/draft-contract.usecase.js';
import { ParentingContract } from './contract/parenting-contract.entity.js';
import { ApplyToCourt } from './court/apply-to-court.usecase.js';
import { CompleteOrder } from './court/complete-order.usecase.js';
import { CourtController } from './court/court.controller.js';
import { OrderAppeal, OrderApplication } from './court/order-court.entity.js';
import { RecordAppeal } from './court/record-appeal.usecase.js';
import { RecordApplicationOutcome } from './court/record-application-outcome.usecase.js';
import { DEADLINE_SCAN_INTERVAL, EnforcementDeadlineJob } from './deadline/enforcement-deadline.job.js';
import { ApproveProsecution } from './enforcement/approve-prosecution.usecase.js';
import { DecideBreach } from './enforcement/decide-breach.usecase.js';
import { EnforcementCase } from './enforcement/enforcement-case.entity.js';
import { EnforcementCaseLoader } from './enforcement/enforcement-case.loader.js';
import { EnforcementController } from './enforcement/enforcement.controller.js';
import { RecordContact } from './enforcement/record-contact.usecase.js';
import { FamilyInvolvementRepository } from './involvement/family-involvement.repository.js';
import { FamilyPlan } from './involvement/family-plan.entity.js';
import { PlanEventsController } from './involvement/plan-events.controller.js';
import { CreateParenting1763900000300 } from './migrations/1763900000300-create-parenting.js';
import { SessionBeyondProgramme1763900000301 } from './migrations/1763900000301-session-beyond-programme.js';
import { DecidedWithoutContact1763900000317 } from './migrations/1763900000317-decided-without-contact.js';
import { MakeOrder } from './order/make-order.usecase.js';
import { OrderController } from './order/order.controller.js';
import { OrderLoader } from './order/order.loader.js';
import { OrderQueries } from './order/order.queries.js';
import { OrderReader } from './order/order.reader.js';
import { ParentingOrder } from './order/parenting-order.entity.js';
import { AddRequirement } from './requirement/add-requirement.usecase.js';
import { OrderRequirement, OrderSession } from './requirement/order-requirement.entity.js';
import { RequirementController } from './requirement/requirement.controller.js';
import { ScheduleSession } from './requirement/schedule-session.usecase.js';

export interface ParentingModuleOptions {
  config: ParentingConfig;
  tenants: TenantDirectory;
  /** Tests pass a settable clock; the service uses the real one. */
  clock?: Clock;
}

export const PARENTING_MIGRATIONS: (new () => MigrationInterface)[] = [
  ...messagingMigrations,
  CreateIdempotencyKeys1763900000000,
  AddIdempotencyEventIds1763900000001,
  CreateParenting1763900000300,
  SessionBeyondProgramme1763900000301,
  DecidedWithoutContact1763900000317,
];

const ENTITIES = [
  ParentingOrder,
  OrderRequirement,
  OrderSession,
  OrderCompliance,
  EnforcementCase,
  OrderApplication,
  OrderAppeal,
  ParentingContract,
  FamilyPlan,
];

/** The parenting service: contracts, court orders, compliance, enforcement and the manager's audit. */
@Module({})
export class ParentingModule {
  static register({ config, tenants, clock }: ParentingModuleOptions): DynamicModule {
    return {
      module: ParentingModule,
      imports: [
        ServiceInfrastructure.register({
          service: 'parenting',
          config,
          entities: ENTITIES,
          migrations: PARENTING_MIGRATIONS,
        }),
      ],
      controllers: [
        OrderController,
        RequirementController,
        EnforcementController,
        CourtController,
        AuditController,
        ContractController,
        PlanEventsController,
      ],
      providers: [
        { provide: TenantDirectory, useValue: tenants },
        { provide: WorkingDayCalendar, useValue: WorkingDayCalendar.england() },
        { provide: Clock, useValue: clock ?? new Clock() },
        { provide: DEADLINE_SCAN_INTERVAL, useValue: config.DEADLINE_SCAN_INTERVAL_MS },
        AccessRecorder,
        FamilyInvolvementRepository,
        OrderLoader,
        OrderReader,
        OrderQueries,
        MakeOrder,
        AddRequirement,
        ScheduleSession,
        RecordCompliance,
        EnforcementCaseLoader,
        RecordContact,
        DecideBreach,
        ApproveProsecution,
        ApplyToCourt,
        RecordApplicationOutcome,
        RecordAppeal,
        CompleteOrder,
        EnforcementDeadlineJob,
        ExceptionQueries,
        ConsistencyQueries,
        ContractLoader,
        DraftContract,
        ContractSteps,
      ],
    };
  }
}
