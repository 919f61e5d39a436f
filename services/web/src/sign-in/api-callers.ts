import { Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ApiCaller, WrittenEvents } from '../api/service-clients.js';
import { OpenIdProvider } from './openid-provider.js';
import { SignInRequired } from './sign-in-required.js';

/** Refresh a little before expiry, so a token never runs out between here and the service. */
const REFRESH_MARGIN_MS = 30_000;

/** The signed-in person as a caller of the services: their own, current token and where they are. */
@Injectable()
export class ApiCallers {
  private readonly logger = new Logger('sign-in');

  constructor(private readonly provider: OpenIdProvider) {}

  async forRequest(request: FastifyRequest): Promise<ApiCaller> {
    const session = request.session;
    let tokens = session.tokens;
    if (!tokens || !session.person) throw new SignInRequired(request.method === 'GET' ? request.url : '/');
    if (tokens.expiresAt - REFRESH_MARGIN_MS <= Date.now()) {
      try {
        tokens = await this.provider.refresh(tokens);
        session.tokens = tokens;
      } catch (error) {
        this.logger.log(`refresh refused for a session, signing the person in again: ${(error as Error).message}`);
        await session.regenerate();
        throw new SignInRequired(request.method === 'GET' ? request.url : '/');
      }
    }
    const userAgent = request.headers['user-agent'];
    return {
      accessToken: tokens.accessToken,
      ip: request.ip,
      ...(userAgent ? { userAgent } : {}),
      writes: writtenEventsIn(request.session),
    };
  }
}

/** At most this many events wait for the next read: agency-views takes 50 in one `after=`. */
const KEPT_EVENTS = 50;

/** The person's writes, kept in their session across the redirect to the page that shows them (Post/Redirect/Get). */
export function writtenEventsIn(session: { unseenEvents?: string[] }): WrittenEvents {
  return {
    wrote(eventIds) {
      if (eventIds.length === 0) return;
      session.unseenEvents = [...(session.unseenEvents ?? []), ...eventIds].slice(-KEPT_EVENTS);
    },
    takeUnseen() {
      const unseen = session.unseenEvents ?? [];
      if (unseen.length > 0) session.unseenEvents = undefined;
      return unseen;
    },
  };
}
