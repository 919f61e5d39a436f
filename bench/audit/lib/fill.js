// Fills a tenant's chain with chained entries straight through SQL, using the service's own chaining, indexing and
// insert code, so `verify` can be measured over a million entries without waiting for them to arrive over NATS.
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../referral-intake/lib/service.js';
import { benchEvent } from './events.js';

const DIST = `${REPO_ROOT}services/audit/dist`;
const BATCH = 5_000;

export async function fillChain(client, tenant, count, log) {
  const { chainEvents, genesisHash } = await import(pathToFileURL(`${DIST}/domain/ledger-chain.js`).href);
  const { insertLedgerRows } = await import(pathToFileURL(`${DIST}/ledger/ledger-rows.js`).href);
  const run = (sql, params) => client.query(sql, params);
  let head = { seq: 0, hash: genesisHash(tenant) };
  const started = Date.now();
  for (let done = 0; done < count; done += BATCH) {
    const n = Math.min(BATCH, count - done);
    const events = Array.from({ length: n }, (_, i) => benchEvent(done + i, [tenant]));
    const recordedAt = new Date().toISOString();
    const chained = chainEvents(tenant, head, events, recordedAt);
    await insertLedgerRows(
      run,
      chained.map((entry) => ({ entry, recordedAt })),
    );
    head = { seq: chained.at(-1).seq, hash: chained.at(-1).hash };
    if ((done / BATCH) % 20 === 19 || done + n === count) {
      log(`  filled ${done + n} of ${count} (${Math.round((done + n) / ((Date.now() - started) / 1000))}/s)`);
    }
  }
  await client.query(
    'INSERT INTO ledger_head (tenant, seq, hash) VALUES ($1, $2, $3) ON CONFLICT (tenant) DO UPDATE SET seq = $2, hash = $3',
    [tenant, head.seq, head.hash],
  );
  return { head, seconds: (Date.now() - started) / 1000 };
}
