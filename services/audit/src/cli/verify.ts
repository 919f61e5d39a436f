#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { CheckpointStore } from '../checkpoint/checkpoint-store.js';
import { verifyLedger, type VerificationReport } from '../ledger/ledger-verifier.js';

const USAGE = `Usage: baton-audit-verify [--tenant CODE]... [--database-url URL] [--checkpoint-dir DIR] [--public-key FILE] [--no-checkpoints] [--deep]

Walks each tenant's ledger chain (every tenant with a head, unless --tenant is given) against its signed
checkpoints and prints one JSON report per tenant. Exit status: 0 every chain verifies, 1 a link is broken,
2 the verification could not run.

  --database-url    default $DATABASE_URL, else postgres://postgres@127.0.0.1:5432/baton_audit
  --checkpoint-dir  default $CHECKPOINT_DIR, else .baton/audit/checkpoints
  --deep            also re-derive every lookup column (family, records, people...) from its entry
  --public-key      PEM public key that signs checkpoints; default <checkpoint-dir>/checkpoint-public-key.pem
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string', multiple: true },
      'database-url': { type: 'string' },
      'checkpoint-dir': { type: 'string' },
      'public-key': { type: 'string' },
      'no-checkpoints': { type: 'boolean', default: false },
      deep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const url = values['database-url'] ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/baton_audit';
  const dir = values['checkpoint-dir'] ?? process.env.CHECKPOINT_DIR ?? '.baton/audit/checkpoints';
  const checkpoints = values['no-checkpoints']
    ? undefined
    : await CheckpointStore.forVerifying(
        dir,
        values['public-key'] ? await readFile(values['public-key'], 'utf8') : undefined,
      );
  const client = new pg.Client({ connectionString: url, application_name: 'baton-audit-verify' });
  await client.connect();
  try {
    const query = async (sql: string, params: unknown[]) =>
      (await client.query(sql, params)).rows as Record<string, unknown>[];
    const tenants =
      values.tenant ?? (await query('SELECT tenant FROM ledger_head ORDER BY tenant', [])).map((r) => String(r.tenant));
    let broken = false;
    for (const tenant of tenants) {
      const report: VerificationReport = await verifyLedger(query, tenant, checkpoints, { deep: values.deep });
      broken ||= !report.ok;
      process.stdout.write(`${JSON.stringify(report)}\n`);
    }
    return broken ? 1 : 0;
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`baton-audit-verify: ${error.message}\n${USAGE}`);
    process.exit(2);
  },
);
