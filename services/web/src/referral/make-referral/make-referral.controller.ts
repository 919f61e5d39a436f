import { randomUUID } from 'node:crypto';
import { Controller, Get, NotFoundException, Param, ParseIntPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TenantDirectory } from '@baton/tenancy';
import { ApiProblem } from '../../api/api-errors.js';
import { ApiCallers } from '../../sign-in/api-callers.js';
import { ReferralsApi } from '../referrals.api.js';
import {
  nextUnanswered,
  newReferral,
  parseCarer,
  parseChild,
  parseConcerns,
  parseConsent,
  parseLevel,
  parseSource,
  type Form,
  type ReferralDraft,
} from './referral-draft.js';
import * as pages from './referral-pages.view-model.js';
import { referralSendErrors } from './referral-problems.js';

const BASE = '/referrals/new';

/**
 * Making a referral as GOV.UK question pages (one thing per page), answers kept in the session until the
 * check-your-answers page sends them. Every step is a form post answered with a redirect (PRG).
 */
@Controller('referrals/new')
export class MakeReferralController {
  constructor(
    private readonly referrals: ReferralsApi,
    private readonly callers: ApiCallers,
    private readonly tenants: TenantDirectory,
  ) {}

  @Get()
  start(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return reply.redirect(`${BASE}/${nextUnanswered(draftOf(request))}`, 303);
  }

  @Get('source')
  @Render('referral/source.njk')
  source(@Req() request: FastifyRequest) {
    const person = request.session.person!;
    return pages.sourcePage(draftOf(request), this.tenants.agency(person.tenant, person.agencyId)?.kind);
  }

  @Post('source')
  saveSource(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('change') change?: string) {
    const parsed = parseSource(formOf(request));
    if (!parsed.ok)
      return reply
        .status(400)
        .view('referral/source.njk', pages.sourcePage(draftOf(request), undefined, parsed.errors, parsed.form));
    return this.saved(
      request,
      reply,
      { ...draftOf(request), sourceCode: parsed.value },
      change ? 'check-answers' : 'child',
    );
  }

  @Get('child')
  @Render('referral/child.njk')
  newChild(@Req() request: FastifyRequest) {
    return pages.childPage(undefined, draftOf(request));
  }

  @Get('child/:index')
  @Render('referral/child.njk')
  child(@Req() request: FastifyRequest, @Param('index', ParseIntPipe) index: number) {
    return pages.childPage(existing(draftOf(request).children, index), draftOf(request));
  }

  @Post('child')
  addChild(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.saveChild(request, reply, undefined);
  }

  @Post('child/:index')
  changeChild(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('index', ParseIntPipe) index: number) {
    return this.saveChild(request, reply, existing(draftOf(request).children, index));
  }

  @Get('children')
  @Render('referral/people.njk')
  children(@Req() request: FastifyRequest) {
    return pages.childrenPage(draftOf(request));
  }

  @Post('children')
  moreChildren(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const more = formOf(request).addAnother;
    if (more !== 'yes' && more !== 'no') {
      return reply
        .status(400)
        .view(
          'referral/people.njk',
          pages.childrenPage(draftOf(request), [
            { field: 'addAnother', text: 'Select yes if you need to add another child' },
          ]),
        );
    }
    return reply.redirect(
      `${BASE}/${more === 'yes' ? 'child' : draftOf(request).carers.length > 0 ? 'carers' : 'carer'}`,
      303,
    );
  }

  @Get('carer')
  @Render('referral/carer.njk')
  newCarer(@Req() request: FastifyRequest) {
    return pages.carerPage(undefined, draftOf(request));
  }

  @Get('carer/:index')
  @Render('referral/carer.njk')
  carer(@Req() request: FastifyRequest, @Param('index', ParseIntPipe) index: number) {
    return pages.carerPage(existing(draftOf(request).carers, index), draftOf(request));
  }

  @Post('carer')
  addCarer(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.saveCarer(request, reply, undefined);
  }

  @Post('carer/:index')
  changeCarer(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('index', ParseIntPipe) index: number) {
    return this.saveCarer(request, reply, existing(draftOf(request).carers, index));
  }

  @Get('carers')
  @Render('referral/people.njk')
  carers(@Req() request: FastifyRequest) {
    return { ...pages.carersPage(draftOf(request)), addAnotherLegend: 'Do you need to add another parent or carer?' };
  }

  @Post('carers')
  moreCarers(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const more = formOf(request).addAnother;
    if (more !== 'yes' && more !== 'no') {
      const errors = [{ field: 'addAnother', text: 'Select yes if you need to add another parent or carer' }];
      return reply.status(400).view('referral/people.njk', {
        ...pages.carersPage(draftOf(request), errors),
        addAnotherLegend: 'Do you need to add another parent or carer?',
      });
    }
    return reply.redirect(`${BASE}/${more === 'yes' ? 'carer' : nextAfter(draftOf(request), 'concerns')}`, 303);
  }

  @Get('concerns')
  @Render('referral/concerns.njk')
  concerns(@Req() request: FastifyRequest) {
    return pages.concernsPage(draftOf(request));
  }

  @Post('concerns')
  saveConcerns(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('change') change?: string) {
    const parsed = parseConcerns(formOf(request));
    if (!parsed.ok)
      return reply
        .status(400)
        .view('referral/concerns.njk', pages.concernsPage(draftOf(request), parsed.errors, parsed.form));
    const { urgency, ...concerns } = parsed.value;
    return this.saved(
      request,
      reply,
      { ...draftOf(request), concerns, urgency },
      change ? 'check-answers' : 'level-of-need',
    );
  }

  @Get('level-of-need')
  @Render('referral/level-of-need.njk')
  async level(@Req() request: FastifyRequest) {
    return pages.levelPage(draftOf(request), await this.levels(request));
  }

  @Post('level-of-need')
  async saveLevel(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('change') change?: string) {
    const parsed = parseLevel(formOf(request));
    if (!parsed.ok) {
      return reply
        .status(400)
        .view(
          'referral/level-of-need.njk',
          pages.levelPage(draftOf(request), await this.levels(request), parsed.errors, parsed.form),
        );
    }
    return this.saved(
      request,
      reply,
      { ...draftOf(request), proposedLevelOfNeed: parsed.value },
      change ? 'check-answers' : 'consent',
    );
  }

  @Get('consent')
  @Render('referral/consent.njk')
  async consent(@Req() request: FastifyRequest) {
    return pages.consentPage(draftOf(request), (await this.reference(request)).lawfulBases);
  }

  @Post('consent')
  async saveConsent(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const parsed = parseConsent(formOf(request));
    if (!parsed.ok) {
      const bases = (await this.reference(request)).lawfulBases;
      return reply
        .status(400)
        .view('referral/consent.njk', pages.consentPage(draftOf(request), bases, parsed.errors, parsed.form));
    }
    return this.saved(request, reply, { ...draftOf(request), consent: parsed.value }, 'check-answers');
  }

  @Get('check-answers')
  async checkAnswers(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const draft = draftOf(request);
    const next = nextUnanswered(draft);
    if (next !== 'check-answers') return reply.redirect(`${BASE}/${next}`, 303);
    return reply.view(
      'referral/check-answers.njk',
      pages.checkAnswersPage(draft, await this.levels(request), request.session.person!),
    );
  }

  @Post('check-answers')
  async send(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const draft = draftOf(request);
    const person = request.session.person!;
    if (nextUnanswered(draft) !== 'check-answers') return reply.redirect(`${BASE}/${nextUnanswered(draft)}`, 303);
    const role = this.tenants.person(person.tenant, person.personId)?.jobTitle;
    try {
      const referral = await this.referrals.create(
        await this.callers.forRequest(request),
        newReferral(draft, { agencyId: person.agencyId, name: person.name, role }),
        draft.id,
      );
      const { referral: _sent, ...otherDrafts } = request.session.drafts ?? {};
      request.session.drafts = otherDrafts;
      return reply.redirect(`/referrals/${referral.id}/sent`, 303);
    } catch (error) {
      if (!(error instanceof ApiProblem) || ![400, 409, 422].includes(error.status)) throw error;
      const page = pages.checkAnswersPage(draft, await this.levels(request), person, referralSendErrors(error.problem));
      return reply.status(error.status).view('referral/check-answers.njk', page);
    }
  }

  private saveChild(request: FastifyRequest, reply: FastifyReply, index: number | undefined) {
    const draft = draftOf(request);
    const parsed = parseChild(formOf(request));
    if (!parsed.ok)
      return reply.status(400).view('referral/child.njk', pages.childPage(index, draft, parsed.errors, parsed.form));
    const children = [...draft.children];
    children.splice(index ?? children.length, index === undefined ? 0 : 1, parsed.value);
    return this.saved(request, reply, { ...draft, children }, 'children');
  }

  private saveCarer(request: FastifyRequest, reply: FastifyReply, index: number | undefined) {
    const draft = draftOf(request);
    const parsed = parseCarer(formOf(request));
    if (!parsed.ok)
      return reply.status(400).view('referral/carer.njk', pages.carerPage(index, draft, parsed.errors, parsed.form));
    const carers = [...draft.carers];
    carers.splice(index ?? carers.length, index === undefined ? 0 : 1, parsed.value);
    return this.saved(request, reply, { ...draft, carers }, 'carers');
  }

  private saved(request: FastifyRequest, reply: FastifyReply, draft: ReferralDraft, next: string) {
    request.session.drafts = { ...request.session.drafts, referral: draft as unknown as Record<string, unknown> };
    return reply.redirect(`${BASE}/${next}`, 303);
  }

  private async reference(request: FastifyRequest) {
    return this.referrals.reference(await this.callers.forRequest(request));
  }

  private async levels(request: FastifyRequest) {
    return (await this.reference(request)).levelsOfNeed;
  }
}

/** The draft in the session, or a new one (its id becomes the referral's Idempotency-Key). */
function draftOf(request: FastifyRequest): ReferralDraft {
  const draft = request.session.drafts?.referral as ReferralDraft | undefined;
  if (draft) return draft;
  const created: ReferralDraft = { id: randomUUID(), children: [], carers: [] };
  request.session.drafts = { ...request.session.drafts, referral: created as unknown as Record<string, unknown> };
  return created;
}

function formOf(request: FastifyRequest): Form {
  return (request.body ?? {}) as Form;
}

/** An index into answers already given; a made-up one is a page that does not exist. */
function existing(answers: unknown[], index: number): number {
  if (index < 0 || index >= answers.length) throw new NotFoundException();
  return index;
}

function nextAfter(draft: ReferralDraft, wanted: string): string {
  const next = nextUnanswered(draft);
  return next === 'check-answers' ? 'check-answers' : wanted;
}
