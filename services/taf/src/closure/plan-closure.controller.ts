import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import { ApiIfMatch, ApiProblems, ApiSuccess, ApiTag, ApiExampleBody } from '@baton/http-api';
import { viewAfterChange, type PlanView } from '../plan/plan.views.js';
import {
  ClosePlanDto,
  StepDownDto,
  StepUpDto,
  WithdrawAgreementDto,
  closePlanExample,
  stepUpExample,
  stepDownExample,
  withdrawAgreementExample,
} from './dto/closure.dto.js';
import { PlanClosure } from './plan-closure.usecase.js';
import { PlanView as PlanViewSchema } from '../plan/plan.responses.js';

@ApiTag('closure', 'Closing a plan, stepping it up or down')
@ApiBearerAuth()
@Controller('v1/plans/:planId')
@Roles('practitioner', 'manager')
export class PlanClosureController {
  constructor(private readonly closure: PlanClosure) {}

  @Post('closure')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the plan with a reason (lead professional only)' })
  @ApiIfMatch()
  @ApiSuccess(200, { description: 'The plan, closed', type: PlanViewSchema, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(ClosePlanDto, closePlanExample)
  async close(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @Body() body: ClosePlanDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    return viewAfterChange(caller, await this.closure.close(caller, planId, body, ifMatch), reply);
  }

  @Post('step-up')
  @HttpCode(200)
  @ApiOperation({ summary: "Step up to children's social care: urgent event, then the plan closes" })
  @ApiIfMatch()
  @ApiSuccess(200, { description: 'The plan, stepped up and closed', type: PlanViewSchema, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(StepUpDto, stepUpExample)
  async stepUp(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @Body() body: StepUpDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    return viewAfterChange(caller, await this.closure.stepUp(caller, planId, body, ifMatch), reply);
  }

  @Post('step-down')
  @HttpCode(200)
  @ApiOperation({ summary: 'Step down to universal services; the plan closes' })
  @ApiIfMatch()
  @ApiSuccess(200, { description: 'The plan, stepped down and closed', type: PlanViewSchema, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(StepDownDto, stepDownExample)
  async stepDown(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @Body() body: StepDownDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    return viewAfterChange(caller, await this.closure.stepDown(caller, planId, body, ifMatch), reply);
  }

  @Post('agreement-withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: "Record the family's withdrawal of agreement: no new information flows to partners" })
  @ApiIfMatch()
  @ApiSuccess(200, { description: 'The plan, agreement withdrawn', type: PlanViewSchema, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(WithdrawAgreementDto, withdrawAgreementExample)
  async withdrawAgreement(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @Body() body: WithdrawAgreementDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    return viewAfterChange(caller, await this.closure.withdrawAgreement(caller, planId, body, ifMatch), reply);
  }
}
