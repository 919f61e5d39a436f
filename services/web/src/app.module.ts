import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { defaultTenantConfigDir, TenantDirectory } from '@baton/tenancy';
import { AccessibilityController } from './accessibility/accessibility.controller.js';
import { ServiceClients } from './api/service-clients.js';
import { WebConfig } from './config/web.config.js';
import { WebExceptionFilter } from './errors/web-exception.filter.js';
import { HealthController } from './health/health.controller.js';
import { SessionDatabase } from './health/session-database.js';
import { HomeController } from './home/home.controller.js';
import { InboxApi } from './inbox/inbox.api.js';
import { InboxController } from './inbox/inbox.controller.js';
import { NotificationPreferencesController } from './inbox/notification-preferences.controller.js';
import { UnreadStreamController } from './inbox/unread-stream.controller.js';
import { LayoutLocals } from './layout/layout-locals.js';
import { MyWorkApi } from './my-work/my-work.api.js';
import { MyWorkController } from './my-work/my-work.controller.js';
import { ApiCallers } from './sign-in/api-callers.js';
import { OpenIdProvider } from './sign-in/openid-provider.js';
import { MakeReferralController } from './referral/make-referral/make-referral.controller.js';
import { ReferralsApi } from './referral/referrals.api.js';
import { ReferralsController } from './referral/referrals.controller.js';
import { OpenPlanCheck } from './triage/open-plan-check.js';
import { OpenPlanController } from './triage/open-plan.controller.js';
import { TriageController } from './triage/triage.controller.js';
import { AgencyViewsApi } from './families/agency-views.api.js';
import { FamiliesController } from './families/families.controller.js';
import { FamilyTimelineApi } from './families/family-timeline.api.js';
import { FamilyParentingApi } from './families/parenting.api.js';
import { AssessmentController } from './plans/assessment.controller.js';
import { ClosureController } from './plans/closure.controller.js';
import { DepartureController } from './plans/departure.controller.js';
import { PlanController } from './plans/plan.controller.js';
import { PlanWorkController } from './plans/plan-work.controller.js';
import { ReviewController } from './plans/review.controller.js';
import { TafApi } from './plans/taf.api.js';
import { SessionKeepAliveController } from './sign-in/session-keep-alive.controller.js';
import { SignInController } from './sign-in/sign-in.controller.js';
import { SignedInGuard } from './sign-in/signed-in.guard.js';
import { AuditApi } from './auditor/audit.api.js';
import { AuditorController } from './auditor/auditor.controller.js';
import { ManagerController } from './manager/manager.controller.js';
import { ContractsController } from './officer/contracts.controller.js';
import { OrdersController } from './officer/orders.controller.js';
import { ParentingApi } from './officer/parenting.api.js';

/** The web service: pages by concept, each a controller, a view model and a template. */
@Module({})
export class WebModule {
  static register(config: WebConfig): DynamicModule {
    return {
      module: WebModule,
      controllers: [
        HealthController,
        SignInController,
        SessionKeepAliveController,
        AccessibilityController,
        HomeController,
        InboxController,
        UnreadStreamController,
        NotificationPreferencesController,
        MakeReferralController,
        ReferralsController,
        TriageController,
        OpenPlanController,
        FamiliesController,
        PlanController,
        OrdersController,
        ContractsController,
        ManagerController,
        AuditorController,
        MyWorkController,
        PlanWorkController,
        ReviewController,
        AssessmentController,
        DepartureController,
        // Last: its `plans/:planId/:kind` routes must not shadow the plan's own pages.
        ClosureController,
      ],
      providers: [
        { provide: WebConfig, useValue: config },
        {
          provide: TenantDirectory,
          useFactory: () => TenantDirectory.load(config.TENANT_CONFIG_DIR ?? defaultTenantConfigDir()),
        },
        { provide: ServiceClients, useFactory: () => new ServiceClients(config) },
        { provide: SessionDatabase, useFactory: () => new SessionDatabase(config.DATABASE_URL) },
        OpenIdProvider,
        ApiCallers,
        LayoutLocals,
        InboxApi,
        ReferralsApi,
        AgencyViewsApi,
        FamilyParentingApi,
        FamilyTimelineApi,
        OpenPlanCheck,
        TafApi,
        ParentingApi,
        AuditApi,
        MyWorkApi,
        { provide: APP_GUARD, useClass: SignedInGuard },
        { provide: APP_FILTER, useClass: WebExceptionFilter },
      ],
    };
  }
}
