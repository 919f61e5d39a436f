import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TenantDirectory } from '@baton/tenancy';
import type { FormError } from '../errors/field-errors.js';
import { ApiCallers } from '../sign-in/api-callers.js';
import { mayUpdateAction } from './plan-permissions.js';
import { headlinesOf, planForItsLead, postedForm, refusedOnForm } from './plan-forms.js';
import {
  actionFormPage,
  actionUpdatedMessage,
  actionUpdatePage,
  actionUpdateValues,
  outcomeFormPage,
  outcomesWith,
  outcomeValues,
  parseActionUpdate,
  parseNewAction,
  parseOutcome,
  type HeadlineOutcome,
} from './plan-work.view-model.js';
import { TafApi } from './taf.api.js';

const OUTCOME_FIELDS = {
  'outcomes[].headlineOutcome': { id: 'headlineOutcome', label: 'the headline outcome' },
  'outcomes[].description': { id: 'description', label: 'the outcome' },
};
const ACTION_FIELDS = {
  outcomeId: { id: 'outcomeId', label: 'the outcome' },
  description: { id: 'description', label: 'what will be done' },
  ownerAgencyId: { id: 'ownerAgencyId', label: 'the agency that will do it' },
  dueDate: { id: 'dueDate-day', label: 'the due date' },
  status: { id: 'status', label: 'the status' },
};

/** The plan's work: the lead adds and changes outcomes and actions; each agency updates its own actions. */
@Controller('plans/:planId')
export class PlanWorkController {
  constructor(
    private readonly taf: TafApi,
    private readonly callers: ApiCallers,
    private readonly tenants: TenantDirectory,
  ) {}

  @Get('outcomes/new')
  async newOutcomeForm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
  ) {
    return this.showOutcomeForm(request, reply, planId);
  }

  @Post('outcomes/new')
  async addOutcome(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
  ) {
    return this.saveOutcome(request, reply, planId);
  }

  @Get('outcomes/:outcomeId')
  async outcomeForm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
    @Param('outcomeId', new ParseUUIDPipe()) outcomeId: string,
  ) {
    return this.showOutcomeForm(request, reply, planId, outcomeId);
  }

  @Post('outcomes/:outcomeId')
  async changeOutcome(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
    @Param('outcomeId', new ParseUUIDPipe()) outcomeId: string,
  ) {
    return this.saveOutcome(request, reply, planId, outcomeId);
  }

  @Get('actions/new')
  async newActionForm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
  ) {
    const { plan, etag } = await planForItsLead(
      this.taf,
      await this.callers.forRequest(request),
      planId,
      request.session.person!.personId,
    );
    const outcomeId = (request.query as { outcome?: string }).outcome;
    return reply.view(
      'plans/action.njk',
      actionFormPage(plan, etag, this.personId(request), outcomeId ? { outcomeId } : {}),
    );
  }

  @Post('actions/new')
  async addAction(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
  ) {
    const { form, version } = postedForm(request);
    const caller = await this.callers.forRequest(request);
    const { plan } = await planForItsLead(this.taf, caller, planId, request.session.person!.personId);
    const show = (errors: FormError[]) =>
      reply.status(400).view('plans/action.njk', actionFormPage(plan, version, this.personId(request), form, errors));
    const parsed = parseNewAction(form, plan, new Date());
    if (!parsed.ok) return show(parsed.errors);
    const refused = await refusedOnForm(() => this.taf.addAction(caller, planId, version, parsed.value), ACTION_FIELDS);
    if (refused) return show(refused);
    const owner = plan.members.find((m) => m.agencyId === parsed.value.ownerAgencyId)?.agencyName;
    request.session.flash = `Action added for ${owner}. They have been told.`;
    return reply.redirect(`/plans/${planId}/outcomes`, 303);
  }

  @Get('actions/:actionId')
  async actionForm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
    @Param('actionId', new ParseUUIDPipe()) actionId: string,
  ) {
    const { plan, etag, action } = await this.updatableAction(request, planId, actionId);
    return reply.view(
      'plans/action-update.njk',
      actionUpdatePage(
        plan,
        etag,
        this.personId(request),
        actionId,
        this.agencyName(request),
        actionUpdateValues(action),
      ),
    );
  }

  @Post('actions/:actionId')
  async updateAction(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
    @Param('actionId', new ParseUUIDPipe()) actionId: string,
  ) {
    const { form, version } = postedForm(request);
    const caller = await this.callers.forRequest(request);
    const { plan, action } = await this.updatableAction(request, planId, actionId);
    const show = (errors: FormError[]) =>
      reply
        .status(400)
        .view(
          'plans/action-update.njk',
          actionUpdatePage(plan, version, this.personId(request), actionId, this.agencyName(request), form, errors),
        );
    const parsed = parseActionUpdate(form, action, new Date());
    if (!parsed.ok) return show(parsed.errors);
    const refused = await refusedOnForm(
      () => this.taf.updateAction(caller, planId, actionId, version, parsed.value),
      ACTION_FIELDS,
    );
    if (refused) return show(refused);
    request.session.flash = actionUpdatedMessage(action, parsed.value);
    return reply.redirect(`/plans/${planId}/outcomes`, 303);
  }

  private async showOutcomeForm(request: FastifyRequest, reply: FastifyReply, planId: string, outcomeId?: string) {
    const { plan, etag } = await planForItsLead(
      this.taf,
      await this.callers.forRequest(request),
      planId,
      request.session.person!.personId,
    );
    if (outcomeId && !plan.outcomes.some((o) => o.outcomeId === outcomeId)) throw new NotFoundException();
    return reply.view(
      'plans/outcome.njk',
      outcomeFormPage(
        plan,
        etag,
        this.personId(request),
        this.headlines(request),
        outcomeValues(plan, outcomeId),
        outcomeId,
      ),
    );
  }

  private async saveOutcome(request: FastifyRequest, reply: FastifyReply, planId: string, outcomeId?: string) {
    const { form, version } = postedForm(request);
    const caller = await this.callers.forRequest(request);
    const { plan } = await planForItsLead(this.taf, caller, planId, request.session.person!.personId);
    if (outcomeId && !plan.outcomes.some((o) => o.outcomeId === outcomeId)) throw new NotFoundException();
    const headlines = this.headlines(request);
    const show = (errors: FormError[]) =>
      reply
        .status(400)
        .view(
          'plans/outcome.njk',
          outcomeFormPage(plan, version, this.personId(request), headlines, form, outcomeId, errors),
        );
    const parsed = parseOutcome(form, headlines);
    if (!parsed.ok) return show(parsed.errors);
    const outcomes = outcomesWith(plan, { ...parsed.value, ...(outcomeId ? { outcomeId } : {}) });
    const refused = await refusedOnForm(
      () => this.taf.agreeOutcomes(caller, planId, version, outcomes),
      OUTCOME_FIELDS,
    );
    if (refused) return show(refused);
    request.session.flash = outcomeId ? 'Outcome changed' : 'Outcome added. Add the actions that will get there.';
    return reply.redirect(`/plans/${planId}/outcomes`, 303);
  }

  /** The action, when the person may update it: taf sends a member only its own actions, so others are not found. */
  private async updatableAction(request: FastifyRequest, planId: string, actionId: string) {
    const { plan, etag } = await this.taf.plan(await this.callers.forRequest(request), planId);
    const action = plan.actions.find((a) => a.actionId === actionId);
    if (!action || !mayUpdateAction(plan, action, request.session.person!)) throw new NotFoundException();
    return { plan, etag, action };
  }

  private personId(request: FastifyRequest): string {
    return request.session.person!.personId;
  }

  private headlines(request: FastifyRequest): HeadlineOutcome[] {
    return headlinesOf(this.tenants, request.session.person!.tenant);
  }

  private agencyName(request: FastifyRequest): (id: string) => string {
    const tenant = request.session.person!.tenant;
    return (id) => this.tenants.agency(tenant, id)?.name ?? id;
  }
}
