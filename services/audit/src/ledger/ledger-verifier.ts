import { performance } from 'node:perf_hooks';
import { checkpointSignatureValid, type SignedCheckpoint } from '../domain/checkpoint.js';
import { ChainWalker, type ChainAnchor, type ChainVerdict } from '../domain/chain-verification.js';
import { indexMismatch, indexOfContent, type StatedIndex, type StoredIndex } from '../domain/ledger-index.js';
import type { EntryLink } from '../domain/ledger-chain.js';
import type { CheckpointStore } from '../checkpoint/checkpoint-store.js';

/** Runs one SQL statement; the service passes its DataSource, the CLI a plain `pg` client. */
export type LedgerQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export interface VerificationReport extends ChainVerdict {
  tenant: string;
  checkpointsChecked: number;
  latestCheckpoint?: SignedCheckpoint['statement'];
  durationMs: number;
}

const INDEX_COLUMNS =
  'tenant, occurred_at, event_id, event_type, source, subject, actor, actor_agency, actor_role, lawful_basis, family_ids, record_ids, person_ids';

function storedIndexOf(row: Record<string, unknown>): StoredIndex {
  return {
    tenant: row.tenant as string,
    seq: Number(row.seq),
    occurredAt: row.occurred_at as Date,
    eventId: row.event_id as string,
    eventType: row.event_type as string,
    source: row.source as string,
    subject: row.subject as string,
    actor: row.actor as string,
    actorAgency: row.actor_agency as string | null,
    actorRole: row.actor_role as string | null,
    lawfulBasis: row.lawful_basis as string | null,
    familyIds: row.family_ids as string[],
    recordIds: row.record_ids as string[],
    personIds: row.person_ids as string[],
  };
}

/** What an entry states of itself: its content re-derived while it has one, else its form-2 link. */
function statedIndexOf(row: Record<string, unknown>): StatedIndex | undefined {
  if (row.canonical !== null) return indexOfContent(row.canonical as string);
  if (row.link === null) return undefined; // nothing states it: the walk reports the missing content
  const link = JSON.parse(row.link as string) as EntryLink;
  return { tenant: link.tenant, seq: link.seq, index: link.index };
}

/** Rows read per round trip: the walk holds one page at a time, so memory does not grow with the ledger. */
const PAGE = 5_000;

/**
 * Walks a tenant's chain from its first entry, in pages by position (keyset), against its signed checkpoints
 * and stored head, and reports the first broken link.
 */
export async function verifyLedger(
  query: LedgerQuery,
  tenant: string,
  checkpoints?: CheckpointStore,
  options: { deep?: boolean } = {},
): Promise<VerificationReport> {
  const started = performance.now();
  const { anchors, invalid, checked, latest } = await readCheckpoints(tenant, checkpoints);
  // Checkpoints first, then the head, then the entries up to it: appends running meanwhile only add entries past
  // the head, and every checkpoint read was taken at or before it.
  const [headRow] = await query('SELECT seq, hash FROM ledger_head WHERE tenant = $1', [tenant]);
  const head = headRow ? { seq: Number(headRow.seq), hash: headRow.hash as string } : undefined;
  const walker = new ChainWalker(tenant, anchors);
  let after = 0;
  for (;;) {
    const rows = await query(
      `SELECT seq, canonical, content_salt, link, prev_hash, hash${options.deep ? `, ${INDEX_COLUMNS}` : ''} FROM ledger_entry
       WHERE tenant = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4`,
      [tenant, after, head?.seq ?? Number.MAX_SAFE_INTEGER, PAGE],
    );
    let going = true;
    for (const row of rows) {
      const stated = options.deep ? statedIndexOf(row) : undefined;
      const wrong = stated ? indexMismatch(storedIndexOf(row), stated) : undefined;
      if (wrong)
        going = walker.reject(Number(row.seq), 'index-mismatch', `${wrong} as the entry says`, `stored ${wrong}`);
      going &&= walker.accept({
        seq: Number(row.seq),
        canonical: row.canonical as string | null,
        salt: row.content_salt as string | null,
        link: row.link as string | null,
        prevHash: row.prev_hash as string,
        hash: row.hash as string,
      });
      if (!going) break;
    }
    if (!going || rows.length < PAGE) break;
    after = Number(rows[rows.length - 1].seq);
  }
  const verdict = walker.finish(head);
  const firstBroken =
    invalid !== undefined && (verdict.firstBroken === undefined || invalid.seq <= verdict.firstBroken.seq)
      ? invalid
      : verdict.firstBroken;
  return {
    tenant,
    ...verdict,
    ok: verdict.ok && invalid === undefined,
    firstBroken,
    checkpointsChecked: checked,
    latestCheckpoint: latest,
    durationMs: Math.round(performance.now() - started),
  };
}

async function readCheckpoints(tenant: string, store: CheckpointStore | undefined) {
  const anchors: ChainAnchor[] = [];
  let invalid: ChainVerdict['firstBroken'];
  let latest: SignedCheckpoint['statement'] | undefined;
  const all = store ? await store.list(tenant) : [];
  for (const c of all) {
    const valid = 'statement' in c && c.statement.tenant === tenant && checkpointSignatureValid(c, store!.publicKey);
    if (valid) {
      anchors.push({ seq: c.statement.count, hash: c.statement.headHash });
      latest = c.statement;
    } else if (invalid === undefined) {
      const seq = 'statement' in c ? c.statement.count : 0;
      const what = 'statement' in c ? `checkpoint at ${seq}` : `checkpoint file ${c.file}`;
      invalid = { seq, problem: 'checkpoint-signature-invalid', expected: 'a valid signature', found: what };
    }
  }
  return { anchors, invalid, checked: all.length, latest };
}
