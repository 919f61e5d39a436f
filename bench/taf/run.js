#!/usr/bin/env node
// bench/taf: reads of Team Around the Family plans under open-loop load, with 10,000 open plans seeded.
// GET /v1/plans/:id and GET /v1/families/:familyId/timeline at a fixed rate; p50/p99, memory and CPU;
// the hand-written floor (/work/shared/floor) at the same rate in the same run. See bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { Cleanup } from '../referral-intake/lib/cleanup.js';
import { runFloor } from '../referral-intake/lib/floor.js';
import {
  cpuPercentOfCore,
  cpuSnapshot,
  idleBaseline,
  machineCpu,
  machineCpuDelta,
  machineTag,
  memoryMiB,
} from '../referral-intake/lib/proc.js';
import {
  BenchDatabase,
  REPO_ROOT,
  ReferralsService as BuiltService,
  dropDatabase,
} from '../referral-intake/lib/service.js';
import { latencySummary, memorySummary } from '../referral-intake/lib/stats.js';
import { ReadLoad } from './lib/read-load.js';
import { seedPlans } from './lib/seed.js';

const USAGE = `node bench/taf/run.js [--plans 10000] [--rate 200] [--duration 15] [--warmup 3] [--skip-floor]
  [--target-p99 25] [--service services/taf/dist/main.js] [--pg postgres://postgres@127.0.0.1:5432] [--nats nats://127.0.0.1:4222]`;

function parseOptions(argv) {
  const opts = {
    plans: 10_000,
    rate: 200,
    duration: 15,
    warmup: 3,
    skipFloor: false,
    targetP99: 25,
    pgUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432',
    natsUrl: process.env.BENCH_NATS_URL ?? 'nats://127.0.0.1:4222',
    serviceEntry: `${REPO_ROOT}services/taf/dist/main.js`,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const number = () => {
      i++;
      if (!(Number(value) > 0)) throw new Error(`${flag} needs a positive number\n${USAGE}`);
      return Number(value);
    };
    if (flag === '--plans') opts.plans = number();
    else if (flag === '--rate') opts.rate = number();
    else if (flag === '--duration') opts.duration = number();
    else if (flag === '--warmup') opts.warmup = number();
    else if (flag === '--target-p99') opts.targetP99 = number();
    else if (flag === '--skip-floor') opts.skipFloor = true;
    else if (flag === '--service') opts.serviceEntry = argv[++i];
    else if (flag === '--pg') opts.pgUrl = argv[++i];
    else if (flag === '--nats') opts.natsUrl = argv[++i];
    else if (flag === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  return opts;
}

async function startIssuer() {
  const { TestIssuer } = await import(pathToFileURL(`${REPO_ROOT}libs/testing/dist/index.js`).href);
  const issuer = await TestIssuer.ephemeral({ audience: 'baton' });
  const server = await issuer.listen(0);
  // A hub practitioner: lead of one plan in fifty, a member agency's practitioner on the rest.
  const token = await issuer.sign(
    {
      sub: 'bench-lead-0',
      name: 'Bench Lead',
      agency_id: 'demo-early-help-hub',
      roles: ['practitioner'],
      tenant: 'demo',
    },
    { expiresIn: '1h' },
  );
  return { issuer: issuer.issuer, jwksUrl: `${server.url}/.well-known/jwks.json`, token, close: () => server.close() };
}

/** One scenario at one rate: latency, memory sampled every 250 ms, CPU of the service and its database. */
async function measure(name, load, service, db, opts, pathFor) {
  const idle = await idleBaseline(1000);
  const pgPids = await db.backendPids();
  const before = cpuSnapshot({ svc: service.pid }, { pg_bench: pgPids });
  const machineBefore = machineCpu();
  const memory = [];
  const sampler = setInterval(() => memory.push(memoryMiB(service.pid)), 250);
  const r = await load.run(opts.rate, opts.duration, pathFor);
  clearInterval(sampler);
  const cpu = cpuPercentOfCore(before, cpuSnapshot({ svc: service.pid }, { pg_bench: pgPids }), r.loadSeconds);
  const errors = r.non200 + r.errors + r.skipped + r.unanswered;
  return {
    scenario: name,
    rate: opts.rate,
    seconds: opts.duration,
    sent: r.sent,
    ok: r.ok,
    achieved_rps: +(r.ok / r.loadSeconds).toFixed(1),
    errors,
    error_samples: r.samples,
    latency_ms: latencySummary(r.lat),
    memory_mib: memorySummary(memory),
    cpu_pct_of_core: { svc: cpu.svc, pg_bench: cpu.pg_bench, pg_all: cpu.postgres_all, nats: cpu['nats-server'] },
    machine: { idle_baseline: idle, during_load: machineCpuDelta(machineBefore, machineCpu()) },
  };
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  const log = (line) => console.log(line);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  mkdirSync(`${REPO_ROOT}bench/results`, { recursive: true });
  const cleanup = new Cleanup(log);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => cleanup.run().then(() => process.exit(130)));
  const id = Math.random().toString(16).slice(2, 10);
  const names = { database: `bench_taf_${id}`, stream: `BENCH_TAF_${id.toUpperCase()}`, prefix: `benchtaf${id}` };
  try {
    const issuer = await startIssuer();
    cleanup.add('token issuer', () => issuer.close());
    cleanup.add(`database ${names.database}`, () => dropDatabase(opts.pgUrl, names.database));
    cleanup.add(`stream ${names.stream}`, () => deleteStream(opts.natsUrl, names.stream));
    const service = new BuiltService({
      names,
      pgUrl: opts.pgUrl,
      natsUrl: opts.natsUrl,
      issuer,
      logFile: `${REPO_ROOT}bench/results/taf-${stamp}.service.log`,
      entry: opts.serviceEntry,
      readyPath: '/health/ready',
    });
    cleanup.add('taf service', () => service.stop());
    await service.start();
    log(`taf service pid ${service.pid} on port ${service.port}; seeding ${opts.plans} open plans`);
    const seeder = new pg.Client({ connectionString: service.databaseUrl });
    await seeder.connect();
    const t0 = Date.now();
    const plans = await seedPlans(seeder, { plans: opts.plans, leads: 50 });
    await seeder.end();
    log(`seeded ${plans.length} plans in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const db = new BenchDatabase(opts.pgUrl, names.database);
    await db.connect();
    cleanup.add('database client', () => db.close());

    const load = new ReadLoad({ port: service.port, token: issuer.token, maxOutstanding: 2000 });
    cleanup.add('load agent', () => load.close());
    const pick = (i) => plans[(i * 7919) % plans.length];
    await load.run(100, opts.warmup, (i) => `/v1/plans/${pick(i).planId}`);
    const results = [];
    for (const [name, pathFor] of [
      ['GET /v1/plans/:id', (i) => `/v1/plans/${pick(i).planId}`],
      ['GET /v1/families/:familyId/timeline', (i) => `/v1/families/${pick(i).familyId}/timeline`],
    ]) {
      const line = await measure(name, load, service, db, opts, pathFor);
      results.push(line);
      log(JSON.stringify(line));
    }
    const floor = opts.skipFloor
      ? undefined
      : (
          await runFloor(
            [opts.rate],
            { ...opts, floorTx: ['cte'], findMax: false, drainLimitMs: 1000, maxE2eP99Ms: 0 },
            log,
          )
        ).cte?.[0];
    report(results, floor, opts, log);
    writeFileSync(
      `${REPO_ROOT}bench/results/taf-${stamp}.json`,
      JSON.stringify({ opts, machine: machineTag(), results, floor }, null, 2),
    );
    log(`results: bench/results/taf-${stamp}.json`);
  } finally {
    await cleanup.run();
  }
}

function report(results, floor, opts, log) {
  log('');
  log(
    'scenario                              rate/s  achieved/s  p50 ms  p99 ms  errors  RSS max MiB  cpu% svc  pg(bench)  machine busy%',
  );
  for (const r of results) {
    log(
      `${r.scenario.padEnd(38)}${String(r.rate).padStart(6)}${String(r.achieved_rps).padStart(12)}` +
        `${String(r.latency_ms.p50).padStart(8)}${String(r.latency_ms.p99).padStart(8)}${String(r.errors).padStart(8)}` +
        `${String(r.memory_mib.rss_max_mib).padStart(13)}${String(r.cpu_pct_of_core.svc).padStart(10)}` +
        `${String(r.cpu_pct_of_core.pg_bench).padStart(11)}${String(r.machine.during_load.busy_pct).padStart(15)}`,
    );
  }
  if (floor) {
    log(
      `floor (cte) POST+outbox+relay+consume at ${floor.rate}/s: http p50 ${floor.http_latency_ms.p50} ms, ` +
        `p99 ${floor.http_latency_ms.p99} ms; e2e p99 ${floor.e2e_latency_ms.p99} ms`,
    );
    for (const r of results) {
      log(
        `  ${r.scenario}: p99 ${r.latency_ms.p99} ms = ${(r.latency_ms.p99 / floor.http_latency_ms.p99).toFixed(2)} × the floor's HTTP p99`,
      );
    }
  }
  for (const r of results) {
    const pass = r.errors === 0 && r.latency_ms.p99 !== null && r.latency_ms.p99 <= opts.targetP99;
    log(
      `target ${r.scenario} p99 ≤ ${opts.targetP99} ms at ${opts.rate}/s: ${pass ? 'PASS' : 'FAIL'} (${r.latency_ms.p99} ms, ${r.errors} errors)`,
    );
  }
}

async function deleteStream(natsUrl, stream) {
  const { connect } = await import('@nats-io/transport-node');
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const nc = await connect({ servers: natsUrl });
  try {
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false);
  } finally {
    await nc.close();
  }
}

main().catch(async (error) => {
  console.error(error.stack ?? String(error));
  process.exit(1);
});
