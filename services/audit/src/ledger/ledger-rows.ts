import canonicalize from 'canonicalize';
import type { ChainedEntry } from '../domain/ledger-chain.js';
import type { LedgeredEvent } from '../domain/reports/case-facts.js';

/** Runs one SQL statement: an EntityManager, a DataSource or a plain `pg` client will do. */
export type SqlRunner = (sql: string, params: unknown[]) => Promise<unknown>;

export interface LedgerRow {
  entry: ChainedEntry;
  recordedAt: string;
  /** What the reports keep of the entry's event (`reportFactsOf`), when a report reads its type. */
  facts?: LedgeredEvent['event'];
}

/** Separates ids inside one text parameter: the unit separator never appears in an id. */
const SEP = '\u001f';
const joined = (ids: string[]) => ids.join(SEP);

const COLUMNS = [
  'tenant',
  'seq',
  'canonical',
  'content_salt',
  'link',
  'prev_hash',
  'hash',
  'recorded_at',
  'event_id',
  'event_type',
  'source',
  'subject',
  'occurred_at',
  'actor',
  'actor_agency',
  'actor_role',
  'lawful_basis',
];

/**
 * Inserts entries in one statement: one array parameter per column (arrays of ids travel joined and are split
 * in the database), so a batch of hundreds costs one round trip.
 */
export async function insertLedgerRows(run: SqlRunner, rows: readonly LedgerRow[]): Promise<void> {
  if (rows.length === 0) return;
  const scalar = (pick: (r: LedgerRow) => string | number | null) => rows.map(pick);
  const params = [
    scalar((r) => r.entry.tenant),
    scalar((r) => r.entry.seq),
    scalar((r) => r.entry.canonical),
    scalar((r) => r.entry.salt),
    scalar((r) => r.entry.link),
    scalar((r) => r.entry.prevHash),
    scalar((r) => r.entry.hash),
    scalar((r) => r.recordedAt),
    scalar((r) => r.entry.index.eventId),
    scalar((r) => r.entry.index.eventType),
    scalar((r) => r.entry.index.source),
    scalar((r) => r.entry.index.subject),
    scalar((r) => r.entry.index.occurredAt),
    scalar((r) => r.entry.index.actor),
    scalar((r) => r.entry.index.actorAgency),
    scalar((r) => r.entry.index.actorRole),
    scalar((r) => r.entry.index.lawfulBasis),
    scalar((r) => joined(r.entry.index.familyIds)),
    scalar((r) => joined(r.entry.index.recordIds)),
    scalar((r) => joined(r.entry.index.personIds)),
  ];
  const types = [
    'text',
    'bigint',
    'text',
    'text',
    'text',
    'text',
    'text',
    'timestamptz',
    'uuid',
    'text',
    'text',
    'text',
    'timestamptz',
    'text',
    'text',
    'text',
    'text',
  ];
  const unnest = [...types, 'text', 'text', 'text'].map((t, i) => `$${i + 1}::${t}[]`).join(', ');
  const split = (c: string) => `CASE WHEN ${c} = '' THEN '{}'::text[] ELSE string_to_array(${c}, E'\\x1f') END`;
  await run(
    `INSERT INTO ledger_entry (${COLUMNS.join(', ')}, family_ids, record_ids, person_ids)
     SELECT ${COLUMNS.map((c) => `r.${c}`).join(', ')}, ${split('r.f')}, ${split('r.rec')}, ${split('r.p')}
     FROM unnest(${unnest}) AS r(${COLUMNS.join(', ')}, f, rec, p)`,
    params,
  );
}

/**
 * Stores, beside the entries, what the reports read of each (docs/decisions/0001): the same transaction, so a
 * report never sees an entry without its facts or facts without their entry.
 */
export async function insertReportFacts(run: SqlRunner, rows: readonly LedgerRow[]): Promise<void> {
  const facts = rows.flatMap((r) => (r.facts ? [{ entry: r.entry, facts: r.facts }] : []));
  if (facts.length === 0) return;
  await run(
    `INSERT INTO report_fact (tenant, seq, hash, event_type, occurred_at, family_ids, facts)
     SELECT r.tenant, r.seq, r.hash, r.event_type, r.occurred_at,
            CASE WHEN r.f = '' THEN '{}'::text[] ELSE string_to_array(r.f, E'\\x1f') END, r.facts
     FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[])
       AS r(tenant, seq, hash, event_type, occurred_at, f, facts)`,
    [
      facts.map((f) => f.entry.tenant),
      facts.map((f) => f.entry.seq),
      facts.map((f) => f.entry.hash),
      facts.map((f) => f.facts.type),
      facts.map((f) => f.facts.time),
      facts.map((f) => joined(f.entry.index.familyIds)),
      facts.map((f) => canonicalize(f.facts) as string),
    ],
  );
}
