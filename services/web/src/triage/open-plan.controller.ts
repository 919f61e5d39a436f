import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TenantDirectory, type PersonConfig } from '@baton/tenancy';
import { bodyOf, ServiceClients } from '../api/service-clients.js';
import { todayInLondon } from '../layout/due-words.js';
import { ReferralsApi } from '../referral/referrals.api.js';
import { ApiCallers } from '../sign-in/api-callers.js';
import type { SignedInPerson } from '../sign-in/session.types.js';
import { mayOpenPlanFrom, openPlanPage, parseOpenPlan, type OpenPlanForm } from './open-plan.view-model.js';

/**
 * The hub opens a plan itself from a referral it accepted for early help when the family had not agreed then
 * (taf's direct opening, with the referral's id), once the family agrees. The family page it lands on waits for
 * the opening (read-your-writes), so it shows the plan and its lead at once.
 */
@Controller('referrals/:id/plan')
export class OpenPlanController {
  constructor(
    private readonly referrals: ReferralsApi,
    private readonly clients: ServiceClients,
    private readonly callers: ApiCallers,
    private readonly tenants: TenantDirectory,
  ) {}

  @Get()
  async form(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', new ParseUUIDPipe()) id: string) {
    const { referral } = await this.referrals.get(await this.callers.forRequest(request), id);
    if (!this.mayOpen(request.session.person!, referral)) return reply.redirect(`/referrals/${id}`, 303);
    return reply.view('triage/open-plan.njk', openPlanPage(referral, this.practitioners(request.session.person!), {}));
  }

  @Post()
  async open(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', new ParseUUIDPipe()) id: string) {
    const caller = await this.callers.forRequest(request);
    const person = request.session.person!;
    const form = (request.body ?? {}) as OpenPlanForm;
    const { referral } = await this.referrals.get(caller, id);
    if (!this.mayOpen(person, referral)) return reply.redirect(`/referrals/${id}`, 303);
    const people = this.practitioners(person);
    const parsed = parseOpenPlan(form, referral, people, todayInLondon(new Date()));
    if (!parsed.ok) {
      return reply.status(400).view('triage/open-plan.njk', openPlanPage(referral, people, form, parsed.errors));
    }
    const plan = bodyOf(
      await this.clients.taf(caller).POST('/v1/plans', {
        body: parsed.value,
        // One plan per referral: sending twice (a double click, Back then Open) opens it once.
        params: { header: { 'Idempotency-Key': referral.id } },
      }),
    );
    request.session.flash = `Plan opened. ${parsed.value.lead.name} is the lead professional.`;
    return reply.redirect(`/families/${plan.familyId}`, 303);
  }

  private mayOpen(person: SignedInPerson, referral: Parameters<typeof mayOpenPlanFrom>[0]): boolean {
    return (
      referral.receivingAgencyId === person.agencyId && person.roles.includes('triager') && mayOpenPlanFrom(referral)
    );
  }

  /** Who may lead: practitioners of the triager's own agency, from the tenant's people. */
  private practitioners(person: SignedInPerson): PersonConfig[] {
    return this.tenants
      .requireTenant(person.tenant)
      .people.filter((p) => p.agencyId === person.agencyId && p.roles.includes('practitioner'));
  }
}
