import {
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblem } from '../api/api-errors.js';
import { ApiCallers } from '../sign-in/api-callers.js';
import {
  CONTRACT_STEPS,
  contractPage,
  DRAFT_FIELDS,
  draftPage,
  parseDraft,
  parseStep,
  stepPage,
  type ContractStep,
} from './contract.view-model.js';
import { pageErrors, type Form } from './form-values.js';
import { ParentingApi, type ContractStepName } from './parenting.api.js';

/** A parenting contract from its draft to the offer, the signatures or refusal, breaches, reviews and its end. */
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly parenting: ParentingApi,
    private readonly callers: ApiCallers,
  ) {}

  @Get('new')
  @Render('officer/new-contract.njk')
  newContract(@Query('familyId') familyId?: string) {
    return draftPage(familyId ? { familyId } : {});
  }

  @Post('new')
  async draft(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const form = (request.body ?? {}) as Form;
    const parsed = parseDraft(form);
    if (!parsed.ok) return reply.status(400).view('officer/new-contract.njk', draftPage(form, parsed.errors));
    try {
      const contract = await this.parenting.draftContract(
        await this.callers.forRequest(request),
        parsed.value,
        String(form.idempotencyKey ?? '') || undefined,
      );
      request.session.flash = 'Contract drafted';
      return reply.redirect(`/contracts/${contract.id}`, 303);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 422) {
        return reply
          .status(422)
          .view('officer/new-contract.njk', draftPage(form, pageErrors(error.problem, DRAFT_FIELDS)));
      }
      throw error;
    }
  }

  @Get(':contractId')
  @Render('officer/contract.njk')
  async contract(@Req() request: FastifyRequest, @Param('contractId', new ParseUUIDPipe()) contractId: string) {
    const caller = await this.callers.forRequest(request);
    const { contract } = await this.parenting.contract(caller, contractId);
    // The chronology is the provider's evidence: only the provider (who sees the grounds) reads it.
    const evidence = contract.ground ? await this.parenting.contractEvidence(caller, contractId) : undefined;
    return contractPage(contract, evidence as Parameters<typeof contractPage>[1]);
  }

  @Get(':contractId/evidence')
  @Render('officer/contract-evidence.njk')
  async evidence(@Req() request: FastifyRequest, @Param('contractId', new ParseUUIDPipe()) contractId: string) {
    const caller = await this.callers.forRequest(request);
    const [{ contract }, evidence] = await Promise.all([
      this.parenting.contract(caller, contractId),
      this.parenting.contractEvidence(caller, contractId),
    ]);
    return {
      ...contractPage(contract, evidence as Parameters<typeof contractPage>[1]),
      generatedAt: evidence.generatedAt,
    };
  }

  @Get(':contractId/:step')
  async stepForm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('contractId', new ParseUUIDPipe()) contractId: string,
    @Param('step') stepName: string,
  ) {
    const step = stepOf(stepName);
    const { contract, etag } = await this.parenting.contract(await this.callers.forRequest(request), contractId);
    return reply.view('officer/contract-step.njk', stepPage(stepName, step, contract, {}, etag));
  }

  @Post(':contractId/:step')
  async step(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('contractId', new ParseUUIDPipe()) contractId: string,
    @Param('step') stepName: string,
  ) {
    const step = stepOf(stepName);
    const form = (request.body ?? {}) as Form;
    const caller = await this.callers.forRequest(request);
    const { contract, etag } = await this.parenting.contract(caller, contractId);
    const version = String(form.version ?? '') || etag;
    const parsed = parseStep(step, contract, form);
    if (!parsed.ok) {
      return reply
        .status(400)
        .view('officer/contract-step.njk', stepPage(stepName, step, contract, form, version, parsed.errors));
    }
    try {
      await this.parenting.contractStep(caller, contractId, stepName as ContractStepName, version, parsed.value);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 422) {
        const errors = pageErrors(error.problem, step.apiFields);
        return reply
          .status(422)
          .view('officer/contract-step.njk', stepPage(stepName, step, contract, form, version, errors));
      }
      throw error;
    }
    request.session.flash = step.flash;
    return reply.redirect(`/contracts/${contractId}`, 303);
  }
}

function stepOf(name: string): ContractStep {
  const step = CONTRACT_STEPS[name];
  if (!step) throw new NotFoundException();
  return step;
}
