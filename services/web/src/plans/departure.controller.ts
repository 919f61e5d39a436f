import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Post, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FormError } from '../errors/field-errors.js';
import { ApiCallers } from '../sign-in/api-callers.js';
import { departurePage, parseDeparture } from './departure.view-model.js';
import { postedForm, refusedOnForm } from './plan-forms.js';
import { TafApi, type Plan } from './taf.api.js';

/** An agency leaves the plan, or the lead removes one; afterwards that agency's old links find nothing. */
@Controller('plans/:planId/team/:memberId/departure')
export class DepartureController {
  constructor(
    private readonly taf: TafApi,
    private readonly callers: ApiCallers,
  ) {}

  /** A member agency leaves the plan, or the lead removes one: an interruption page that says what it means. */
  @Get()
  @Render('plans/departure.njk')
  async departureForm(
    @Req() request: FastifyRequest,
    @Param('planId', new ParseUUIDPipe()) planId: string,
    @Param('memberId', new ParseUUIDPipe()) memberId: string,
  ) {
    const { plan, etag } = await this.taf.plan(await this.callers.forRequest(request), planId);
    const leaving = this.mayDepart(plan, memberId, request);
    return { ...departurePage(plan, request.session.person!.personId, memberId, leaving, {}), version: etag };
  }

  @Post()
  async depart(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
    @Param('memberId', new ParseUUIDPipe()) memberId: string,
  ) {
    const { form, version } = postedForm(request);
    const caller = await this.callers.forRequest(request);
    const { plan } = await this.taf.plan(caller, planId);
    const leaving = this.mayDepart(plan, memberId, request);
    const show = (errors: FormError[]) =>
      reply.status(400).view('plans/departure.njk', {
        ...departurePage(plan, request.session.person!.personId, memberId, leaving, form, errors),
        version,
      });
    const parsed = parseDeparture(form, plan, memberId, leaving);
    if (!parsed.ok) return show(parsed.errors);
    const refused = await refusedOnForm(() => this.taf.removeMember(caller, planId, memberId, version, parsed.value), {
      memberId: { id: 'reason', label: 'the reason' },
      reason: { id: 'reason', label: 'the reason' },
    });
    if (refused) return show(refused);
    const member = plan.members.find((m) => m.memberId === memberId)!;
    if (leaving) {
      request.session.flash = `${member.agencyName} has left the plan. The lead professional has been told.`;
      return reply.redirect('/families', 303);
    }
    request.session.flash = `${member.agencyName} has been removed from the team`;
    return reply.redirect(`/plans/${planId}/team`, 303);
  }

  /**
   * Whether the person is leaving (the member is their own agency) rather than removing it as the lead.
   * Anyone else, or a member the plan no longer has, is told "not found".
   */
  private mayDepart(plan: Plan, memberId: string, request: FastifyRequest): boolean {
    const person = request.session.person!;
    const member = plan.members.find((m) => m.memberId === memberId);
    const isLead = plan.lead.professional.personId === person.personId;
    if (!member || plan.status !== 'open' || member.agencyId === plan.lead.professional.agencyId) {
      throw new NotFoundException();
    }
    if (member.agencyId === person.agencyId && !isLead) return true;
    if (isLead) return false;
    throw new NotFoundException();
  }
}
