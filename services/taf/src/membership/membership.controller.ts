import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import {
  ApiIfMatch,
  ApiProblems,
  ApiSuccess,
  ApiTag,
  etagFor,
  ApiExampleBody,
  type RequestExample,
} from '@baton/http-api';
import { MemberDto, memberExample } from '../plan/dto/people.dto.js';
import { relationshipNow, viewAfterChange, type PlanView } from '../plan/plan.views.js';
import { Membership } from './membership.usecase.js';
import { MemberLeftView, PlanView as PlanViewSchema } from '../plan/plan.responses.js';

export class MemberDepartureDto {
  @ApiProperty({ example: 'Attendance has recovered; school support continues as usual' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** The example the OpenAPI document shows (invented data). */
export const memberDepartureExample: RequestExample<MemberDepartureDto> = {
  summary: 'A member leaves the plan',
  value: {
    reason: 'Attendance has recovered; school support continues as usual',
  },
};

@ApiTag('members', 'Agencies on a plan')
@ApiBearerAuth()
@Controller('v1/plans/:planId/members')
@Roles('practitioner', 'manager')
export class MembershipController {
  constructor(private readonly membership: Membership) {}

  @Post()
  @ApiOperation({ summary: 'Add an agency to the Team Around the Family (lead professional only)' })
  @ApiIfMatch()
  @ApiSuccess(201, { description: 'The plan with the new member', type: PlanViewSchema, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(MemberDto, memberExample)
  async add(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @Body() body: MemberDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    const state = await this.membership.add(caller, planId, body, ifMatch);
    void reply.status(201);
    return viewAfterChange(caller, state, reply);
  }

  @Post(':memberId/departure')
  @HttpCode(200)
  @ApiOperation({ summary: 'An agency leaves the plan (removed by the lead, or leaving itself)' })
  @ApiIfMatch()
  @ApiSuccess(200, {
    description: 'The plan; or, for an agency that has just left it, only that it left',
    oneOf: [PlanViewSchema, MemberLeftView],
    headers: ['ETag'],
  })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(MemberDepartureDto, memberDepartureExample)
  async leave(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @Param('memberId') memberId: string,
    @Body() body: MemberDepartureDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView | { planId: string; planVersion: number; left: true }> {
    const state = await this.membership.remove(caller, planId, memberId, body.reason, ifMatch);
    if (relationshipNow(caller, state)) {
      return viewAfterChange(caller, state, reply);
    }
    // An agency that has just left no longer sees the plan.
    void reply.header('etag', etagFor(state.plan.version));
    return { planId, planVersion: state.plan.version, left: true };
  }
}
