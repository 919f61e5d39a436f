import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import {
  ApiIfMatch,
  ApiProblems,
  ApiSuccess,
  ApiTag,
  etagFor,
  Origin,
  type RequestOrigin,
  ApiExampleBody,
} from '@baton/http-api';
import { AccessRecorder } from '@baton/access-log';
import { receivingAgencyView } from '../referral/referral.views.js';
import { DecideReferral } from './decide-referral.usecase.js';
import { DecideReferralDto, decideReferralExample } from './dto/decide-referral.dto.js';
import { ListReferralsQueryDto, TriageQueueQueryDto } from './dto/queue-query.dto.js';
import { ReferralQueries } from './referral-queries.js';
import { ReferralPage, ReferralView } from '../referral/referral.responses.js';

@ApiTag('triage', 'The front door triages referrals against levels of need and decides on them')
@ApiBearerAuth()
@Roles('triager', 'manager')
@Controller('v1')
export class TriageController {
  constructor(
    private readonly decide: DecideReferral,
    private readonly queries: ReferralQueries,
    private readonly access: AccessRecorder,
  ) {}

  @Get('triage/queue')
  @ApiOperation({ summary: 'Referrals addressed to my agency, oldest first (default: awaiting a decision)' })
  @ApiSuccess(200, { description: 'A page of referrals awaiting triage', type: ReferralPage })
  @ApiProblems(403)
  async queue(@CurrentCaller() caller: Caller, @Query() query: TriageQueueQueryDto, @Origin() origin: RequestOrigin) {
    const page = await this.queries.triageQueue(caller, query);
    await this.access.record(caller, origin, {
      action: 'list',
      recordType: 'referral',
      purpose: 'triage queue',
      records: page.items,
    });
    return page;
  }

  @Get('triage/overdue')
  @ApiOperation({ summary: 'Referrals past their 1-working-day decision deadline' })
  @ApiSuccess(200, { description: 'A page of overdue referrals', type: ReferralPage })
  @ApiProblems(403)
  async overdue(
    @CurrentCaller() caller: Caller,
    @Query() query: ListReferralsQueryDto,
    @Origin() origin: RequestOrigin,
  ) {
    const page = await this.queries.overdue(caller, query);
    await this.access.record(caller, origin, {
      action: 'list',
      recordType: 'referral',
      purpose: 'overdue triage',
      records: page.items,
    });
    return page;
  }

  @Post('referrals/:id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the triage decision' })
  @ApiIfMatch()
  @ApiSuccess(200, { description: 'The referral with its decision', type: ReferralView, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(DecideReferralDto, decideReferralExample)
  async decision(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: DecideReferralDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const referral = await this.decide.execute(caller, id, body, ifMatch);
    void reply.header('etag', etagFor(referral.version));
    return receivingAgencyView(referral);
  }
}
