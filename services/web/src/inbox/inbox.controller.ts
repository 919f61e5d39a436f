import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { safeReturnTo } from '../errors/error-pages.js';
import { ApiCallers } from '../sign-in/api-callers.js';
import { InboxApi } from './inbox.api.js';
import { inboxView } from './inbox.view-model.js';

/** The person's in-app notifications, newest first, with mark-as-read. */
@Controller('inbox')
export class InboxController {
  constructor(
    private readonly inbox: InboxApi,
    private readonly callers: ApiCallers,
  ) {}

  @Get()
  @Render('pages/inbox.njk')
  async list(@Req() request: FastifyRequest, @Query('show') show?: string, @Query('cursor') cursor?: string) {
    const unreadOnly = show === 'unread';
    const page = await this.inbox.list(await this.callers.forRequest(request), { unread: unreadOnly, cursor });
    return inboxView(page, unreadOnly);
  }

  @Post(':id/read')
  async markRead(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id', new ParseUUIDPipe()) id: string,
  ) {
    await this.inbox.markRead(await this.callers.forRequest(request), id);
    request.session.flash = 'Notification marked as read';
    const returnTo = (request.body as { returnTo?: string } | undefined)?.returnTo;
    return reply.redirect(safeReturnTo(returnTo?.startsWith('/inbox') ? returnTo : '/inbox'), 303);
  }
}
