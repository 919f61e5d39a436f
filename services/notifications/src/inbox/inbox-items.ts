import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { decodeCursor, pageOf, ProblemException, type Page } from '@baton/http-api';
import type { InboxQueryDto } from './dto/inbox-query.dto.js';

export interface InboxItem {
  id: string;
  eventId: string;
  eventType: string;
  familyId: string | null;
  title: string;
  body: string;
  link: string;
  urgent: boolean;
  relationships: string[];
  createdAt: string;
  readAt: string | null;
  /** The event as this person may see it (minimised). */
  event: object;
}

interface ItemRow extends Omit<InboxItem, 'createdAt' | 'readAt'> {
  createdAt: Date;
  readAt: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = `n.id, n.event_id AS "eventId", n.event_type AS "eventType", n.family_id AS "familyId", n.title,
  n.body, n.link, n.urgent, n.relationships, n.created_at AS "createdAt", n.read_at AS "readAt", v.payload AS event`;
const FROM = 'notification n JOIN notification_view v ON v.id = n.view_id';

/**
 * A person's own inbox: only items addressed to the caller as a person of their agency, in their tenant (a token
 * with the same person id and another agency sees none of them); anyone else's is not found.
 */
@Injectable()
export class InboxItems {
  constructor(private readonly dataSource: DataSource) {}

  async list(caller: Caller, query: InboxQueryDto): Promise<Page<InboxItem>> {
    const limit = query.limit ?? 25;
    const [afterAt, afterId] = query.cursor ? decodeCursor(query.cursor, 2) : [null, null];
    const rows = await this.dataSource.query<ItemRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM}
       WHERE n.tenant = $1 AND n.recipient_kind = 'person' AND n.recipient_id = $2 AND n.agency_id = $7
         AND ($3::boolean IS NOT TRUE OR n.read_at IS NULL)
         AND ($4::timestamptz IS NULL OR (n.created_at, n.id) < ($4::timestamptz, $5::uuid))
       ORDER BY n.created_at DESC, n.id DESC LIMIT $6`,
      [caller.tenant, caller.personId, query.unread ?? false, afterAt, afterId, limit + 1, caller.agencyId],
    );
    return pageOf(rows, limit, viewOf, (r) => [new Date(r.createdAt).toISOString(), r.id]);
  }

  async get(caller: Caller, id: string): Promise<InboxItem> {
    const rows = UUID.test(id)
      ? await this.dataSource.query<ItemRow[]>(
          `SELECT ${COLUMNS} FROM ${FROM}
           WHERE n.id = $1 AND n.tenant = $2 AND n.recipient_kind = 'person' AND n.recipient_id = $3
             AND n.agency_id = $4`,
          [id, caller.tenant, caller.personId, caller.agencyId],
        )
      : [];
    if (rows.length === 0) throw ProblemException.notFound(`Inbox item ${id}`);
    return viewOf(rows[0]);
  }

  async unreadCount(caller: Caller): Promise<number> {
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM notification
       WHERE tenant = $1 AND recipient_kind = 'person' AND recipient_id = $2 AND agency_id = $3 AND read_at IS NULL`,
      [caller.tenant, caller.personId, caller.agencyId],
    );
    return row.count;
  }

  /** Marks the item read (once: reading it again keeps the first time). */
  async markRead(caller: Caller, id: string): Promise<{ id: string; readAt: string }> {
    if (!UUID.test(id)) throw ProblemException.notFound(`Inbox item ${id}`);
    // TypeORM answers an UPDATE with [rows, count].
    const [updated] = await this.dataSource.query<[{ readAt: Date }[], number]>(
      `UPDATE notification SET read_at = COALESCE(read_at, now())
       WHERE id = $1 AND tenant = $2 AND recipient_kind = 'person' AND recipient_id = $3 AND agency_id = $4
       RETURNING read_at AS "readAt"`,
      [id, caller.tenant, caller.personId, caller.agencyId],
    );
    if (updated.length === 0) throw ProblemException.notFound(`Inbox item ${id}`);
    return { id, readAt: new Date(updated[0].readAt).toISOString() };
  }
}

function viewOf(row: ItemRow): InboxItem {
  return {
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    readAt: row.readAt === null ? null : new Date(row.readAt).toISOString(),
  };
}
