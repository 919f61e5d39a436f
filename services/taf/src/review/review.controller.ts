import { Body, Controller, Get, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
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
import { PlanLoader } from '../plan/plan.loader.js';
import { viewAfterChange, type PlanView } from '../plan/plan.views.js';
import { RecordReviewDto, recordReviewExample } from './dto/record-review.dto.js';
import { PlanReviewRow } from './plan-review.entity.js';
import { RecordReview } from './record-review.usecase.js';
import { PlanView as PlanViewSchema } from '../plan/plan.responses.js';
import { ReviewList } from './review.responses.js';

@ApiTag('reviews', 'Plan reviews and their cadence')
@ApiBearerAuth()
@Controller('v1/plans/:planId/reviews')
export class ReviewController {
  constructor(
    private readonly recordReview: RecordReview,
    private readonly loader: PlanLoader,
    private readonly access: AccessRecorder,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @Roles('practitioner', 'manager')
  @ApiOperation({ summary: 'Record a review: attendees, progress per outcome, decisions, next date (lead only)' })
  @ApiIfMatch()
  @ApiSuccess(201, { description: 'The plan after its review', type: PlanViewSchema, headers: ['ETag', 'Location'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(RecordReviewDto, recordReviewExample)
  async record(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @Body() body: RecordReviewDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    const { state, review } = await this.recordReview.execute(caller, planId, body, ifMatch);
    void reply.status(201).header('location', `/v1/plans/${planId}/reviews/${review.id}`);
    return viewAfterChange(caller, state, reply);
  }

  @Get()
  @ApiOperation({ summary: "The plan's reviews, oldest first" })
  @ApiSuccess(200, { description: 'The reviews', type: ReviewList })
  @ApiProblems(404)
  async list(@CurrentCaller() caller: Caller, @Param('planId') planId: string, @Origin() origin: RequestOrigin) {
    const { state, relationship } = await this.loader.forCaller(this.dataSource.manager, caller, planId);
    const reviews = await this.dataSource.manager.find(PlanReviewRow, {
      where: { planId: state.plan.id },
      order: { heldOn: 'ASC', recordedAt: 'ASC' },
    });
    await this.access.record(caller, origin, {
      action: 'read',
      recordType: 'plan-review',
      purpose: relationship === 'lead' ? 'lead professional' : `plan ${relationship}`,
      records: [{ id: state.plan.id, familyId: state.plan.familyId }],
    });
    return {
      items: reviews.map((r) => ({
        reviewId: r.id,
        heldOn: r.heldOn,
        attendees: r.attendees,
        progress: r.progress,
        decisions: r.decisions,
        nextReviewDate: r.nextReviewDate,
        recordedBy: r.recordedBy,
        recordedAt: r.recordedAt.toISOString(),
      })),
    };
  }
}
