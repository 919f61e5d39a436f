import pg from 'pg';
import { DataSource } from 'typeorm';
import { openDatabase } from '@baton/persistence';
import type { TestInfra } from '@baton/testing';
import { AUDIT_MIGRATIONS } from '../app.module.js';
import type { CheckpointStore } from '../checkpoint/checkpoint-store.js';
import { verifyLedger, type VerificationReport } from '../ledger/ledger-verifier.js';

/** A ledger as it stood: every entry (as `json_agg` text) and the head rows. */
export interface LedgerSnapshot {
  entries: string;
  heads: { tenant: string; seq: string; hash: string }[];
}

export async function snapshotLedger(db: DataSource): Promise<LedgerSnapshot> {
  const [{ entries }] = await db.query('SELECT json_agg(l ORDER BY tenant, seq)::text AS entries FROM ledger_entry l');
  const heads = await db.query('SELECT tenant, seq, hash FROM ledger_head');
  return { entries, heads };
}

/**
 * Copies a ledger into a fresh database, lets `tamper` change it as an administrator with full rights would (a
 * superuser with the append-only triggers off), and verifies the copy's `tenant` chain against `checkpoints`.
 */
export async function verifyTamperedCopy(
  infra: TestInfra,
  snapshot: LedgerSnapshot,
  checkpoints: CheckpointStore,
  name: string,
  tamper: (client: pg.Client) => Promise<unknown>,
  options: { deep?: boolean; tenant?: string } = {},
): Promise<VerificationReport> {
  const url = await infra.createDatabase(name);
  await (await openDatabase({ url, entities: [], migrations: AUDIT_MIGRATIONS })).destroy();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('INSERT INTO ledger_entry SELECT * FROM json_populate_recordset(null::ledger_entry, $1::json)', [
      snapshot.entries,
    ]);
    for (const head of snapshot.heads) {
      await client.query('INSERT INTO ledger_head (tenant, seq, hash) VALUES ($1, $2, $3)', [
        head.tenant,
        head.seq,
        head.hash,
      ]);
    }
    await client.query('ALTER TABLE ledger_entry DISABLE TRIGGER USER');
    await tamper(client);
    const query = async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows;
    return await verifyLedger(query, options.tenant ?? 'demo', checkpoints, { deep: options.deep });
  } finally {
    await client.end();
  }
}
