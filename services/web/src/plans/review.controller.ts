import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FormError } from '../errors/field-errors.js';
import { ApiCallers } from '../sign-in/api-callers.js';
import { planForItsLead, postedForm, refusedOnForm } from './plan-forms.js';
import { REVIEW_FIELDS, parseReview, reviewFormPage, reviewRecordedMessage, reviewsPage } from './review.view-model.js';
import { TafApi, type Plan } from './taf.api.js';

/** A plan's reviews: the schedule and what each review found; the lead records one straight after the meeting. */
@Controller('plans/:planId/reviews')
export class ReviewController {
  constructor(
    private readonly taf: TafApi,
    private readonly callers: ApiCallers,
  ) {}

  @Get()
  async reviews(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
  ) {
    const caller = await this.callers.forRequest(request);
    const [{ plan }, reviews] = await Promise.all([this.taf.plan(caller, planId), this.taf.reviews(caller, planId)]);
    return reply.view('plans/reviews.njk', reviewsPage(plan, reviews, request.session.person!.personId, new Date()));
  }

  @Get('new')
  async reviewForm(
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
    return reply.view('plans/review.njk', reviewFormPage(plan, etag, request.session.person!.personId, {}, new Date()));
  }

  @Post('new')
  async recordReview(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId', new ParseUUIDPipe()) planId: string,
  ) {
    const { form, version } = postedForm(request);
    const caller = await this.callers.forRequest(request);
    const { plan } = await planForItsLead(this.taf, caller, planId, request.session.person!.personId);
    const now = new Date();
    const show = (errors: FormError[]) =>
      reply
        .status(400)
        .view('plans/review.njk', reviewFormPage(plan, version, request.session.person!.personId, form, now, errors));
    const parsed = parseReview(form, plan, now);
    if (!parsed.ok) return show(parsed.errors);
    let after: Plan | undefined;
    const refused = await refusedOnForm(async () => {
      after = await this.taf.recordReview(caller, planId, version, parsed.value);
    }, REVIEW_FIELDS);
    if (refused) return show(refused);
    request.session.flash = reviewRecordedMessage(after ?? plan);
    return reply.redirect(`/plans/${planId}/reviews`, 303);
  }
}
