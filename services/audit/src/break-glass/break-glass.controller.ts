import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccessRecorder } from '@baton/access-log';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import { Clock } from '@baton/calendar';
import {
  ApiExampleBody,
  ApiIdempotencyKey,
  ApiProblems,
  ApiSuccess,
  ApiTag,
  Origin,
  type RequestOrigin,
} from '@baton/http-api';
import { BreakGlassGrantQueries } from './break-glass-grant.queries.js';
import { BreakGlassGrantPage, BreakGlassGrantReportView, BreakGlassGrantView } from './break-glass.responses.js';
import { BreakGlassGrantsQueryDto } from './dto/break-glass-grants-query.dto.js';
import { requestBreakGlassExample, RequestBreakGlassDto } from './dto/request-break-glass.dto.js';
import { EndBreakGlass } from './end-break-glass.usecase.js';
import { RequestBreakGlass } from './request-break-glass.usecase.js';

const DEFAULT_LIMIT = 50;

/**
 * Break-glass: reasoned, time-limited reading access to a family the caller's agency is not involved with, for an
 * emergency. Granted on the person's declaration and reviewed after: every grant and every read under it is in
 * the ledger, the family's access log and the list below.
 */
@ApiTag('break-glass', 'Emergency, time-limited reading access to a family, and its review by auditors')
@ApiBearerAuth()
@Controller('v1/break-glass/grants')
export class BreakGlassController {
  constructor(
    private readonly request: RequestBreakGlass,
    private readonly end: EndBreakGlass,
    private readonly queries: BreakGlassGrantQueries,
    private readonly access: AccessRecorder,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('practitioner', 'triager', 'manager')
  @ApiOperation({ summary: 'Break the glass: read one family’s records for a limited time, saying why' })
  @ApiExampleBody(RequestBreakGlassDto, requestBreakGlassExample)
  @ApiIdempotencyKey()
  @ApiSuccess(201, {
    description: 'The grant, live until it expires',
    type: BreakGlassGrantView,
    headers: ['Location'],
  })
  @ApiProblems(403, 404, 422)
  async grant(
    @CurrentCaller() caller: Caller,
    @Body() body: RequestBreakGlassDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const grant = await this.request.execute(caller, body, idempotencyKey);
    void reply.status(201).header('location', `/v1/break-glass/grants/${grant.grantId}`);
    return grant;
  }

  @Get()
  @Roles('practitioner', 'triager', 'manager', 'auditor')
  @ApiOperation({
    summary: 'Break-glass grants, newest first: an auditor’s authority, a manager’s agency, anyone else’s own',
  })
  @ApiSuccess(200, {
    description: 'A page of grants, each with the number of reads made under it',
    type: BreakGlassGrantPage,
  })
  async list(@CurrentCaller() caller: Caller, @Query() q: BreakGlassGrantsQueryDto, @Origin() origin: RequestOrigin) {
    const page = await this.queries.list(caller, { ...q, limit: q.limit ?? DEFAULT_LIMIT }, this.clock.now());
    await this.access.record(caller, origin, {
      action: 'list',
      recordType: 'break-glass-grant',
      records: page.items.map((g) => ({ id: g.grantId, familyId: g.familyId })),
      purpose: 'break-glass review',
    });
    return page;
  }

  @Get(':grantId')
  @Roles('practitioner', 'triager', 'manager', 'auditor')
  @ApiOperation({ summary: 'One grant: who, when, which family, why, until when, and every read made under it' })
  @ApiSuccess(200, { description: 'The grant and its reads', type: BreakGlassGrantReportView })
  @ApiProblems(404)
  async report(
    @CurrentCaller() caller: Caller,
    @Param('grantId', new ParseUUIDPipe({ version: 'all' })) grantId: string,
    @Origin() origin: RequestOrigin,
  ) {
    const report = await this.queries.report(caller, grantId, this.clock.now());
    await this.access.record(caller, origin, {
      action: 'read',
      recordType: 'break-glass-grant',
      records: [{ id: grantId, familyId: report.familyId }],
      purpose: 'break-glass review',
    });
    return report;
  }

  @Post(':grantId/end')
  @HttpCode(200)
  @Roles('practitioner', 'triager', 'manager', 'auditor')
  @ApiOperation({ summary: 'End a grant before it expires (its grantee, when done; or an auditor)' })
  @ApiSuccess(200, { description: 'The grant, ended', type: BreakGlassGrantView })
  @ApiProblems(403, 404, 409)
  endGrant(@CurrentCaller() caller: Caller, @Param('grantId', new ParseUUIDPipe({ version: 'all' })) grantId: string) {
    return this.end.execute(caller, grantId);
  }
}
