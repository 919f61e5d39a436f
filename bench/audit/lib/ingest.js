// Ingest: the built audit service appends events published as producers' relays publish them (JetStream,
// Nats-Msg-Id = event id) to its chains. Two measurements: a backlog (published before the service starts, so
// the figure is the ledger's own capacity, not the publisher's), and live (published while it consumes).
import { jetstream } from '@nats-io/jetstream';
import { cpuPercentOfCore, cpuSnapshot, memoryMiB, nowMs, sleep } from '../../referral-intake/lib/proc.js';
import { benchEvent } from './events.js';

const PUBLISH_WINDOW = 1_000;

export function benchTenants(count) {
  return Array.from({ length: count }, (_, i) => `bench-${String.fromCharCode(97 + i)}`);
}

/** Publishes events [from, from + count) in windows of concurrent publishes; returns the seconds it took. */
export async function publishEvents(nc, prefix, from, count, tenants) {
  const js = jetstream(nc);
  const t0 = nowMs();
  for (let i = from; i < from + count; i += PUBLISH_WINDOW) {
    const window = [];
    for (let j = i; j < Math.min(i + PUBLISH_WINDOW, from + count); j++) {
      const e = benchEvent(j, tenants);
      const [, aggregate, name] = e.type.split('.');
      window.push(js.publish(`${prefix}.${e.tenant}.${aggregate}.${name}`, JSON.stringify(e), { msgID: e.id }));
    }
    await Promise.all(window);
  }
  return +((nowMs() - t0) / 1000).toFixed(2);
}

async function ledgered(client) {
  const { rows } = await client.query('SELECT coalesce(sum(seq), 0)::int AS n FROM ledger_head');
  return rows[0].n;
}

async function backendPids(client) {
  const { rows } = await client.query(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  return rows.map((r) => r.pid);
}

/**
 * Waits until `target` entries are in the ledger, sampling the service's memory and CPU. Times the ingest in
 * the database's own clock: from the first transaction that appended one of these events to the moment the
 * last is seen.
 */
export async function awaitIngest({ client, service, target, since, label, log, startedAfter = new Date(0) }) {
  const cpu0 = cpuSnapshot({ svc: service.pid }, { 'pg(bench)': await backendPids(client) });
  const t0 = nowMs();
  const samples = [];
  const sampler = setInterval(() => samples.push(memoryMiB(service.pid).rss), 250);
  let halfAt;
  try {
    for (let done = await ledgered(client); done < target; done = await ledgered(client)) {
      if (halfAt === undefined && done >= target - (target - since) / 2) halfAt = nowMs();
      if (nowMs() - t0 > 600_000) throw new Error(`${label}: ingest stalled at ${done} of ${target}`);
      await sleep(50);
    }
  } finally {
    clearInterval(sampler);
  }
  const tDone = nowMs();
  const { rows } = await client.query(
    `SELECT extract(epoch FROM clock_timestamp() - min(processed_at))::float8 AS seconds, count(DISTINCT processed_at)::int AS txs
     FROM inbox WHERE processed_at >= $1`,
    [startedAfter],
  );
  const events = target - since;
  const seconds = rows[0].seconds;
  const wall = (tDone - t0) / 1000;
  const result = {
    events,
    seconds: +seconds.toFixed(2),
    events_per_s: Math.round(events / seconds),
    second_half_events_per_s: halfAt ? Math.round(events / 2 / ((tDone - halfAt) / 1000)) : null,
    transactions: rows[0].txs,
    mean_batch: Math.round(events / Math.max(1, rows[0].txs)),
    service_rss_mib: { max: Math.max(...samples, 0), hwm: memoryMiB(service.pid).hwm },
    cpu_pct_of_core: cpuPercentOfCore(
      cpu0,
      cpuSnapshot({ svc: service.pid }, { 'pg(bench)': await backendPids(client) }),
      wall,
    ),
  };
  log(
    `${label}: ${events} events in ${result.seconds} s = ${result.events_per_s} events/s (${result.transactions} transactions)`,
  );
  return result;
}
