import { Injectable } from '@nestjs/common';
import type { NotificationsApi as Api } from '@baton/api-client';
import { bodyOf, ServiceClients, type ApiCaller } from '../api/service-clients.js';

export type InboxItem = Api.components['schemas']['InboxItemView'];
export type InboxPage = Api.components['schemas']['InboxItemPage'];
export type EmailPreference = Api.components['schemas']['PreferenceDto']['email'];

@Injectable()
export class InboxApi {
  constructor(private readonly clients: ServiceClients) {}

  /** The newest first, 25 a page unless asked for up to 100. */
  async list(caller: ApiCaller, query: { unread?: boolean; cursor?: string; limit?: number }): Promise<InboxPage> {
    return bodyOf(
      await this.clients.notifications(caller).GET('/v1/inbox', {
        params: {
          query: {
            ...(query.unread ? { unread: true } : {}),
            ...(query.cursor ? { cursor: query.cursor } : {}),
            limit: query.limit ?? 25,
          },
        },
      }),
    );
  }

  async unreadCount(caller: ApiCaller): Promise<number> {
    return bodyOf(await this.clients.notifications(caller).GET('/v1/inbox/unread-count')).unread;
  }

  async markRead(caller: ApiCaller, id: string): Promise<void> {
    await this.clients.notifications(caller).POST('/v1/inbox/{id}/read', { params: { path: { id } } });
  }

  /** How the person hears of routine notifications by e-mail, with the version to change it from. */
  async preferences(caller: ApiCaller): Promise<{ email: EmailPreference; etag: string }> {
    const answer = await this.clients.notifications(caller).GET('/v1/preferences/me');
    const preference = bodyOf(answer);
    return { email: preference.email, etag: answer.response.headers.get('etag') ?? `"${preference.version}"` };
  }

  async savePreferences(caller: ApiCaller, version: string, email: EmailPreference): Promise<void> {
    await this.clients.notifications(caller).PUT('/v1/preferences/me', {
      params: { header: { 'If-Match': version } },
      body: { email },
    });
  }
}
