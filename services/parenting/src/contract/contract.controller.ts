import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { AccessRecorder } from '@baton/access-log';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import { Clock } from '@baton/calendar';
import {
  ApiProblems,
  ApiSuccess,
  ApiTag,
  etagFor,
  Origin,
  ProblemException,
  type RequestOrigin,
  ApiExampleBody,
  ApiIdempotencyKey,
} from '@baton/http-api';
import { ContractSteps } from './contract-steps.usecase.js';
import { ContractLoader } from './contract.loader.js';
import { contractView, evidenceBundle } from './contract.views.js';
import { DraftContract } from './draft-contract.usecase.js';
import {
  CompleteContractDto,
  DraftContractDto,
  EndContractEarlyDto,
  OfferContractDto,
  RecordContractBreachDto,
  RefuseContractDto,
  ReviewContractDto,
  SignContractDto,
  draftContractExample,
  offerContractExample,
  signContractExample,
  refuseContractExample,
  recordContractBreachExample,
  reviewContractExample,
  completeContractExample,
  endContractEarlyExample,
} from './dto/contract.dto.js';
import type { ParentingContract } from './parenting-contract.entity.js';
import { ContractEvidenceView, ParentingContractView } from '../parenting.responses.js';

const IF_MATCH = { name: 'If-Match', required: true, description: 'ETag of the contract as read' };

@ApiTag('contracts', 'Parenting contracts: voluntary agreements with parents')
@ApiBearerAuth()
@Controller('v1/contracts')
export class ContractController {
  constructor(
    private readonly draft: DraftContract,
    private readonly steps: ContractSteps,
    private readonly loader: ContractLoader,
    private readonly access: AccessRecorder,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('practitioner', 'manager')
  @ApiOperation({ summary: 'Draft a parenting contract your agency will offer' })
  @ApiIdempotencyKey()
  @ApiSuccess(201, { description: 'The draft contract', type: ParentingContractView, headers: ['ETag', 'Location'] })
  @ApiProblems(403, 422)
  @ApiExampleBody(DraftContractDto, draftContractExample)
  async create(
    @CurrentCaller() caller: Caller,
    @Body() body: DraftContractDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const contract = await this.draft.execute(caller, body, idempotencyKey);
    return this.respond(reply.status(201).header('location', `/v1/contracts/${contract.id}`), contract);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A contract: everything for the provider, terms for the lead professional, status for plan members',
  })
  @ApiSuccess(200, {
    description: 'The contract, as the caller may see it',
    type: ParentingContractView,
    headers: ['ETag'],
  })
  @ApiProblems(404)
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.dataSource.transaction(async (manager) => {
      const { contract, relationship } = await this.loader.forCaller(manager, caller, id);
      await this.access.record(
        caller,
        origin,
        {
          action: 'read',
          recordType: 'contract',
          records: [{ id: contract.id, familyId: contract.familyId }],
          purpose: `${relationship} reading the contract`,
        },
        manager,
      );
      void reply.header('etag', etagFor(contract.version));
      return contractView(relationship, contract);
    });
  }

  @Get(':id/evidence')
  @ApiOperation({
    summary: 'Evidence bundle for an order application: chronology, refusal or breaches, support offered and taken up',
  })
  @ApiSuccess(200, { description: 'The evidence bundle', type: ContractEvidenceView })
  @ApiProblems(403, 404)
  async evidence(@CurrentCaller() caller: Caller, @Param('id') id: string, @Origin() origin: RequestOrigin) {
    return this.dataSource.transaction(async (manager) => {
      const { contract, relationship } = await this.loader.forCaller(manager, caller, id);
      if (relationship !== 'holder')
        throw ProblemException.of(403, 'provider-only', 'Forbidden', 'Only the provider compiles the evidence');
      await this.access.record(
        caller,
        origin,
        {
          action: 'read',
          recordType: 'contract-evidence',
          records: [{ id: contract.id, familyId: contract.familyId }],
          purpose: 'evidence for a parenting order application',
        },
        manager,
      );
      return evidenceBundle(contract, this.clock.now());
    });
  }

  @Post(':id/offer')
  @HttpCode(200)
  @Roles('practitioner', 'manager')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: "Offer the contract with the parent's statement, the provider's support and the period" })
  @ApiSuccess(200, { description: 'The contract, offered', type: ParentingContractView, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(OfferContractDto, offerContractExample)
  async offer(
    @CurrentCaller() c: Caller,
    @Param('id') id: string,
    @Body() b: OfferContractDto,
    @Headers('if-match') m: string | undefined,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.respond(r, await this.steps.offer(c, id, b, m));
  }

  @Post(':id/signature')
  @HttpCode(200)
  @Roles('practitioner', 'manager')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Both signatures: the parent and on behalf of the provider (you)' })
  @ApiSuccess(200, { description: 'The contract, signed', type: ParentingContractView, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(SignContractDto, signContractExample)
  async sign(
    @CurrentCaller() c: Caller,
    @Param('id') id: string,
    @Body() b: SignContractDto,
    @Headers('if-match') m: string | undefined,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.respond(r, await this.steps.sign(c, id, b, m));
  }

  @Post(':id/refusal')
  @HttpCode(200)
  @Roles('practitioner', 'manager')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Record that the parent declined to sign (never forced), with date and reason' })
  @ApiSuccess(200, { description: 'The contract, refused', type: ParentingContractView, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(RefuseContractDto, refuseContractExample)
  async refuse(
    @CurrentCaller() c: Caller,
    @Param('id') id: string,
    @Body() b: RefuseContractDto,
    @Headers('if-match') m: string | undefined,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.respond(r, await this.steps.refuse(c, id, b, m));
  }

  @Post(':id/breaches')
  @HttpCode(200)
  @Roles('practitioner', 'manager')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: "Record a breach: date, what, the parent's explanation" })
  @ApiSuccess(200, { description: 'The contract with the breach', type: ParentingContractView, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(RecordContractBreachDto, recordContractBreachExample)
  async breach(
    @CurrentCaller() c: Caller,
    @Param('id') id: string,
    @Body() b: RecordContractBreachDto,
    @Headers('if-match') m: string | undefined,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.respond(r, await this.steps.recordBreach(c, id, b, m));
  }

  @Post(':id/reviews')
  @HttpCode(200)
  @Roles('practitioner', 'manager')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Record a review, with the support the parent took up' })
  @ApiSuccess(200, { description: 'The contract with the review', type: ParentingContractView, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(ReviewContractDto, reviewContractExample)
  async review(
    @CurrentCaller() c: Caller,
    @Param('id') id: string,
    @Body() b: ReviewContractDto,
    @Headers('if-match') m: string | undefined,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.respond(r, await this.steps.review(c, id, b, m));
  }

  @Post(':id/completion')
  @HttpCode(200)
  @Roles('practitioner', 'manager')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Record the contract completed at the end of its period' })
  @ApiSuccess(200, { description: 'The contract, completed', type: ParentingContractView, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(CompleteContractDto, completeContractExample)
  async complete(
    @CurrentCaller() c: Caller,
    @Param('id') id: string,
    @Body() b: CompleteContractDto,
    @Headers('if-match') m: string | undefined,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.respond(r, await this.steps.complete(c, id, b, m));
  }

  @Post(':id/early-end')
  @HttpCode(200)
  @Roles('practitioner', 'manager')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Record the contract ended before its period was over' })
  @ApiSuccess(200, { description: 'The contract, ended early', type: ParentingContractView, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(EndContractEarlyDto, endContractEarlyExample)
  async endEarly(
    @CurrentCaller() c: Caller,
    @Param('id') id: string,
    @Body() b: EndContractEarlyDto,
    @Headers('if-match') m: string | undefined,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.respond(r, await this.steps.endEarly(c, id, b, m));
  }

  private respond(reply: FastifyReply, contract: ParentingContract) {
    void reply.header('etag', etagFor(contract.version));
    return contractView('holder', contract);
  }
}
