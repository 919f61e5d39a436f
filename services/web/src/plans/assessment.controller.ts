import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TenantDirectory } from '@baton/tenancy';
import type { FormError } from '../errors/field-errors.js';
import { ApiCallers } from '../sign-in/api-callers.js';
import {
  assessmentFormPage,
  assessmentPage,
  assessmentRecordedMessage,
  assessmentValues,
  parseAssessment,
} from './assessment.view-model.js';
import { dateParts, todayInLondon } from './form-dates.js';
import { headlinesOf, planForItsLead, postedForm, refusedOnForm } from './plan-forms.js';
import type { HeadlineOutcome } from './plan-work.view-model.js';
import { TafApi } from './taf.api.js';

const ASSESSMENT_FIELDS = {
  completedAt: { id: 'completedOn-day', label: 'the date the assessment was completed' },
  sharedWithAgencyIds: { id: 'sharedWith', label: 'who it is shared with' },
};

/**
 * The early help assessment: the lead records it in three domains and chooses which member agencies may read
 * it; those agencies read it here, and any other member sees only that there is one.
 */
@Controller('plans/:planId/assessment')
export class AssessmentController {
  constructor(
    private readonly taf: TafApi,
    private readonly callers: ApiCallers,
    private readonly tenants: TenantDirectory,
  ) {}

  @Get()
  async assessment(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
  ) {
    const caller = await this.callers.forRequest(request);
    const { plan } = await this.taf.plan(caller, planId);
    // Only an assessment the caller may read is asked for: every read is recorded, and a refusal would be too.
    const assessment = plan.assessment?.readable ? await this.taf.assessment(caller, planId) : undefined;
    return reply.view(
      'plans/assessment.njk',
      assessmentPage(plan, assessment, request.session.person!.personId, this.headlineLabel(request)),
    );
  }

  @Get('new')
  async assessmentForm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
  ) {
    const caller = await this.callers.forRequest(request);
    const { plan, etag } = await planForItsLead(this.taf, caller, planId, request.session.person!.personId);
    const latest = plan.assessment ? await this.taf.assessment(caller, planId) : undefined;
    const values = { ...assessmentValues(latest), ...dateParts('completedOn', todayInLondon(new Date())) };
    return reply.view(
      'plans/assessment-form.njk',
      assessmentFormPage(plan, etag, request.session.person!.personId, this.headlines(request), values),
    );
  }

  @Post('new')
  async recordAssessment(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
  ) {
    const { form, version } = postedForm(request);
    const caller = await this.callers.forRequest(request);
    const { plan } = await planForItsLead(this.taf, caller, planId, request.session.person!.personId);
    const headlines = this.headlines(request);
    const show = (errors: FormError[]) =>
      reply
        .status(400)
        .view(
          'plans/assessment-form.njk',
          assessmentFormPage(plan, version, request.session.person!.personId, headlines, form, errors),
        );
    const parsed = parseAssessment(form, plan, headlines, new Date());
    if (!parsed.ok) return show(parsed.errors);
    const refused = await refusedOnForm(
      () => this.taf.recordAssessment(caller, planId, version, parsed.value),
      ASSESSMENT_FIELDS,
    );
    if (refused) return show(refused);
    request.session.flash = assessmentRecordedMessage(plan, parsed.value.sharedWithAgencyIds);
    return reply.redirect(`/plans/${planId}/assessment`, 303);
  }

  private headlines(request: FastifyRequest): HeadlineOutcome[] {
    return headlinesOf(this.tenants, request.session.person!.tenant);
  }

  private headlineLabel(request: FastifyRequest): (code: string) => string {
    const headlines = this.headlines(request);
    return (code) => headlines.find((h) => h.code === code)?.label ?? code;
  }
}
