import { Injectable } from '@nestjs/common';
import type { NotificationsApi as Api } from '@baton/api-client';
import { bodyOf, ServiceClients, type ApiCaller } from '../api/service-clients.js';

export type InboxItem = Api.components['schemas']['InboxItemView'];
export type InboxPage = Api.components['schemas']['InboxItemPage'];

@Injectable()
export class InboxApi {
  constructor(private readonly clients: ServiceClients) {}

  async list(caller: ApiCaller, query: { unread?: boolean; cursor?: string }): Promise<InboxPage> {
    return bodyOf(
      await this.clients.notifications(caller).GET('/v1/inbox', {
        params: {
          query: {
            ...(query.unread ? { unread: true } : {}),
            ...(query.cursor ? { cursor: query.cursor } : {}),
            limit: 25,
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
}
