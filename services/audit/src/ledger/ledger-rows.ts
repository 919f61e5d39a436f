import type { ChainedEntry } from '../domain/ledger-chain.js';
import type { LedgerIndex } from '../domain/ledger-index.js';

/** Runs one SQL statement: an EntityManager, a DataSource or a plain `pg` client will do. */
export type SqlRunner = (sql: string, params: unknown[]) => Promise<unknown>;

export interface LedgerRow {
  entry: ChainedEntry;
  recordedAt: string;
  index: LedgerIndex;
}

/** Separates ids inside one text parameter: the unit separator never appears in an id. */
const SEP = '\u001f';
const joined = (ids: string[]) => ids.join(SEP);

const COLUMNS = [
  'tenant',
  'seq',
  'canonical',
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
    scalar((r) => r.entry.prevHash),
    scalar((r) => r.entry.hash),
    scalar((r) => r.recordedAt),
    scalar((r) => r.index.eventId),
    scalar((r) => r.index.eventType),
    scalar((r) => r.index.source),
    scalar((r) => r.index.subject),
    scalar((r) => r.index.occurredAt),
    scalar((r) => r.index.actor),
    scalar((r) => r.index.actorAgency),
    scalar((r) => r.index.actorRole),
    scalar((r) => r.index.lawfulBasis),
    scalar((r) => joined(r.index.familyIds)),
    scalar((r) => joined(r.index.recordIds)),
    scalar((r) => joined(r.index.personIds)),
  ];
  const types = [
    'text',
    'bigint',
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
