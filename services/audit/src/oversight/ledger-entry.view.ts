import type { EntryLink } from '../domain/ledger-chain.js';

/** A ledger row as the oversight queries read it. */
export interface LedgerRow {
  seq: string;
  /** Null once the entry's content is erased; its link still says what it was about. */
  canonical: string | null;
  link: string | null;
  family_ids: string[];
}

/** One ledger entry as shown to managers and data-protection officers. */
export interface LedgerEntryView {
  seq: number;
  recordedAt: string;
  eventId: string;
  type: string;
  source: string;
  subject: string;
  time: string;
  actor: string;
  actorAgency?: string;
  actorRole?: string;
  familyIds: string[];
  data: Record<string, unknown>;
  /** True when the entry's content was erased under a retention rule or an erasure request (its data is empty). */
  contentErased?: boolean;
}

/** An access to a family's record: who, what, when, from where and why. */
export interface AccessView {
  seq: number;
  eventId: string;
  accessedAt: string;
  who: { personId: string; name: string; agencyId: string; roles: string[] };
  what: { action: string; service: string; recordType: string; recordIds: string[] };
  why: { purpose?: string; lawfulBasis?: string };
  from: { ip?: string; userAgent?: string };
  familyIds: string[];
}

interface Envelope {
  id: string;
  type: string;
  source: string;
  subject: string;
  time: string;
  actor: string;
  actoragency?: string;
  actorrole?: string;
  data: Record<string, unknown>;
}

/** An erased entry as its link states it: what, when and who, with the content gone. */
function erasedEntryView(row: LedgerRow): LedgerEntryView {
  const link = JSON.parse(row.link as string) as EntryLink;
  const i = link.index;
  return {
    seq: Number(row.seq),
    recordedAt: link.recordedAt,
    eventId: i.eventId,
    type: i.eventType,
    source: i.source,
    subject: i.subject,
    time: i.occurredAt,
    actor: i.actor,
    ...(i.actorAgency ? { actorAgency: i.actorAgency } : {}),
    ...(i.actorRole ? { actorRole: i.actorRole } : {}),
    familyIds: row.family_ids,
    data: {},
    contentErased: true,
  };
}

export function entryView(row: LedgerRow): LedgerEntryView {
  if (row.canonical === null) return erasedEntryView(row);
  const entry = JSON.parse(row.canonical) as { recordedAt: string; event: Envelope };
  const e = entry.event;
  return {
    seq: Number(row.seq),
    recordedAt: entry.recordedAt,
    eventId: e.id,
    type: e.type,
    source: e.source,
    subject: e.subject,
    time: e.time,
    actor: e.actor,
    ...(e.actoragency ? { actorAgency: e.actoragency } : {}),
    ...(e.actorrole ? { actorRole: e.actorrole } : {}),
    familyIds: row.family_ids,
    data: e.data,
  };
}

export function accessView(row: LedgerRow): AccessView {
  const entry = entryView(row);
  const d = entry.data as {
    service: string;
    recordType: string;
    recordIds: string[];
    action: string;
    purpose?: string;
    lawfulBasis?: string;
    accessedAt: string;
    accessor: AccessView['who'];
    origin?: AccessView['from'];
  };
  return {
    seq: entry.seq,
    eventId: entry.eventId,
    accessedAt: d.accessedAt,
    who: d.accessor,
    what: { action: d.action, service: d.service, recordType: d.recordType, recordIds: d.recordIds },
    why: { purpose: d.purpose, lawfulBasis: d.lawfulBasis },
    from: d.origin ?? {},
    familyIds: entry.familyIds,
  };
}
