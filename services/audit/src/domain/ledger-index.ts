/**
 * What the oversight queries look an entry up by, derived from the event it holds. Written beside the entry (the
 * database does not parse the JSON again: that would cost more than the rest of an append), and re-derived
 * and compared by a deep verification.
 */
export interface LedgerIndex {
  eventId: string;
  eventType: string;
  source: string;
  subject: string;
  occurredAt: string;
  actor: string;
  actorAgency: string | null;
  actorRole: string | null;
  /** The lawful basis an access relied on, other than involvement (break-glass, safeguarding override). */
  lawfulBasis: string | null;
  familyIds: string[];
  /** The records the entry is about: a domain event's aggregate and the records its payload names or an access touched. */
  recordIds: string[];
  /** People the payload names: children, carers, parents, practitioners. */
  personIds: string[];
}

const FAMILY_KEY = /^familyIds?$/;
const RECORD_KEY =
  /^(recordIds|(referral|plan|order|contract)Ids|[A-Za-z]*(Referral|Plan|Order|Contract|Review|Enforcement)Id|(referral|plan|order|contract|review|enforcement)Id)$/;
const PERSON_KEY = /^(childId|carerId|personId|childIds|carerIds|personIds)$/;

type Envelope = Record<string, unknown> & { data?: unknown };

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function ledgerIndexOf(event: Envelope): LedgerIndex {
  const found = { family: new Set<string>(), record: new Set<string>(), person: new Set<string>() };
  collect(event.data, found);
  const familyid = text(event.familyid);
  if (familyid) found.family.add(familyid);
  const type = String(event.type);
  if (!type.startsWith('baton.access.')) found.record.add(String(event.subject));
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<string, unknown>;
  return {
    eventId: String(event.id),
    eventType: type,
    source: String(event.source),
    subject: String(event.subject),
    occurredAt: String(event.time),
    actor: String(event.actor),
    actorAgency: text(event.actoragency),
    actorRole: text(event.actorrole),
    lawfulBasis: text(data.lawfulBasis),
    familyIds: [...found.family].sort(),
    recordIds: [...found.record].sort(),
    personIds: [...found.person].sort(),
  };
}

function collect(value: unknown, found: { family: Set<string>; record: Set<string>; person: Set<string> }): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, found);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    const into = FAMILY_KEY.test(key)
      ? found.family
      : RECORD_KEY.test(key)
        ? found.record
        : PERSON_KEY.test(key)
          ? found.person
          : undefined;
    if (into) for (const id of strings(child)) into.add(id);
    collect(child, found);
  }
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A row's lookup columns as stored, beside the position and tenant it claims. */
export interface StoredIndex extends Omit<LedgerIndex, 'occurredAt'> {
  tenant: string;
  seq: number;
  occurredAt: Date;
}

/** An entry's place and lookup values as its content or its link states them. */
export interface StatedIndex {
  tenant: string;
  seq: number;
  index: LedgerIndex;
}

/** The index an entry's content states (its envelope, re-derived). */
export function indexOfContent(canonical: string): StatedIndex {
  const entry = JSON.parse(canonical) as { tenant: string; seq: number; event: Envelope };
  return { tenant: entry.tenant, seq: entry.seq, index: ledgerIndexOf(entry.event) };
}

/**
 * The first lookup column whose stored value disagrees with what the entry states (its content re-derived, or
 * its form-2 link once the content is erased), or undefined when all agree. Times compare as instants, ids as the
 * entry wrote them (uuids without regard to case).
 */
export function indexMismatch(stored: StoredIndex, stated: StatedIndex): string | undefined {
  const derived = stated.index;
  if (stored.tenant !== stated.tenant) return 'tenant';
  if (stored.seq !== stated.seq) return 'seq';
  if (stored.occurredAt.getTime() !== Date.parse(derived.occurredAt)) return 'occurredAt';
  if (stored.eventId.toLowerCase() !== derived.eventId.toLowerCase()) return 'eventId';
  const fields = ['eventType', 'source', 'subject', 'actor', 'actorAgency', 'actorRole', 'lawfulBasis'] as const;
  const scalar = fields.find((f) => stored[f] !== derived[f]);
  if (scalar) return scalar;
  const lists = ['familyIds', 'recordIds', 'personIds'] as const;
  return lists.find((f) => stored[f].join('\n') !== derived[f].join('\n'));
}
