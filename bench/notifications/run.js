#!/usr/bin/env node
// Notifications fan-out benchmark: one `baton.referral.received.v1` per step, routed to the receiving hub and fanned
// out to N webhook endpoints (real HTTP receivers, signed per Standard Webhooks) and M inboxes, under open-loop load;
// prints deliveries/s and p99 event-published -> webhook-received, compared with the floor in the same run.
// Usage: node bench/notifications/run.js --help
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Cleanup } from '../referral-intake/lib/cleanup.js';
import { runFloor } from '../referral-intake/lib/floor.js';
import { machineTag, memoryMiB, nowMs, pidCpuSeconds, sleep } from '../referral-intake/lib/proc.js';
import { latencySummary } from '../referral-intake/lib/stats.js';
import {
  BenchDatabase,
  dropDatabase,
  REPO_ROOT,
  ReferralsService,
  runNames,
  startIssuer,
} from '../referral-intake/lib/service.js';
import { HUB, writeBenchTenant } from './lib/bench-tenant.js';
import { Receivers } from './lib/receivers.js';
import { referralReceived } from './lib/referral-event.js';

const DEFAULTS = {
  rate: 50,
  duration: 20,
  warmup: 3,
  endpoints: 20,
  inboxes: 20,
  'drain-timeout': 15,
  'floor-rates': '',
  'skip-floor': false,
  pg: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432',
  nats: process.env.BENCH_NATS_URL ?? 'nats://127.0.0.1:4222',
  out: '',
};
const TARGETS = { deliveriesPerSecond: 500, webhookP99Ms: 100 };
const USAGE = `node bench/notifications/run.js [options]
  --rate N            events per second offered, open loop (default 50)
  --duration S        seconds of load (default 20)
  --warmup S          unreported warm-up seconds at the same rate (default 3)
  --endpoints N       webhook endpoints registered by the hub (default 20)
  --inboxes N         hub triagers, one inbox each (default 20)
  --drain-timeout S   after the load, how long to wait for every delivery (default 15)
  --floor-rates A,B   rates for the floor (default: the event rate and the deliveries target, 500)
  --skip-floor        do not run the floor
  --pg URL --nats URL servers (default the local ones); --out FILE results file`;

function parseOptions(argv) {
  const o = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (key === 'help') {
      console.log(USAGE);
      process.exit(0);
    }
    if (!(key in DEFAULTS)) throw new Error(`unknown option ${argv[i]}\n${USAGE}`);
    if (typeof DEFAULTS[key] === 'boolean') o[key] = true;
    else o[key] = argv[++i];
  }
  const rate = Number(o.rate);
  return {
    rate,
    duration: Number(o.duration),
    warmup: Number(o.warmup),
    endpoints: Number(o.endpoints),
    inboxes: Number(o.inboxes),
    drainTimeoutMs: Number(o['drain-timeout']) * 1000,
    floorRates: (o['floor-rates'] || `${rate},${TARGETS.deliveriesPerSecond}`).split(',').map(Number),
    skipFloor: o['skip-floor'],
    pgUrl: o.pg,
    natsUrl: o.nats,
    out: o.out,
  };
}

const log = (...a) => console.log(...a);
const cleanup = new Cleanup(log);

/** Publishes `count` events at `rate`/s on schedule (open loop), recording when each left (monotonic and wall). */
async function publishOpenLoop(js, subject, rate, seconds, sent) {
  const count = Math.round(rate * seconds);
  const start = nowMs();
  const acks = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - nowMs();
    if (wait > 0) await sleep(wait);
    const event = referralReceived();
    sent.set(event.id, { t0: nowMs(), wall: Date.now() });
    acks.push(js.publish(subject, JSON.stringify(event), { msgID: event.id }));
  }
  await Promise.all(acks);
  return { start, end: nowMs() };
}

async function waitForDeliveries(receivers, ids, endpoints, timeoutMs) {
  const deadline = nowMs() + timeoutMs;
  const complete = () => ids.every((id) => (receivers.arrivals.get(id)?.length ?? 0) >= endpoints);
  while (!complete() && nowMs() < deadline) await sleep(20);
  return complete();
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  mkdirSync(`${REPO_ROOT}bench/results`, { recursive: true });
  const outFile = opts.out || `${REPO_ROOT}bench/results/notifications-${stamp}.json`;
  const names = { ...runNames() };
  names.database = names.database.replace('bench_referrals_', 'bench_notifications_');
  process.once('SIGINT', () => cleanup.run().then(() => process.exit(130)));

  const tenant = writeBenchTenant(opts.inboxes);
  cleanup.add('tenant file', () => rmSync(tenant.dir, { recursive: true, force: true }));
  const issuer = await startIssuer();
  cleanup.add('issuer', () => issuer.close());
  // The service inherits these (the shared service runner passes the environment through).
  // The receivers listen on 127.0.0.1, a private address production refuses.
  Object.assign(process.env, {
    TENANT_CONFIG_DIR: tenant.dir,
    AGENCY_NATS_ENABLED: 'false',
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
  });
  delete process.env.SMTP_URL;
  const service = new ReferralsService({
    names,
    pgUrl: opts.pgUrl,
    natsUrl: opts.natsUrl,
    issuer,
    logFile: outFile.replace(/\.json$/, '.service.log'),
    entry: process.env.BENCH_ENTRY ?? `${REPO_ROOT}services/notifications/dist/main.js`,
    readyPath: '/health/ready',
  });
  cleanup.add('database', () => dropDatabase(opts.pgUrl, names.database));
  cleanup.add('service', () => service.stop());
  await service.start();
  const nc = await connect({ servers: opts.natsUrl });
  cleanup.add('stream', async () => {
    await (await jetstreamManager(nc)).streams.delete(names.stream).catch(() => undefined);
    await nc.close();
  });
  const receivers = new Receivers();
  cleanup.add('receivers', () => receivers.close());
  const urls = await receivers.start(opts.endpoints);
  const adminToken = await issuer.sign({
    sub: tenant.admin.personId,
    name: tenant.admin.name,
    agency_id: HUB,
    roles: ['agency-admin'],
    tenant: 'demo',
  });
  for (const url of urls) {
    const res = await fetch(`http://127.0.0.1:${service.port}/v1/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url, eventTypes: ['baton.referral.received.v1'], description: 'bench receiver' }),
    });
    if (res.status !== 201) throw new Error(`registering ${url}: ${res.status} ${await res.text()}`);
  }
  const js = jetstream(nc);
  const subject = `${names.prefix}.demo.referral.received`;
  const db = new BenchDatabase(opts.pgUrl, names.database);
  await db.connect();
  cleanup.add('bench database client', () => db.close());

  log(`warm-up: ${opts.warmup} s at ${opts.rate}/s`);
  const warm = new Map();
  await publishOpenLoop(js, subject, opts.rate, opts.warmup, warm);
  await waitForDeliveries(receivers, [...warm.keys()], opts.endpoints, opts.drainTimeoutMs);

  log(`load: ${opts.duration} s at ${opts.rate} events/s -> ${opts.endpoints} webhooks + ${opts.inboxes} inboxes each`);
  const sent = new Map();
  const cpu0 = pidCpuSeconds(service.pid);
  const memory = [];
  const sampler = setInterval(() => memory.push(memoryMiB(service.pid)), 250);
  const window = await publishOpenLoop(js, subject, opts.rate, opts.duration, sent);
  const cpu1 = pidCpuSeconds(service.pid);
  const ids = [...sent.keys()];
  const drained = await waitForDeliveries(receivers, ids, opts.endpoints, opts.drainTimeoutMs);
  clearInterval(sampler);

  const latencies = [];
  let lastArrival = window.start;
  let webhooks = 0;
  for (const id of ids) {
    for (const at of receivers.arrivals.get(id) ?? []) {
      latencies.push(at - sent.get(id).t0);
      lastArrival = Math.max(lastArrival, at);
      webhooks += 1;
    }
  }
  const { rows } = await db.client.query(
    `SELECT event_id AS id, extract(epoch FROM created_at) * 1000 AS at FROM notification
     WHERE recipient_kind = 'person' AND event_id = ANY($1)`,
    [ids],
  );
  const inboxLatencies = rows.map((r) => Number(r.at) - sent.get(r.id).wall);
  const deliveries = webhooks + rows.length;
  const spanS = (lastArrival - window.start) / 1000;
  const result = {
    rate: opts.rate,
    duration_s: opts.duration,
    events: ids.length,
    endpoints: opts.endpoints,
    inboxes: opts.inboxes,
    webhook_deliveries: webhooks,
    webhook_expected: ids.length * opts.endpoints,
    webhook_duplicates: receivers.duplicates,
    inbox_items: rows.length,
    inbox_expected: ids.length * opts.inboxes,
    drained,
    deliveries_per_s: +(deliveries / spanS).toFixed(1),
    webhook_latency_ms: latencySummary(latencies),
    inbox_latency_ms: latencySummary(inboxLatencies),
    service_cpu_pct_of_core: Math.round((100 * (cpu1 - cpu0)) / ((window.end - window.start) / 1000)),
    service_rss_max_mib: Math.max(0, ...memory.map((m) => m.rss ?? 0)),
    machine: machineTag(),
  };
  log(JSON.stringify(result));
  log('');
  log(
    `deliveries/s ${result.deliveries_per_s}  (webhooks ${webhooks}/${result.webhook_expected}, inbox ${rows.length}/${result.inbox_expected}, drained ${drained})`,
  );
  log(
    `published -> webhook received  p50 ${result.webhook_latency_ms.p50} ms  p99 ${result.webhook_latency_ms.p99} ms  max ${result.webhook_latency_ms.max} ms`,
  );
  log(
    `published -> inbox item        p50 ${result.inbox_latency_ms.p50} ms  p99 ${result.inbox_latency_ms.p99} ms (wall clocks)`,
  );
  log(`service cpu ${result.service_cpu_pct_of_core}% of a core, RSS max ${result.service_rss_max_mib} MiB`);

  await cleanup.run();
  let floor = null;
  if (!opts.skipFloor) {
    log(`\nfloor at ${opts.floorRates.join(', ')}/s (hand-written POST -> outbox -> relay -> JetStream -> consumer)`);
    const floorOpts = {
      pgUrl: opts.pgUrl,
      floorTx: ['cte'],
      duration: opts.duration,
      findMax: false,
      drainLimitMs: 1000,
      maxE2eP99Ms: 1000,
      maxOutstanding: 4000,
    };
    floor = (await runFloor(opts.floorRates, floorOpts, log)).cte.map((l) => ({
      rate: l.rate,
      e2e_p99_ms: l.e2e_latency_ms.p99,
      e2e_p50_ms: l.e2e_latency_ms.p50,
      achieved_rps: l.e2e_rps,
      sustained: l.sustained,
    }));
    for (const l of floor)
      log(
        `floor ${l.rate}/s: e2e p50 ${l.e2e_p50_ms} ms p99 ${l.e2e_p99_ms} ms, achieved ${l.achieved_rps}/s, sustained ${l.sustained}`,
      );
    const same = floor.find((l) => l.rate === opts.rate);
    if (same)
      log(
        `Baton webhook p99 / floor e2e p99 at ${opts.rate}/s = ${(result.webhook_latency_ms.p99 / same.e2e_p99_ms).toFixed(1)}x`,
      );
  }
  const targets = {
    deliveries_per_s: {
      target: TARGETS.deliveriesPerSecond,
      value: result.deliveries_per_s,
      pass: result.deliveries_per_s >= TARGETS.deliveriesPerSecond,
    },
    webhook_p99_ms: {
      target: TARGETS.webhookP99Ms,
      value: result.webhook_latency_ms.p99,
      pass: result.webhook_latency_ms.p99 <= TARGETS.webhookP99Ms,
    },
  };
  log(
    `\ntargets: deliveries/s >= ${TARGETS.deliveriesPerSecond}: ${targets.deliveries_per_s.pass ? 'PASS' : 'FAIL'} (${result.deliveries_per_s}); p99 published->webhook <= ${TARGETS.webhookP99Ms} ms at ${opts.rate}/s: ${targets.webhook_p99_ms.pass ? 'PASS' : 'FAIL'} (${result.webhook_latency_ms.p99})`,
  );
  writeFileSync(outFile, JSON.stringify({ options: opts, result, floor, targets }, null, 2));
  log(`results: ${outFile}`);
}

main().catch(async (e) => {
  console.error(e.stack ?? e.message);
  await cleanup.run();
  process.exit(1);
});
