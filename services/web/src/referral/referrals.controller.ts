import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TenantDirectory } from '@baton/tenancy';
import { formErrors } from '../errors/form-page.js';
import { ApiCallers } from '../sign-in/api-callers.js';
import { familyName, referralPage, sentReferralsPage } from './referral-page.view-model.js';
import { ReferralsApi } from './referrals.api.js';
import { isCodeOf, STATUS_WORDS } from './referral-words.js';

/** Referrals after they are sent: my agency's list, one referral, the confirmation, and withdrawing one. */
@Controller('referrals')
export class ReferralsController {
  constructor(
    private readonly referrals: ReferralsApi,
    private readonly callers: ApiCallers,
    private readonly tenants: TenantDirectory,
  ) {}

  @Get()
  @Render('referral/sent.njk')
  async sent(@Req() request: FastifyRequest, @Query('status') status?: string, @Query('cursor') cursor?: string) {
    const caller = await this.callers.forRequest(request);
    const filter = status && isCodeOf(STATUS_WORDS, status) ? status : undefined;
    const [page, reference] = await Promise.all([
      this.referrals.sentByMyAgency(caller, { status: filter, cursor }),
      this.referrals.reference(caller),
    ]);
    return sentReferralsPage(page, filter, reference.levelsOfNeed);
  }

  @Get(':id/sent')
  @Render('referral/confirmation.njk')
  confirmation(@Param('id', new ParseUUIDPipe()) id: string) {
    return { pageTitle: 'Referral sent', reference: id };
  }

  @Get(':id')
  @Render('referral/referral.njk')
  async referral(@Req() request: FastifyRequest, @Param('id', new ParseUUIDPipe()) id: string) {
    const caller = await this.callers.forRequest(request);
    const [{ referral, etag }, reference] = await Promise.all([
      this.referrals.get(caller, id),
      this.referrals.reference(caller),
    ]);
    const person = request.session.person!;
    return referralPage(
      referral,
      etag,
      person,
      reference.levelsOfNeed,
      (agencyId) => this.tenants.agency(person.tenant, agencyId)?.name ?? agencyId,
    );
  }

  @Get(':id/withdraw')
  @Render('referral/withdraw.njk')
  async confirmWithdraw(@Req() request: FastifyRequest, @Param('id', new ParseUUIDPipe()) id: string) {
    const { referral, etag } = await this.referrals.get(await this.callers.forRequest(request), id);
    return {
      pageTitle: 'Withdraw this referral?',
      id,
      family: familyName(referral),
      version: etag ?? `"${referral.version}"`,
      values: {},
      ...formErrors(),
    };
  }

  @Post(':id/withdraw')
  async withdraw(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id', new ParseUUIDPipe()) id: string,
  ) {
    const form = (request.body ?? {}) as { reason?: string; version?: string; family?: string };
    const reason = form.reason?.trim() ?? '';
    if (!reason) {
      const errors = [{ field: 'reason', text: 'Enter why you are withdrawing the referral' }];
      return reply.status(400).view('referral/withdraw.njk', {
        pageTitle: 'Withdraw this referral?',
        id,
        family: form.family,
        version: form.version,
        values: form,
        ...formErrors(errors),
      });
    }
    await this.referrals.withdraw(await this.callers.forRequest(request), id, form.version ?? '', reason);
    request.session.flash = 'The referral has been withdrawn';
    return reply.redirect(`/referrals/${id}`, 303);
  }
}
