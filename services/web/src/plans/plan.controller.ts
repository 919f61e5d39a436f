import { Controller, Get, Param, ParseUUIDPipe, Post, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TenantDirectory } from '@baton/tenancy';
import { formErrors } from '../errors/form-page.js';
import { ApiCallers } from '../sign-in/api-callers.js';
import {
  addMemberPage,
  candidates,
  handoverPage,
  joinable,
  parseHandover,
  parseMember,
  type HandoverForm,
} from './handover.view-model.js';
import { headlinesOf } from './plan-forms.js';
import { printPage } from './print.view-model.js';
import { familyNameOf, outcomesPage, overviewPage, teamPage, timelinePage } from './plan.view-model.js';
import { TafApi } from './taf.api.js';

/** A family's Team Around the Family plan: overview, outcomes and actions, team, timeline; handing over the lead. */
@Controller('plans/:planId')
export class PlanController {
  constructor(
    private readonly taf: TafApi,
    private readonly callers: ApiCallers,
    private readonly tenants: TenantDirectory,
  ) {}

  @Get()
  @Render('plans/overview.njk')
  async overview(@Req() request: FastifyRequest, @Param('planId', new ParseUUIDPipe()) planId: string) {
    const { plan, etag } = await this.taf.plan(await this.callers.forRequest(request), planId);
    const person = request.session.person!;
    return overviewPage(
      plan,
      etag,
      person.personId,
      (n) => this.tenants.levelLabel(person.tenant, n)?.label ?? `Level ${n}`,
    );
  }

  @Get('outcomes')
  @Render('plans/outcomes.njk')
  async outcomes(@Req() request: FastifyRequest, @Param('planId', new ParseUUIDPipe()) planId: string) {
    const { plan } = await this.taf.plan(await this.callers.forRequest(request), planId);
    const headlines = headlinesOf(this.tenants, request.session.person!.tenant);
    return outcomesPage(
      plan,
      request.session.person!,
      this.agencyName(request),
      (code) => headlines.find((h) => h.code === code)?.label ?? code,
    );
  }

  /** The plan on paper for the family and the meeting: no navigation, a plain link to it from every page. */
  @Get('print')
  @Render('plans/print.njk')
  async print(@Req() request: FastifyRequest, @Param('planId', new ParseUUIDPipe()) planId: string) {
    const { plan } = await this.taf.plan(await this.callers.forRequest(request), planId);
    const headlines = headlinesOf(this.tenants, request.session.person!.tenant);
    return printPage(
      plan,
      this.agencyName(request),
      (code) => headlines.find((h) => h.code === code)?.label ?? code,
      new Date(),
    );
  }

  @Get('team')
  @Render('plans/team.njk')
  async team(@Req() request: FastifyRequest, @Param('planId', new ParseUUIDPipe()) planId: string) {
    const { plan } = await this.taf.plan(await this.callers.forRequest(request), planId);
    return teamPage(plan, request.session.person!);
  }

  @Get('timeline')
  @Render('plans/timeline.njk')
  async timeline(@Req() request: FastifyRequest, @Param('planId', new ParseUUIDPipe()) planId: string) {
    const caller = await this.callers.forRequest(request);
    const [{ plan }, items] = await Promise.all([this.taf.plan(caller, planId), this.taf.timeline(caller, planId)]);
    return timelinePage(plan, items, request.session.person!.personId);
  }

  @Get('team/add')
  @Render('plans/add-member.njk')
  async addMemberForm(@Req() request: FastifyRequest, @Param('planId', new ParseUUIDPipe()) planId: string) {
    const { plan, etag } = await this.taf.plan(await this.callers.forRequest(request), planId);
    const person = request.session.person!;
    return addMemberPage(
      plan,
      etag,
      person.personId,
      joinable(plan, this.tenants.requireTenant(person.tenant)),
      this.agencyName(request),
      {},
    );
  }

  @Post('team/add')
  async addMember(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
  ) {
    const form = (request.body ?? {}) as HandoverForm;
    const caller = await this.callers.forRequest(request);
    const person = request.session.person!;
    const { plan, etag } = await this.taf.plan(caller, planId);
    const people = joinable(plan, this.tenants.requireTenant(person.tenant));
    const parsed = parseMember(form, people);
    if (!parsed.ok) {
      return reply
        .status(400)
        .view(
          'plans/add-member.njk',
          addMemberPage(
            plan,
            form.version ?? etag,
            person.personId,
            people,
            this.agencyName(request),
            form,
            parsed.errors,
          ),
        );
    }
    await this.taf.addMember(caller, planId, form.version ?? etag, parsed.value);
    request.session.flash = `${this.agencyName(request)(parsed.value.agencyId)} has joined the team`;
    return reply.redirect(`/plans/${planId}/team`, 303);
  }

  @Get('handover')
  @Render('plans/handover.njk')
  async handoverForm(@Req() request: FastifyRequest, @Param('planId', new ParseUUIDPipe()) planId: string) {
    const { plan, etag } = await this.taf.plan(await this.callers.forRequest(request), planId);
    const person = request.session.person!;
    const people = candidates(plan, this.tenants.requireTenant(person.tenant));
    return handoverPage(plan, etag, person.personId, people, this.agencyName(request), {});
  }

  @Post('handover')
  async proposeHandover(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
  ) {
    const form = (request.body ?? {}) as HandoverForm;
    const caller = await this.callers.forRequest(request);
    const person = request.session.person!;
    const { plan, etag } = await this.taf.plan(caller, planId);
    const people = candidates(plan, this.tenants.requireTenant(person.tenant));
    const parsed = parseHandover(form, people);
    if (!parsed.ok) {
      return reply
        .status(400)
        .view(
          'plans/handover.njk',
          handoverPage(
            plan,
            form.version ?? etag,
            person.personId,
            people,
            this.agencyName(request),
            form,
            parsed.errors,
          ),
        );
    }
    await this.taf.proposeHandover(caller, planId, form.version ?? etag, parsed.value);
    request.session.flash = `Handover proposed to ${parsed.value.proposedLead.name}. You stay the lead professional until they accept.`;
    return reply.redirect(`/plans/${planId}`, 303);
  }

  @Post('handovers/:handoverId/acceptance')
  async accept(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
    @Param('handoverId', new ParseUUIDPipe()) handoverId: string,
  ) {
    const version = ((request.body ?? {}) as { version?: string }).version ?? '';
    await this.taf.acceptHandover(await this.callers.forRequest(request), planId, handoverId, version);
    request.session.flash = 'You are now the lead professional for this family.';
    return reply.redirect(`/plans/${planId}`, 303);
  }

  @Get('handovers/:handoverId/decline')
  @Render('plans/decline.njk')
  async declineForm(
    @Req() request: FastifyRequest,
    @Param('planId', new ParseUUIDPipe()) planId: string,
    @Param('handoverId', new ParseUUIDPipe()) handoverId: string,
  ) {
    const { plan, etag } = await this.taf.plan(await this.callers.forRequest(request), planId);
    return {
      pageTitle: 'Decline the lead professional role?',
      planId,
      handoverId,
      family: familyNameOf(plan),
      version: etag,
      values: {},
      ...formErrors(),
    };
  }

  @Post('handovers/:handoverId/decline')
  async decline(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
    @Param('handoverId', new ParseUUIDPipe()) handoverId: string,
  ) {
    const form = (request.body ?? {}) as { version?: string; reason?: string; family?: string };
    const reason = form.reason?.trim() ?? '';
    if (!reason) {
      const errors = [{ field: 'reason', text: 'Enter why you are declining' }];
      return reply.status(400).view('plans/decline.njk', {
        pageTitle: 'Decline the lead professional role?',
        planId,
        handoverId,
        family: form.family,
        version: form.version,
        values: form,
        ...formErrors(errors),
      });
    }
    await this.taf.declineHandover(
      await this.callers.forRequest(request),
      planId,
      handoverId,
      form.version ?? '',
      reason,
    );
    request.session.flash = 'You have declined. The current lead professional has been told.';
    return reply.redirect(`/plans/${planId}`, 303);
  }

  private agencyName(request: FastifyRequest): (id: string) => string {
    const tenant = request.session.person!.tenant;
    return (id) => this.tenants.agency(tenant, id)?.name ?? id;
  }
}
