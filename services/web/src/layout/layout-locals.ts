import { Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TenantDirectory } from '@baton/tenancy';
import { WebConfig } from '../config/web.config.js';
import { InboxApi } from '../inbox/inbox.api.js';
import { ApiCallers } from '../sign-in/api-callers.js';
import { primaryNavigation } from './navigation.js';

declare module 'fastify' {
  interface FastifyReply {
    /** @fastify/view merges these into every template's data (its types leave them out). */
    locals?: Record<string, unknown>;
  }
}

/**
 * What every page's layout shows, set once per request: the CSP nonce and CSRF token the templates
 * need, the signed-in person and agency, the sections they work in and their unread notifications.
 */
@Injectable()
export class LayoutLocals {
  private readonly logger = new Logger('layout');

  constructor(
    private readonly config: WebConfig,
    private readonly callers: ApiCallers,
    private readonly inbox: InboxApi,
    private readonly tenants: TenantDirectory,
  ) {}

  async fill(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const person = request.session.person;
    const flash = request.session.flash;
    if (flash) request.session.flash = undefined;
    Object.assign(reply.locals ?? {}, {
      cspNonce: reply.cspNonce.script,
      csrfToken: await reply.generateCsrf(),
      currentPath: request.url,
      sessionIdleMinutes: this.config.WEB_SESSION_IDLE_MINUTES,
      flash,
      person,
      navigation: person
        ? primaryNavigation(person, request.url, this.tenants.agency(person.tenant, person.agencyId)?.kind)
        : [],
      unreadCount: person && request.method === 'GET' ? await this.unreadCount(request) : undefined,
    });
  }

  /** The badge is a convenience: a notifications service that is down leaves it off, not the page. */
  private async unreadCount(request: FastifyRequest): Promise<number | undefined> {
    try {
      return await this.inbox.unreadCount(await this.callers.forRequest(request));
    } catch (error) {
      this.logger.warn(`unread count left off the header: ${(error as Error).message}`);
      return undefined;
    }
  }
}
