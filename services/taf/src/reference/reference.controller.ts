import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@baton/auth';
import {
  FAMILY_LEAD_PREFERENCES,
  OUTCOME_PROGRESS,
  PLAN_ACTION_STATUSES,
  PLAN_CLOSURE_REASONS,
} from '@baton/contracts';
import { TenantDirectory } from '@baton/tenancy';
import { ApiSuccess, ApiTag } from '@baton/http-api';
import { PlanReferenceView } from './reference.responses.js';

@ApiTag('reference', "Code lists and the caller's authority's own reference data that forms need")
@ApiBearerAuth()
@Controller('v1/reference')
export class ReferenceController {
  constructor(private readonly tenants: TenantDirectory) {}

  @Get('plans')
  @ApiOperation({
    summary: "The caller's authority's plan reference data: headline outcomes, review cadence and the scales",
  })
  @ApiSuccess(200, { description: 'The reference data', type: PlanReferenceView })
  plans(@CurrentCaller() caller: Caller) {
    const tenant = this.tenants.requireTenant(caller.tenant);
    return {
      headlineOutcomes: tenant.headlineOutcomes.map(({ code, label }) => ({ code, label })),
      reviewCadenceWeeks: tenant.reviewCadenceWeeks,
      outcomeProgress: OUTCOME_PROGRESS,
      actionStatuses: PLAN_ACTION_STATUSES,
      closureReasons: PLAN_CLOSURE_REASONS,
      familyLeadPreferences: FAMILY_LEAD_PREFERENCES,
    };
  }
}
