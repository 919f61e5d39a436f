import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import { ApiIfMatch, ApiProblems, ApiSuccess, ApiTag, etagFor, ApiExampleBody } from '@baton/http-api';
import { viewAfterChange, type PlanView } from '../plan/plan.views.js';
import { AnswerHandover } from './answer-handover.usecase.js';
import {
  DeclineHandoverDto,
  ProposeHandoverDto,
  proposeHandoverExample,
  declineHandoverExample,
} from './dto/handover.dto.js';
import { ProposeHandover } from './propose-handover.usecase.js';
import { HandoverDeclinedView, PlanView as PlanViewSchema } from '../plan/plan.responses.js';

@ApiTag('lead professional', 'Handing the lead professional role to someone else')
@ApiBearerAuth()
@Controller('v1/plans/:planId/handovers')
@Roles('practitioner', 'manager')
export class HandoverController {
  constructor(
    private readonly propose: ProposeHandover,
    private readonly answer: AnswerHandover,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Propose a new lead professional (the lead, or a manager of the lead’s agency)' })
  @ApiIfMatch()
  @ApiSuccess(201, {
    description: 'The plan with the handover pending',
    type: PlanViewSchema,
    headers: ['ETag', 'Location'],
  })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(ProposeHandoverDto, proposeHandoverExample)
  async proposeHandover(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @Body() body: ProposeHandoverDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    const { state, handover } = await this.propose.execute(caller, planId, body, ifMatch);
    void reply.status(201).header('location', `/v1/plans/${planId}/handovers/${handover.id}`);
    return viewAfterChange(caller, state, reply);
  }

  @Post(':handoverId/acceptance')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept becoming lead professional (the proposed lead only); effective at once',
    description:
      'Changes who leads, not what each member’s role is: the new lead’s agency and the former lead’s keep the ' +
      'roles they joined with; an agency not yet on the plan joins in the new lead’s own role (proposedLead.role).',
  })
  @ApiIfMatch()
  @ApiSuccess(200, { description: 'The plan under its new lead professional', type: PlanViewSchema, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  async accept(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @Param('handoverId') handoverId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    return viewAfterChange(caller, await this.answer.accept(caller, planId, handoverId, ifMatch), reply);
  }

  @Post(':handoverId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline becoming lead professional (the proposed lead only)' })
  @ApiIfMatch()
  @ApiSuccess(200, { description: 'The answer was recorded', type: HandoverDeclinedView, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(DeclineHandoverDto, declineHandoverExample)
  async decline(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @Param('handoverId') handoverId: string,
    @Body() body: DeclineHandoverDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ planId: string; handoverId: string; status: 'declined'; planVersion: number }> {
    // The one who declined may not be on the plan: they learn only that their answer was recorded.
    const state = await this.answer.decline(caller, planId, handoverId, body.reason, ifMatch);
    void reply.header('etag', etagFor(state.plan.version));
    return { planId, handoverId, status: 'declined', planVersion: state.plan.version };
  }
}
