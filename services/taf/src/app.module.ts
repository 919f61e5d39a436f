import { Module, type DynamicModule } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';
import { AccessRecorder } from '@baton/access-log';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { AddIdempotencyEventIds1763900000001, CreateIdempotencyKeys1763900000000 } from '@baton/http-api';
import { messagingMigrations } from '@baton/messaging';
import { ServiceInfrastructure } from '@baton/service-host';
import { TenantDirectory } from '@baton/tenancy';
import { AssessmentController } from './assessment/assessment.controller.js';
import { Assessments } from './assessment/assessment.usecase.js';
import { PlanAssessmentRow } from './assessment/plan-assessment.entity.js';
import { PlanClosureController } from './closure/plan-closure.controller.js';
import { PlanClosure } from './closure/plan-closure.usecase.js';
import type { TafConfig } from './config/taf.config.js';
import { AnswerHandover } from './lead/answer-handover.usecase.js';
import { HandoverController } from './lead/handover.controller.js';
import { PlanHandoverRow } from './lead/plan-handover.entity.js';
import { ProposeHandover } from './lead/propose-handover.usecase.js';
import { PlanLeadRow } from './lead/plan-lead.entity.js';
import { MembershipController } from './membership/membership.controller.js';
import { Membership } from './membership/membership.usecase.js';
import { PlanMemberRow } from './membership/plan-member.entity.js';
import { CreatePlans1763900000200 } from './migrations/1763900000200-create-plans.js';
import { MemberRolesFromLeads1763900000217 } from './migrations/1763900000217-member-roles-from-leads.js';
import { OVERDUE_SCAN_INTERVAL, OverdueJob } from './overdue/overdue.job.js';
import { OpenPlanFinder } from './plan/open-plan/open-plan-finder.js';
import { OpenPlan } from './plan/open-plan/open-plan.usecase.js';
import { PlanOpener } from './plan/open-plan/plan-opener.js';
import { PlanChanges } from './plan/plan-changes.js';
import { PlanEventRecorder } from './plan/plan-event.recorder.js';
import { PlanController } from './plan/plan.controller.js';
import { Plan } from './plan/plan.entity.js';
import { PlanLoader } from './plan/plan.loader.js';
import { PlanQueries } from './plan/plan.queries.js';
import { PlanStore } from './plan/plan.store.js';
import { ReferenceController } from './reference/reference.controller.js';
import { AcceptReferral } from './referral-intake/accept-referral.usecase.js';
import { ReferralDecidedHandler } from './referral-intake/referral-decided.handler.js';
import { PlanReviewRow } from './review/plan-review.entity.js';
import { RecordReview } from './review/record-review.usecase.js';
import { ReviewController } from './review/review.controller.js';
import { FamilyTimelineController } from './timeline/family-timeline.controller.js';
import { PlanTimelineRow } from './timeline/plan-timeline.entity.js';
import { TimelineQueries } from './timeline/timeline.queries.js';
import { PlanActionRow } from './work/plan-action.entity.js';
import { PlanWorkController } from './work/plan-work.controller.js';
import { PlanWork } from './work/plan-work.usecase.js';

export interface TafModuleOptions {
  config: TafConfig;
  tenants: TenantDirectory;
  /** Tests pass a settable clock; the service uses the real one. */
  clock?: Clock;
}

export const TAF_MIGRATIONS: (new () => MigrationInterface)[] = [
  ...messagingMigrations,
  CreateIdempotencyKeys1763900000000,
  AddIdempotencyEventIds1763900000001,
  CreatePlans1763900000200,
  MemberRolesFromLeads1763900000217,
];

export const TAF_ENTITIES = [
  Plan,
  PlanLeadRow,
  PlanHandoverRow,
  PlanMemberRow,
  PlanActionRow,
  PlanAssessmentRow,
  PlanReviewRow,
  PlanTimelineRow,
];

/** The taf service: Team Around the Family plans, their lead professional, members, work and reviews. */
@Module({})
export class TafModule {
  static register({ config, tenants, clock }: TafModuleOptions): DynamicModule {
    return {
      module: TafModule,
      imports: [
        ServiceInfrastructure.register({
          service: 'taf',
          config,
          entities: TAF_ENTITIES,
          migrations: TAF_MIGRATIONS,
        }),
      ],
      controllers: [
        PlanController,
        HandoverController,
        MembershipController,
        PlanWorkController,
        AssessmentController,
        ReviewController,
        PlanClosureController,
        FamilyTimelineController,
        ReferenceController,
        ReferralDecidedHandler,
      ],
      providers: [
        { provide: TenantDirectory, useValue: tenants },
        { provide: WorkingDayCalendar, useValue: WorkingDayCalendar.england() },
        { provide: Clock, useValue: clock ?? new Clock() },
        { provide: OVERDUE_SCAN_INTERVAL, useValue: config.OVERDUE_SCAN_INTERVAL_MS },
        AccessRecorder,
        PlanStore,
        PlanChanges,
        PlanLoader,
        PlanQueries,
        PlanEventRecorder,
        OpenPlanFinder,
        PlanOpener,
        OpenPlan,
        AcceptReferral,
        TimelineQueries,
        ProposeHandover,
        AnswerHandover,
        Membership,
        PlanWork,
        Assessments,
        RecordReview,
        PlanClosure,
        OverdueJob,
      ],
    };
  }
}
