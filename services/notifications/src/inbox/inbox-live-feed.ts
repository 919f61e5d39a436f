import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { filter, map, Subject, type Observable } from 'rxjs';
import type { Caller } from '@baton/auth';
import { ChannelListener } from '@baton/messaging';
import { INBOX_CHANNEL } from '../migrations/1763900000400-create-notifications.js';

interface NewItem {
  tenant: string;
  personId: string;
  agencyId: string;
  id: string;
}

/** One server-sent event: a new inbox item's id; the page then fetches it (and that read is recorded). */
export interface InboxSignal {
  type: 'inbox-item';
  id: string;
  data: { id: string };
}

/**
 * New inbox items as they commit, for open pages: the fan-out NOTIFYs on commit, and every replica LISTENs, so a
 * person's stream gets the item whichever replica they are connected to.
 */
@Injectable()
export class InboxLiveFeed implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(InboxLiveFeed.name);
  private readonly items = new Subject<NewItem>();
  private readonly listener: ChannelListener;

  constructor(dataSource: DataSource) {
    this.listener = ChannelListener.on(
      dataSource,
      INBOX_CHANNEL,
      (payload) => this.received(payload),
      'notifications-inbox-feed',
    );
  }

  onApplicationBootstrap(): Promise<void> {
    return this.listener.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.items.complete();
    await this.listener.stop();
  }

  streamFor(caller: Caller): Observable<InboxSignal> {
    return this.items.pipe(
      filter(
        (item) =>
          item.tenant === caller.tenant && item.personId === caller.personId && item.agencyId === caller.agencyId,
      ),
      map((item) => ({ type: 'inbox-item' as const, id: item.id, data: { id: item.id } })),
    );
  }

  private received(payload: string | undefined): void {
    // The listener also calls once after (re)connecting, without a payload.
    if (!payload) return;
    try {
      this.items.next(JSON.parse(payload) as NewItem);
    } catch (e) {
      this.logger.warn(`Unreadable inbox notification: ${(e as Error).message}`);
    }
  }
}
