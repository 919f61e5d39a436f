import { Body, Controller, Get, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccessRecorder } from '@baton/access-log';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import {
  ApiIfMatch,
  ApiProblems,
  ApiSuccess,
  ApiTag,
  Origin,
  type RequestOrigin,
  ApiExampleBody,
} from '@baton/http-api';
import { viewAfterChange, type PlanView } from '../plan/plan.views.js';
import { Assessments } from './assessment.usecase.js';
import { RecordAssessmentDto, recordAssessmentExample } from './dto/record-assessment.dto.js';
import { PlanView as PlanViewSchema } from '../plan/plan.responses.js';
import { AssessmentView } from './assessment.responses.js';

@ApiTag('assessment', 'The family’s early help assessment and who it is shared with')
@ApiBearerAuth()
@Controller('v1/plans/:planId/assessment')
export class AssessmentController {
  constructor(
    private readonly assessments: Assessments,
    private readonly access: AccessRecorder,
  ) {}

  @Post()
  @Roles('practitioner', 'manager')
  @ApiOperation({ summary: 'Record the early help assessment and who it is shared with (lead professional only)' })
  @ApiIfMatch()
  @ApiSuccess(201, {
    description: 'The plan with its assessment summary',
    type: PlanViewSchema,
    headers: ['ETag', 'Location'],
  })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(RecordAssessmentDto, recordAssessmentExample)
  async record(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @Body() body: RecordAssessmentDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    const { state } = await this.assessments.record(caller, planId, body, ifMatch);
    void reply.status(201).header('location', `/v1/plans/${planId}/assessment`);
    return viewAfterChange(caller, state, reply);
  }

  @Get()
  @ApiOperation({ summary: 'The latest early help assessment (the lead, and agencies it is shared with)' })
  @ApiSuccess(200, { description: 'The latest assessment', type: AssessmentView })
  @ApiProblems(403, 404)
  async read(@CurrentCaller() caller: Caller, @Param('planId') planId: string, @Origin() origin: RequestOrigin) {
    const { state, relationship, assessment } = await this.assessments.latest(caller, planId);
    await this.access.record(caller, origin, {
      action: 'read',
      recordType: 'early-help-assessment',
      purpose: relationship === 'lead' ? 'lead professional' : 'assessment shared with my agency',
      records: [{ id: state.plan.id, familyId: state.plan.familyId }],
    });
    return {
      assessmentId: assessment.id,
      completedAt: assessment.completedAt.toISOString(),
      completedBy: assessment.completedBy,
      ...assessment.content,
      sharedWithAgencyIds: assessment.sharedWithAgencyIds,
    };
  }
}
