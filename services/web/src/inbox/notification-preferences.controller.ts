import { Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formErrors } from '../errors/form-page.js';
import type { FormError } from '../errors/field-errors.js';
import { ApiCallers } from '../sign-in/api-callers.js';
import { InboxApi, type EmailPreference } from './inbox.api.js';

const CHOICES: Record<EmailPreference, { text: string; hint: string }> = {
  immediate: { text: 'Straight away', hint: 'An e-mail for each notification as it happens' },
  'daily-digest': { text: 'Once a day', hint: 'One e-mail each morning with the notifications since the last one' },
};

function page(email: string | undefined, version: string, errors: FormError[] = []) {
  return {
    pageTitle: 'How you get notifications',
    version,
    choices: Object.entries(CHOICES).map(([value, c]) => ({
      value,
      text: c.text,
      hint: { text: c.hint },
      checked: value === email,
    })),
    ...formErrors(errors),
  };
}

/** The person's e-mail preference for routine notifications (urgent ones are always sent at once). */
@Controller('inbox/preferences')
export class NotificationPreferencesController {
  constructor(
    private readonly inbox: InboxApi,
    private readonly callers: ApiCallers,
  ) {}

  @Get()
  @Render('pages/notification-preferences.njk')
  async form(@Req() request: FastifyRequest) {
    const { email, etag } = await this.inbox.preferences(await this.callers.forRequest(request));
    return page(email, etag);
  }

  @Post()
  async save(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const form = (request.body ?? {}) as { email?: string; version?: string };
    const email = form.email;
    if (email !== 'immediate' && email !== 'daily-digest') {
      const errors = [{ field: 'email', text: 'Select how you want to get e-mails about notifications' }];
      return reply.status(400).view('pages/notification-preferences.njk', page(undefined, form.version ?? '', errors));
    }
    await this.inbox.savePreferences(await this.callers.forRequest(request), form.version ?? '', email);
    request.session.flash = `Saved: you will get e-mails ${email === 'immediate' ? 'straight away' : 'once a day'}.`;
    return reply.redirect('/inbox/preferences', 303);
  }
}
