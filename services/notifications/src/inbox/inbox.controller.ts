import { Controller, Get, HttpCode, Param, Post, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { AccessRecorder } from '@baton/access-log';
import { CurrentCaller, type Caller } from '@baton/auth';
import { Origin, type Page, type RequestOrigin, ApiTag } from '@baton/http-api';
import { InboxQueryDto } from './dto/inbox-query.dto.js';
import { InboxItems, type InboxItem } from './inbox-items.js';
import { InboxLiveFeed, type InboxSignal } from './inbox-live-feed.js';

/** The caller's own in-app inbox. */
@ApiTag('inbox', 'A person’s notifications')
@ApiBearerAuth()
@Controller('v1/inbox')
export class InboxController {
  constructor(
    private readonly items: InboxItems,
    private readonly feed: InboxLiveFeed,
    private readonly access: AccessRecorder,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first' })
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: InboxQueryDto,
    @Origin() origin: RequestOrigin,
  ): Promise<Page<InboxItem>> {
    const page = await this.items.list(caller, query);
    await this.access.record(caller, origin, {
      action: 'list',
      recordType: 'notification',
      purpose: 'my notifications',
      records: familyRecords(page.items),
    });
    return page;
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread' })
  async unreadCount(@CurrentCaller() caller: Caller): Promise<{ unread: number }> {
    return { unread: await this.items.unreadCount(caller) };
  }

  @Sse('stream')
  @ApiOperation({ summary: 'Server-sent events: one `inbox-item` event (with its id) per new notification' })
  stream(@CurrentCaller() caller: Caller): Observable<InboxSignal> {
    return this.feed.streamFor(caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of my notifications' })
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Origin() origin: RequestOrigin,
  ): Promise<InboxItem> {
    const item = await this.items.get(caller, id);
    await this.access.record(caller, origin, {
      action: 'read',
      recordType: 'notification',
      purpose: 'reading my notification',
      records: familyRecords([item]),
    });
    return item;
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  markRead(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<{ id: string; readAt: string }> {
    return this.items.markRead(caller, id);
  }
}

function familyRecords(items: InboxItem[]): { id: string; familyId: string }[] {
  return items.flatMap((i) => (i.familyId ? [{ id: i.id, familyId: i.familyId }] : []));
}
