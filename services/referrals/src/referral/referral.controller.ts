import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import {
  ApiIdempotencyKey,
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
import { relationshipTo, type ReferralRelationship } from '../access/referral-access.policy.js';
import { ListReferralsQueryDto } from '../triage/dto/queue-query.dto.js';
import { WithdrawReferralDto, withdrawReferralExample } from '../triage/dto/decide-referral.dto.js';
import { ReferralQueries } from '../triage/referral-queries.js';
import { WithdrawReferral } from '../withdrawal/withdraw-referral.usecase.js';
import { CreateReferralDto, createReferralExample } from './dto/create-referral.dto.js';
import { ReceiveReferral } from './receive-referral/receive-referral.usecase.js';
import { ReferralLoader } from './referral.loader.js';
import type { Referral } from './referral.entity.js';
import { viewFor, type ReferralView } from './referral.views.js';
import { ReferralPage, ReferralView as ReferralViewSchema } from './referral.responses.js';

/** Whoever just wrote a referral is related to it: its receiving agency or its referrer. */
function relationshipOfCreator(caller: Caller, referral: Referral): ReferralRelationship {
  return relationshipTo(caller, referral) ?? 'referrer';
}

@ApiTag('referrals', 'Referrals into the front door: made, read, listed, withdrawn, with consent and deadlines')
@ApiBearerAuth()
@Controller('v1/referrals')
export class ReferralController {
  constructor(
    private readonly receive: ReceiveReferral,
    private readonly withdraw: WithdrawReferral,
    private readonly loader: ReferralLoader,
    private readonly queries: ReferralQueries,
    private readonly access: AccessRecorder,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @Roles('practitioner', 'triager', 'manager')
  @ApiOperation({ summary: 'Refer a family' })
  @ApiIdempotencyKey()
  @ApiSuccess(201, { description: 'The referral as received', type: ReferralViewSchema, headers: ['ETag', 'Location'] })
  @ApiProblems(403, 422)
  @ApiExampleBody(CreateReferralDto, createReferralExample)
  async create(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateReferralDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReferralView> {
    const { referral } = await this.receive.execute(caller, body, idempotencyKey);
    void reply.status(201).header('location', `/v1/referrals/${referral.id}`).header('etag', etagFor(referral.version));
    return viewFor(relationshipOfCreator(caller, referral), referral);
  }

  @Get()
  @ApiOperation({ summary: 'Referrals my agency sent, oldest first' })
  @ApiSuccess(200, { description: 'A page of referrals', type: ReferralPage })
  async listSent(
    @CurrentCaller() caller: Caller,
    @Query() query: ListReferralsQueryDto,
    @Origin() origin: RequestOrigin,
  ) {
    const page = await this.queries.sentByAgency(caller, query);
    await this.access.record(caller, origin, {
      action: 'list',
      recordType: 'referral',
      purpose: 'referrals sent by my agency',
      records: page.items.map((r) => ({ id: r.id, familyId: r.familyId })),
    });
    return page;
  }

  @Get(':id')
  @ApiOperation({ summary: "A referral, as the caller's agency may see it" })
  @ApiSuccess(200, { description: 'The referral', type: ReferralViewSchema, headers: ['ETag'] })
  @ApiProblems(404)
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReferralView> {
    const { referral, relationship } = await this.loader.forCaller(this.dataSource.manager, caller, id);
    await this.access.record(caller, origin, {
      action: 'read',
      recordType: 'referral',
      purpose: relationship === 'referrer' ? 'referrer following up' : 'triage',
      records: [referral],
    });
    void reply.header('etag', etagFor(referral.version));
    return viewFor(relationship, referral);
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @Roles('practitioner', 'triager', 'manager')
  @ApiOperation({ summary: 'Withdraw a referral that has not been triaged yet' })
  @ApiIfMatch()
  @ApiSuccess(200, { description: 'The referral, withdrawn', type: ReferralViewSchema, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 428)
  @ApiExampleBody(WithdrawReferralDto, withdrawReferralExample)
  async withdrawReferral(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: WithdrawReferralDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReferralView> {
    const referral = await this.withdraw.execute(caller, id, body.reason, ifMatch);
    void reply.header('etag', etagFor(referral.version));
    return viewFor(relationshipOfCreator(caller, referral), referral);
  }
}
