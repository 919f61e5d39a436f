import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { AccessRecorder } from '@baton/access-log';
import { CurrentCaller, type Caller } from '@baton/auth';
import { ApiProblems, ApiSuccess, ApiTag, Origin, type RequestOrigin } from '@baton/http-api';
import { PageQueryDto } from './timeline-query.dto.js';
import { TimelineQueries } from './timeline.queries.js';
import { TimelinePage } from '../plan/plan.responses.js';

@ApiTag('plans', 'Team Around the Family plans and their timelines')
@ApiBearerAuth()
@Controller('v1/families')
export class FamilyTimelineController {
  constructor(
    private readonly timelines: TimelineQueries,
    private readonly access: AccessRecorder,
  ) {}

  @Get(':familyId/timeline')
  @ApiOperation({ summary: "A family's plans, everything that happened to them, oldest first" })
  @ApiSuccess(200, { description: 'A page of the family’s plans’ timeline', type: TimelinePage })
  @ApiProblems(404)
  async timeline(
    @CurrentCaller() caller: Caller,
    @Param('familyId') familyId: string,
    @Query() query: PageQueryDto,
    @Origin() origin: RequestOrigin,
  ) {
    const plans = await this.timelines.visiblePlansOfFamily(caller, familyId);
    const page = await this.timelines.timeline(caller, plans, query);
    await this.access.record(caller, origin, {
      action: 'read',
      recordType: 'plan-timeline',
      purpose: 'family timeline',
      records: plans.map((p) => ({ id: p.id, familyId: p.familyId })),
    });
    return page;
  }
}
