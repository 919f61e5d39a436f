import { Injectable } from '@nestjs/common';
import { ServiceClients } from '../api/service-clients.js';
import type { ApiCaller } from '../api/service-client.js';

/** A notification in the person's inbox, as the notifications service returns it. */
export interface InboxItem {
  id: string;
  eventType: string;
  familyId: string | null;
  title: string;
  body: string;
  link: string;
  urgent: boolean;
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor?: string;
}

@Injectable()
export class InboxApi {
  constructor(private readonly clients: ServiceClients) {}

  async list(caller: ApiCaller, query: { unread?: boolean; cursor?: string }): Promise<InboxPage> {
    const response = await this.clients.notifications.get<InboxPage>(caller, '/v1/inbox', {
      query: { unread: query.unread ? true : undefined, cursor: query.cursor, limit: 25 },
    });
    return response.body;
  }

  async unreadCount(caller: ApiCaller): Promise<number> {
    return (await this.clients.notifications.get<{ unread: number }>(caller, '/v1/inbox/unread-count')).body.unread;
  }

  async markRead(caller: ApiCaller, id: string): Promise<void> {
    await this.clients.notifications.post(caller, `/v1/inbox/${encodeURIComponent(id)}/read`);
  }
}
