import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { AccessRecorder } from '@baton/access-log';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import {
  ApiIdempotencyKey,
  ApiProblems,
  ApiSuccess,
  ApiTag,
  etagFor,
  Origin,
  type RequestOrigin,
  ApiExampleBody,
} from '@baton/http-api';
import { ListPlansQueryDto, PageQueryDto } from '../timeline/timeline-query.dto.js';
import { TimelineQueries } from '../timeline/timeline.queries.js';
import { OpenPlanDto, openPlanExample } from './dto/open-plan.dto.js';
import { OpenPlan } from './open-plan/open-plan.usecase.js';
import { PlanLoader } from './plan.loader.js';
import { PlanQueries } from './plan.queries.js';
import { planViewFor, viewAfterChange, type PlanView } from './plan.views.js';
import { PlanListPage, PlanView as PlanViewSchema, TimelinePage } from './plan.responses.js';

const PURPOSE = { lead: 'lead professional', manager: 'management oversight', member: 'plan member' } as const;

@ApiTag('plans', 'Team Around the Family plans and their timelines')
@ApiBearerAuth()
@Controller('v1/plans')
export class PlanController {
  constructor(
    private readonly openPlan: OpenPlan,
    private readonly loader: PlanLoader,
    private readonly queries: PlanQueries,
    private readonly timelines: TimelineQueries,
    private readonly access: AccessRecorder,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @Roles('practitioner', 'manager')
  @ApiOperation({ summary: 'Open a plan for a family you work with, naming the lead professional' })
  @ApiIdempotencyKey()
  @ApiSuccess(201, { description: 'The plan as opened', type: PlanViewSchema, headers: ['ETag', 'Location'] })
  @ApiProblems(403, 404, 409, 422)
  @ApiExampleBody(OpenPlanDto, openPlanExample)
  async open(
    @CurrentCaller() caller: Caller,
    @Body() body: OpenPlanDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    const state = await this.openPlan.execute(caller, body, idempotencyKey);
    void reply.status(201).header('location', `/v1/plans/${state.plan.id}`);
    // The opener's agency is always a member, so the opener is always related to the plan they opened.
    return viewAfterChange(caller, state, reply);
  }

  @Get()
  @ApiOperation({ summary: 'Plans I lead or my agency is on (the front door’s managers: every plan of the authority)' })
  @ApiSuccess(200, { description: 'A page of plans', type: PlanListPage })
  async list(@CurrentCaller() caller: Caller, @Query() query: ListPlansQueryDto, @Origin() origin: RequestOrigin) {
    const page = await this.queries.list(caller, query);
    await this.access.record(caller, origin, {
      action: 'list',
      recordType: 'plan',
      purpose: caller.roles.includes('manager') ? PURPOSE.manager : 'plans I am involved in',
      records: page.items.map((p) => ({ id: p.id, familyId: p.familyId })),
    });
    return page;
  }

  @Get(':id')
  @ApiOperation({ summary: 'A plan, as the caller may see it' })
  @ApiSuccess(200, { description: 'The plan', type: PlanViewSchema, headers: ['ETag'] })
  @ApiProblems(404)
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    const { state, relationship } = await this.loader.forCaller(this.dataSource.manager, caller, id);
    await this.access.record(caller, origin, {
      action: 'read',
      recordType: 'plan',
      purpose: PURPOSE[relationship],
      records: [{ id: state.plan.id, familyId: state.plan.familyId }],
    });
    void reply.header('etag', etagFor(state.plan.version));
    return planViewFor(caller, relationship, state);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Everything that happened to a plan, oldest first' })
  @ApiSuccess(200, { description: 'A page of the plan’s timeline', type: TimelinePage })
  @ApiProblems(404)
  async timeline(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
    @Origin() origin: RequestOrigin,
  ) {
    const { state, relationship } = await this.loader.forCaller(this.dataSource.manager, caller, id);
    const page = await this.timelines.timeline(
      caller,
      [{ id: state.plan.id, familyId: state.plan.familyId, relationship }],
      query,
    );
    await this.access.record(caller, origin, {
      action: 'read',
      recordType: 'plan-timeline',
      purpose: PURPOSE[relationship],
      records: [{ id: state.plan.id, familyId: state.plan.familyId }],
    });
    return page;
  }
}
