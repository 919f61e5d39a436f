import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createParser } from 'eventsource-parser';
import { ServiceClients } from '../api/service-clients.js';
import { ApiCallers } from '../sign-in/api-callers.js';
import { InboxApi } from './inbox.api.js';

/** A comment line now and then keeps proxies from closing a quiet stream. */
const KEEP_ALIVE_MS = 25_000;

/**
 * The header's unread badge, live: the notifications service's stream of new items for this person, relayed
 * as `unread` events carrying the new count (server-sent events, through the web so the token stays here).
 * An enhancement: without JavaScript the count is read on each page load.
 */
@Controller('inbox/live')
export class UnreadStreamController {
  private readonly logger = new Logger('inbox');

  constructor(
    private readonly clients: ServiceClients,
    private readonly inbox: InboxApi,
    private readonly callers: ApiCallers,
  ) {}

  @Get()
  async stream(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const caller = await this.callers.forRequest(request);
    const gone = new AbortController();
    request.raw.on('close', () => gone.abort());
    const upstream = await this.clients
      .notificationsStream(caller, gone.signal)
      .GET('/v1/inbox/stream', { parseAs: 'stream' });
    const body = upstream.response.body;
    if (!body) throw new Error('the notifications stream answered without a body');

    // The stream's answer bypasses Fastify's hooks: a token refreshed for it must be saved now, or it is lost.
    await request.session.save();
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    const send = (count: number) => reply.raw.write(`event: unread\ndata: ${count}\n\n`);
    const sendCount = () =>
      this.inbox.unreadCount(caller).then(send, (error: unknown) => {
        this.logger.warn(`unread count left unsent: ${(error as Error).message}`);
      });
    // The page's own count may already be stale by the time its script connects.
    await sendCount();
    const keepAlive = setInterval(() => reply.raw.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    const parser = createParser({
      onEvent: (event) => {
        if (event.event === 'inbox-item') void sendCount();
      },
    });
    try {
      const decoder = new TextDecoder();
      for await (const chunk of body) parser.feed(decoder.decode(chunk, { stream: true }));
    } catch (error) {
      if (!gone.signal.aborted) this.logger.warn(`notifications stream ended: ${(error as Error).message}`);
    } finally {
      clearInterval(keepAlive);
      reply.raw.end();
    }
  }
}
