import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TenantDirectory } from '@baton/tenancy';
import { ApiCallers } from '../sign-in/api-callers.js';
import type { SignedInPerson } from '../sign-in/session.types.js';
import { familyName } from '../referral/referral-page.view-model.js';
import { ReferralsApi, type TriageDecision } from '../referral/referrals.api.js';
import {
  checkDecisionPage,
  decisionPage,
  parseDecision,
  type DecisionForm,
  type Directory,
} from './decision.view-model.js';
import { OpenPlanCheck } from './open-plan-check.js';
import { triageQueuePage } from './triage-queue.view-model.js';

interface PendingDecision {
  decision: TriageDecision;
  version: string;
}

/** The front door's work: the queue by deadline, and the decision with check answers before it is recorded. */
@Controller()
export class TriageController {
  constructor(
    private readonly referrals: ReferralsApi,
    private readonly callers: ApiCallers,
    private readonly tenants: TenantDirectory,
    private readonly openPlans: OpenPlanCheck,
  ) {}

  @Get('triage')
  @Render('triage/queue.njk')
  async queue(@Req() request: FastifyRequest, @Query('urgency') urgency?: string, @Query('overdue') overdue?: string) {
    const caller = await this.callers.forRequest(request);
    const filters = {
      urgency: urgency === 'urgent' || urgency === 'routine' ? urgency : undefined,
      overdue: overdue === 'yes' ? true : undefined,
    } as const;
    const [page, reference] = await Promise.all([
      this.referrals.triageQueue(caller, filters),
      this.referrals.reference(caller),
    ]);
    return triageQueuePage(page.items, filters, reference.levelsOfNeed, new Date());
  }

  @Get('referrals/:id/decision')
  async decisionForm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id', new ParseUUIDPipe()) id: string,
  ) {
    const caller = await this.callers.forRequest(request);
    const [{ referral, etag }, reference] = await Promise.all([
      this.referrals.get(caller, id),
      this.referrals.reference(caller),
    ]);
    const pending = this.pending(request, id);
    const values: DecisionForm = pending
      ? { ...pending.decision, levelOfNeed: String(pending.decision.levelOfNeed) }
      : { levelOfNeed: String(referral.proposedLevelOfNeed) };
    // The version first read is kept while the decision is being made, so a change by someone else meanwhile is a 412.
    const version = pending?.version ?? etag ?? `"${referral.version}"`;
    request.session.drafts = {
      ...request.session.drafts,
      [`decision:${id}`]: { ...pending, version, family: familyName(referral) },
    };
    const inOpenPlans = await this.openPlans.childrenInOpenPlans(caller, referral);
    return reply.view('triage/decision.njk', {
      ...decisionPage(
        id,
        familyName(referral),
        reference.levelsOfNeed,
        this.directory(request.session.person!),
        values,
      ),
      inOpenPlans,
    });
  }

  @Post('referrals/:id/decision')
  async saveDecision(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id', new ParseUUIDPipe()) id: string,
  ) {
    const form = (request.body ?? {}) as DecisionForm;
    const directory = this.directory(request.session.person!);
    const draft = (request.session.drafts?.[`decision:${id}`] ?? {}) as { version?: string; family?: string };
    const parsed = parseDecision(form, directory);
    if (!parsed.ok) {
      const levels = (await this.referrals.reference(await this.callers.forRequest(request))).levelsOfNeed;
      return reply
        .status(400)
        .view('triage/decision.njk', decisionPage(id, draft.family ?? '', levels, directory, form, parsed.errors));
    }
    request.session.drafts = { ...request.session.drafts, [`decision:${id}`]: { ...draft, decision: parsed.value } };
    return reply.redirect(`/referrals/${id}/decision/check`, 303);
  }

  @Get('referrals/:id/decision/check')
  async checkDecision(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id', new ParseUUIDPipe()) id: string,
  ) {
    const pending = this.pending(request, id);
    if (!pending) return reply.redirect(`/referrals/${id}/decision`, 303);
    const levels = (await this.referrals.reference(await this.callers.forRequest(request))).levelsOfNeed;
    const family = (request.session.drafts?.[`decision:${id}`] as { family?: string }).family ?? '';
    return reply.view(
      'triage/check-decision.njk',
      checkDecisionPage(id, family, pending.decision, levels, this.directory(request.session.person!)),
    );
  }

  @Post('referrals/:id/decision/check')
  async recordDecision(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id', new ParseUUIDPipe()) id: string,
  ) {
    const pending = this.pending(request, id);
    if (!pending) return reply.redirect(`/referrals/${id}/decision`, 303);
    await this.referrals.decide(await this.callers.forRequest(request), id, pending.version, pending.decision);
    const { [`decision:${id}`]: _recorded, ...otherDrafts } = request.session.drafts ?? {};
    request.session.drafts = otherDrafts;
    request.session.flash = 'Decision recorded. The referrer has been told the outcome.';
    return reply.redirect(`/referrals/${id}`, 303);
  }

  private pending(request: FastifyRequest, id: string): PendingDecision | undefined {
    const draft = request.session.drafts?.[`decision:${id}`] as Partial<PendingDecision> | undefined;
    return draft?.decision && draft.version ? (draft as PendingDecision) : undefined;
  }

  /** Teams and practitioners of the triager's own agency (the receiving agency), from the tenant's directory. */
  private directory(person: SignedInPerson): Directory {
    const tenant = this.tenants.requireTenant(person.tenant);
    return {
      teams: tenant.teams.filter((t) => t.agencyId === person.agencyId).map(({ id, name }) => ({ id, name })),
      workers: tenant.people
        .filter((p) => p.agencyId === person.agencyId && p.roles.includes('practitioner'))
        .map((p) => ({ personId: p.personId, name: p.name, jobTitle: p.jobTitle })),
    };
  }
}
