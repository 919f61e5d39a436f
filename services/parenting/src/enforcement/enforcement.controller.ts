import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import { ApiProblems, ApiSuccess, ApiTag, etagFor, ApiExampleBody } from '@baton/http-api';
import { ApproveProsecution } from './approve-prosecution.usecase.js';
import { DecideBreach } from './decide-breach.usecase.js';
import {
  ApproveProsecutionDto,
  DecideBreachDto,
  RecordContactDto,
  recordContactExample,
  decideBreachExample,
  approveProsecutionExample,
} from './dto/enforcement.dto.js';
import { enforcementView } from './enforcement.views.js';
import { RecordContact } from './record-contact.usecase.js';
import { EnforcementCaseView } from '../parenting.responses.js';

const IF_MATCH = { name: 'If-Match', required: true, description: 'ETag of the enforcement case as read' };

@ApiTag('enforcement', 'Breaches of parenting orders and what is done about them')
@ApiBearerAuth()
@Roles('practitioner', 'manager')
@Controller('v1/orders/:orderId/enforcement/:caseId')
export class EnforcementController {
  constructor(
    private readonly contact: RecordContact,
    private readonly decide: DecideBreach,
    private readonly approve: ApproveProsecution,
  ) {}

  @Post('contact')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record contact with the parent about the apparent breach (due within 1 working day)' })
  @ApiHeader(IF_MATCH)
  @ApiSuccess(200, { description: 'The case with the contact', type: EnforcementCaseView, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(RecordContactDto, recordContactExample)
  async recordContact(
    @CurrentCaller() caller: Caller,
    @Param('orderId') orderId: string,
    @Param('caseId') caseId: string,
    @Body() body: RecordContactDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const enforcement = await this.contact.execute(caller, orderId, caseId, body, ifMatch);
    void reply.header('etag', etagFor(enforcement.version));
    return enforcementView(enforcement);
  }

  @Post('decision')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decide: no action, written warning, or referral for prosecution (needs a second approver)',
    description:
      'A decision before the parent was contacted is recorded (the law makes no contact a condition) with ' +
      'decidedWithoutContact: true, and listed among the exceptions as decided-without-contact.',
  })
  @ApiHeader(IF_MATCH)
  @ApiSuccess(200, { description: 'The case with the decision', type: EnforcementCaseView, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(DecideBreachDto, decideBreachExample)
  async recordDecision(
    @CurrentCaller() caller: Caller,
    @Param('orderId') orderId: string,
    @Param('caseId') caseId: string,
    @Body() body: DecideBreachDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const enforcement = await this.decide.execute(caller, orderId, caseId, body, ifMatch);
    void reply.header('etag', etagFor(enforcement.version));
    return enforcementView(enforcement);
  }

  @Post('approval')
  @HttpCode(200)
  @Roles('manager')
  @ApiOperation({
    summary: 'Approve or reject a prosecution referral: a manager of the holding agency who did not decide it',
  })
  @ApiHeader(IF_MATCH)
  @ApiSuccess(200, { description: 'The case with the approval', type: EnforcementCaseView, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(ApproveProsecutionDto, approveProsecutionExample)
  async recordApproval(
    @CurrentCaller() caller: Caller,
    @Param('orderId') orderId: string,
    @Param('caseId') caseId: string,
    @Body() body: ApproveProsecutionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const enforcement = await this.approve.execute(caller, orderId, caseId, body, ifMatch);
    void reply.header('etag', etagFor(enforcement.version));
    return enforcementView(enforcement);
  }
}
