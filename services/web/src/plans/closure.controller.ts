import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TenantDirectory } from '@baton/tenancy';
import type { FormError } from '../errors/field-errors.js';
import { ApiCallers } from '../sign-in/api-callers.js';
import { ApiProblem } from '../api/api-errors.js';
import { checkClosurePage, closureDone, closureFormPage, closureValues, parseClosure } from './closure.view-model.js';
import { dateParts } from './form-dates.js';
import { allowedClosures, isClosureKind, type ClosureKind } from './plan-permissions.js';
import { postedForm, refusedOnForm } from './plan-forms.js';
import { TafApi, type ClosureChange, type Plan } from './taf.api.js';

interface PendingClosure {
  change: ClosureChange;
  /** The plan's version when the lead first read the interruption page: a change meanwhile is a 412. */
  version: string;
}

const CLOSURE_FIELDS = {
  reason: { id: 'reason', label: 'the reason' },
  reasonText: { id: 'reasonText', label: 'the reason' },
  withdrawnAt: { id: 'withdrawnOn-day', label: 'the date the family withdrew its agreement' },
  toAgencyId: { id: 'reason', label: "children's social care" },
};

/**
 * Step up, step down, close, and the family's withdrawal of agreement: each an interruption page that says
 * plainly what will happen and to whom, then check and confirm, sent with the version first read (If-Match).
 */
@Controller('plans/:planId/:kind')
export class ClosureController {
  constructor(
    private readonly taf: TafApi,
    private readonly callers: ApiCallers,
    private readonly tenants: TenantDirectory,
  ) {}

  @Get()
  async interruption(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
    @Param('kind') kind: string,
  ) {
    const closure = this.closureKind(kind);
    const { plan, etag } = await this.plan(request, planId, closure);
    const pending = this.pending(request, planId, closure);
    // A lead coming back from check and confirm keeps what they typed and the version they started from.
    request.session.drafts = {
      ...request.session.drafts,
      [draftKey(planId, closure)]: { ...pending, version: pending?.version ?? etag },
    };
    const values = pending ? formOf(pending.change) : closureValues(closure, new Date());
    return reply.view(
      'plans/closure.njk',
      closureFormPage(closure, plan, this.personId(request), this.socialCare(request), values),
    );
  }

  @Post()
  async saveInterruption(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
    @Param('kind') kind: string,
  ) {
    const closure = this.closureKind(kind);
    const { form } = postedForm(request);
    const { plan, etag } = await this.plan(request, planId, closure);
    const parsed = parseClosure(closure, form, plan, new Date());
    if (!parsed.ok) {
      return reply
        .status(400)
        .view(
          'plans/closure.njk',
          closureFormPage(closure, plan, this.personId(request), this.socialCare(request), form, parsed.errors),
        );
    }
    const draft = request.session.drafts?.[draftKey(planId, closure)] as Partial<PendingClosure> | undefined;
    request.session.drafts = {
      ...request.session.drafts,
      [draftKey(planId, closure)]: { change: parsed.value, version: draft?.version ?? etag },
    };
    return reply.redirect(`/plans/${planId}/${closure}/check`, 303);
  }

  @Get('check')
  async check(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
    @Param('kind') kind: string,
  ) {
    const closure = this.closureKind(kind);
    const pending = this.pending(request, planId, closure);
    if (!pending) return reply.redirect(`/plans/${planId}/${closure}`, 303);
    const { plan } = await this.plan(request, planId, closure);
    return reply.view(
      'plans/check-closure.njk',
      checkClosurePage(pending.change, plan, this.personId(request), this.socialCare(request)),
    );
  }

  @Post('check')
  async confirm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
    @Param('kind') kind: string,
  ) {
    const closure = this.closureKind(kind);
    const pending = this.pending(request, planId, closure);
    if (!pending) return reply.redirect(`/plans/${planId}/${closure}`, 303);
    const caller = await this.callers.forRequest(request);
    const refused = await this.confirmed(request, reply, planId, closure, () =>
      this.taf.recordClosureChange(caller, planId, pending.version, pending.change),
    );
    if (reply.sent) return reply;
    if (refused) {
      const { plan } = await this.plan(request, planId, closure);
      return this.showRefused(request, reply, closure, plan, pending, refused);
    }
    request.session.flash = closureDone(closure, this.socialCare(request));
    return reply.redirect(`/plans/${planId}`, 303);
  }

  /**
   * Sends the change. Either way the draft is done with: a rule refused goes back to the form, and a plan
   * someone else changed meanwhile (412) gets the "someone else changed this" page, which leads back to
   * the plan itself (the change may no longer be possible there at all).
   */
  private async confirmed(
    request: FastifyRequest,
    reply: FastifyReply,
    planId: string,
    closure: ClosureKind,
    change: () => Promise<void>,
  ): Promise<FormError[] | undefined> {
    const { [draftKey(planId, closure)]: _done, ...otherDrafts } = request.session.drafts ?? {};
    request.session.drafts = otherDrafts;
    try {
      return await refusedOnForm(change, CLOSURE_FIELDS);
    } catch (error) {
      if (!(error instanceof ApiProblem) || error.status !== 412) throw error;
      await reply.status(412).view('errors/changed.njk', { retry: `/plans/${planId}` });
      return undefined;
    }
  }

  private showRefused(
    request: FastifyRequest,
    reply: FastifyReply,
    closure: ClosureKind,
    plan: Plan,
    pending: PendingClosure,
    errors: FormError[],
  ) {
    return reply
      .status(400)
      .view(
        'plans/closure.njk',
        closureFormPage(
          closure,
          plan,
          this.personId(request),
          this.socialCare(request),
          formOf(pending.change),
          errors,
        ),
      );
  }

  private closureKind(kind: string): ClosureKind {
    if (!isClosureKind(kind)) throw new NotFoundException();
    return kind;
  }

  /** The plan, for its lead, when it allows this change now; otherwise "not found", as for a plan one cannot see. */
  private async plan(request: FastifyRequest, planId: string, closure: ClosureKind) {
    const read = await this.taf.plan(await this.callers.forRequest(request), planId);
    if (
      read.plan.lead.professional.personId !== this.personId(request) ||
      !allowedClosures(read.plan).includes(closure)
    ) {
      throw new NotFoundException();
    }
    return read;
  }

  private pending(request: FastifyRequest, planId: string, closure: ClosureKind): PendingClosure | undefined {
    const draft = request.session.drafts?.[draftKey(planId, closure)] as Partial<PendingClosure> | undefined;
    return draft?.change && draft.version ? (draft as PendingClosure) : undefined;
  }

  private personId(request: FastifyRequest): string {
    return request.session.person!.personId;
  }

  /** The authority's children's social care, where a step-up goes (taf's default for it too). */
  private socialCare(request: FastifyRequest): string {
    const tenant = this.tenants.requireTenant(request.session.person!.tenant);
    return tenant.agencies.find((a) => a.kind === 'childrens-social-care')?.name ?? "Children's social care";
  }
}

function draftKey(planId: string, closure: ClosureKind): string {
  return `${closure}:${planId}`;
}

/** A recorded change back into its form's fields, to change it from check and confirm. */
function formOf(change: ClosureChange): Record<string, string> {
  switch (change.kind) {
    case 'close':
      return { reason: change.reason, reasonText: change.reasonText ?? '' };
    case 'withdraw-agreement':
      return { reason: change.reason, ...dateParts('withdrawnOn', change.withdrawnAt.slice(0, 10)) };
    default:
      return { reason: change.reason };
  }
}
