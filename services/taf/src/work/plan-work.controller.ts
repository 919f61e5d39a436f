import { Body, Controller, Headers, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import { ApiIfMatch, ApiProblems, ApiSuccess, ApiTag, ApiExampleBody } from '@baton/http-api';
import { viewAfterChange, type PlanView } from '../plan/plan.views.js';
import {
  AddActionDto,
  AgreeOutcomesDto,
  UpdateActionDto,
  agreeOutcomesExample,
  addActionExample,
  updateActionExample,
} from './dto/work.dto.js';
import { PlanWork } from './plan-work.usecase.js';
import { PlanView as PlanViewSchema } from '../plan/plan.responses.js';

@ApiTag('outcomes and actions', 'The outcomes a plan works towards and the actions agencies take')
@ApiBearerAuth()
@Controller('v1/plans/:planId')
@Roles('practitioner', 'manager')
export class PlanWorkController {
  constructor(private readonly work: PlanWork) {}

  @Put('outcomes')
  @ApiOperation({ summary: 'Record the outcomes agreed with the family (lead professional only)' })
  @ApiIfMatch()
  @ApiSuccess(200, { description: 'The plan with its outcomes', type: PlanViewSchema, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(AgreeOutcomesDto, agreeOutcomesExample)
  async agreeOutcomes(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @Body() body: AgreeOutcomesDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    return viewAfterChange(caller, await this.work.agreeOutcomes(caller, planId, body, ifMatch), reply);
  }

  @Post('actions')
  @ApiOperation({ summary: 'Add an action for a member agency (lead professional only)' })
  @ApiIfMatch()
  @ApiSuccess(201, { description: 'The plan with the new action', type: PlanViewSchema, headers: ['ETag', 'Location'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(AddActionDto, addActionExample)
  async addAction(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @Body() body: AddActionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    const { state, result } = await this.work.addAction(caller, planId, body, ifMatch);
    void reply.status(201).header('location', `/v1/plans/${planId}/actions/${result.id}`);
    return viewAfterChange(caller, state, reply);
  }

  @Patch('actions/:actionId')
  @ApiOperation({ summary: "Update an action: its owning agency's members, or the lead professional" })
  @ApiIfMatch()
  @ApiSuccess(200, { description: 'The plan with the action updated', type: PlanViewSchema, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(UpdateActionDto, updateActionExample)
  async updateAction(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @Param('actionId') actionId: string,
    @Body() body: UpdateActionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    return viewAfterChange(caller, await this.work.updateAction(caller, planId, actionId, body, ifMatch), reply);
  }
}
