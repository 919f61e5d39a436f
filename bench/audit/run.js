#!/usr/bin/env node
// Audit benchmark: (1) ledger ingest rate of the built audit service, events published on JetStream as producers
// publish them; (2) `verify` (the CLI) over a chain of a million entries. Compared in the same run with the
// hand-written floor, whose consumer inserts one row per event. Usage: node bench/audit/run.js --help
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { Cleanup } from '../referral-intake/lib/cleanup.js';
import { runFloor } from '../referral-intake/lib/floor.js';
import { parseOptions as parseIntakeOptions } from '../referral-intake/lib/options.js';
import { machineTag } from '../referral-intake/lib/proc.js';
import { table, writeResults } from '../referral-intake/lib/report.js';
import {
  dropDatabase,
  ensureDatabase,
  REPO_ROOT,
  ReferralsService,
  startIssuer,
} from '../referral-intake/lib/service.js';
import { fillChain } from './lib/fill.js';
import { awaitIngest, benchTenants, publishEvents } from './lib/ingest.js';
import { parseOptions, TARGETS, USAGE } from './lib/options.js';
import { runVerifyCli, writeCheckpoint } from './lib/verify.js';

const log = (...a) => console.log(...a);
let opts;
try {
  opts = parseOptions(process.argv.slice(2));
} catch (e) {
  console.error(e.message);
  process.exit(2);
}
if (opts.help) {
  log(USAGE);
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const resultsDir = `${REPO_ROOT}bench/results`;
mkdirSync(resultsDir, { recursive: true });
const resultsFile = opts.out || `${resultsDir}/audit-${stamp}.json`;
const id = randomBytes(4).toString('hex');
const names = { database: `bench_audit_${id}`, stream: `BENCH_AUDIT_${id.toUpperCase()}`, prefix: `bencha${id}` };
const databaseUrl = `${opts.pgUrl}/${names.database}`;
const cleanup = new Cleanup(log);
const onSignal = (sig) => {
  log(`\n${sig}: cleaning up`);
  cleanup.run().finally(() => process.exit(130));
};
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

const results = {
  benchmark: 'audit',
  started: new Date().toISOString(),
  machine: machineTag(),
  options: opts,
  names,
  targets: TARGETS,
};
log(`audit benchmark ${results.started} ${JSON.stringify(results.machine)}`);
try {
  const checkpointDir = mkdtempSync(join(tmpdir(), 'bench-audit-'));
  cleanup.add('checkpoint directory', () => rmSync(checkpointDir, { recursive: true, force: true }));
  const keyFile = join(checkpointDir, 'key', 'checkpoint-key.pem');
  Object.assign(process.env, {
    CHECKPOINT_DIR: checkpointDir,
    CHECKPOINT_KEY_FILE: keyFile,
    CHECKPOINT_INTERVAL_MS: '3600000',
  });
  const issuer = await startIssuer();
  cleanup.add('token issuer', () => issuer.close());
  const nc = await connect({ servers: opts.natsUrl, name: 'bench-audit' });
  cleanup.add('NATS connection', () => nc.close());
  const jsm = await jetstreamManager(nc);
  cleanup.add(`stream ${names.stream}`, () => jsm.streams.delete(names.stream).catch(() => false));
  await ensureDatabase(opts.pgUrl, names.database);
  cleanup.add(`database ${names.database}`, () => dropDatabase(opts.pgUrl, names.database));
  const tenants = benchTenants(opts.tenants);
  // The backlog goes in before the service exists, so its stream is created here as the service would create it.
  await jsm.streams.add({ name: names.stream, subjects: [`${names.prefix}.>`], duplicate_window: 120_000_000_000 });
  log(
    `\n1a. Ingest a backlog: ${opts.events} events published first (over ${opts.tenants} chains), then the service starts`,
  );
  const backlogPublish = await publishEvents(nc, names.prefix, 0, opts.events, tenants);
  log(`  published in ${backlogPublish} s`);
  const service = new ReferralsService({
    names,
    pgUrl: opts.pgUrl,
    natsUrl: opts.natsUrl,
    issuer,
    logFile: `${resultsDir}/audit-${stamp}.service.log`,
    entry: `${REPO_ROOT}services/audit/dist/main.js`,
    readyPath: '/health/live',
  });
  cleanup.add('audit service', () => service.stop());
  await service.start();
  log(
    `audit service pid ${service.pid}; database ${names.database}, stream ${names.stream}, subjects ${names.prefix}.>`,
  );
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  cleanup.add('database client', () => client.end());
  results.ingest = await awaitIngest({ client, service, target: opts.events, since: 0, label: 'backlog', log });
  results.ingest.publish_seconds = backlogPublish;

  log(`\n1b. Ingest live: ${opts.events} more events published while the service consumes`);
  const liveFrom = (await client.query('SELECT clock_timestamp() AS t')).rows[0].t;
  const publishing = publishEvents(nc, names.prefix, opts.events, opts.events, tenants);
  results.ingestLive = await awaitIngest({
    client,
    service,
    target: 2 * opts.events,
    since: opts.events,
    startedAfter: liveFrom,
    label: 'live',
    log,
  });
  results.ingestLive.publish_seconds = await publishing;
  await service.stop();

  if (!opts.skipVerify) {
    log(`\n2. Verify: a chain of ${opts.verifyEntries} entries (filled through SQL with the service's own code)`);
    const tenant = 'verify-bench';
    const fill = await fillChain(client, tenant, opts.verifyEntries, log);
    await writeCheckpoint({ checkpointDir, keyFile, tenant, head: fill.head });
    results.fill = {
      entries: opts.verifyEntries,
      seconds: fill.seconds,
      entries_per_s: Math.round(opts.verifyEntries / fill.seconds),
    };
    const { rows } = await client.query('SELECT pg_size_pretty(pg_total_relation_size($1)) AS size', ['ledger_entry']);
    results.fill.table_size = rows[0].size;
    results.verify = await runVerifyCli({ databaseUrl, checkpointDir, tenant, deep: false, log });
    log(
      `verify: ${results.verify.report.entries} entries in ${results.verify.seconds} s, ok=${results.verify.report.ok}, CLI RSS max ${results.verify.cli_rss_mib.max} MiB`,
    );
    if (opts.deep) {
      results.verifyDeep = await runVerifyCli({ databaseUrl, checkpointDir, tenant, deep: true, log });
      log(`verify --deep: ${results.verifyDeep.seconds} s, ok=${results.verifyDeep.report.ok}`);
    }
  }
} catch (e) {
  results.error = e.message;
  log(`audit benchmark: ${e.message}`);
} finally {
  await cleanup.run();
}

if (!opts.skipFloor) {
  log(
    `\n3. Floor: /work/shared/floor at ${opts.floorRate}/s for ${opts.floorDuration} s (its consumer inserts one row per event)`,
  );
  try {
    const floorOpts = parseIntakeOptions([
      '--rates',
      String(opts.floorRate),
      '--duration',
      String(opts.floorDuration),
      '--no-find-max',
      '--floor-tx',
      'cte',
    ]);
    const floor = await runFloor([opts.floorRate], { ...floorOpts, pgUrl: opts.pgUrl }, log);
    const line = floor.cte?.[0];
    results.floor = line && {
      rate: line.rate,
      consumed_per_s: line.e2e_rps,
      e2e_p99_ms: line.e2e_latency_ms.p99,
      sustained: line.sustained,
      cpu: line.proc_cpu_pct_of_core,
    };
  } catch (e) {
    results.floor = { error: e.message };
  }
}

/** CPU while ingesting, and the service's CPU milliseconds per event (what the machine's load cannot distort). */
function cpuText(r) {
  const msPerEvent = (r.cpu_pct_of_core.svc * 10 * r.seconds) / r.events;
  return `svc ${r.cpu_pct_of_core.svc}%, pg(bench) ${r.cpu_pct_of_core['pg(bench)']}%; svc ${msPerEvent.toFixed(2)} ms CPU/event`;
}

const i = results.ingest;
const v = results.verify;
const l = results.ingestLive;
results.verdicts = {
  ingest: i ? (i.events_per_s >= TARGETS.ingestPerSecond ? 'PASS' : 'FAIL') : 'NOT RUN',
  verify: v
    ? v.report.ok && v.seconds <= TARGETS.verifyMillionSeconds && v.report.entries >= 1_000_000
      ? 'PASS'
      : 'FAIL'
    : 'NOT RUN',
};
log('');
log(
  table(
    ['measure', 'figure', 'target', 'verdict', 'memory', 'cpu'],
    [
      [
        'ingest backlog events/s',
        i?.events_per_s ?? '-',
        `>= ${TARGETS.ingestPerSecond}`,
        results.verdicts.ingest,
        i ? `svc RSS max ${i.service_rss_mib.max} MiB` : '-',
        i ? cpuText(i) : '-',
      ],
      [
        'ingest live events/s',
        l?.events_per_s ?? '-',
        `(publisher ${l?.publish_seconds ?? '-'} s)`,
        '',
        l ? `svc RSS max ${l.service_rss_mib.max} MiB` : '-',
        l ? cpuText(l) : '-',
      ],
      [
        'verify s (entries)',
        v ? `${v.seconds} (${v.report.entries})` : '-',
        `<= ${TARGETS.verifyMillionSeconds} s for 1,000,000`,
        results.verdicts.verify,
        v ? `CLI RSS max ${v.cli_rss_mib.max} MiB` : '-',
        '',
      ],
      [
        'fill entries/s (SQL, no NATS)',
        results.fill?.entries_per_s ?? '-',
        '',
        '',
        results.fill?.table_size ?? '-',
        '',
      ],
      [
        'floor consumed/s',
        results.floor?.consumed_per_s ?? '-',
        `offered ${opts.floorRate}/s`,
        results.floor?.sustained === undefined ? '-' : `sustained ${results.floor.sustained}`,
        '',
        results.floor?.cpu ? JSON.stringify(results.floor.cpu) : '-',
      ],
    ],
  ),
);
if (i && results.floor?.consumed_per_s)
  log(
    `ingest vs floor consumer: ${(i.events_per_s / results.floor.consumed_per_s).toFixed(2)}x (the floor is held to its offered rate)`,
  );
writeResults(resultsFile, results);
log(`results: ${resultsFile}`);
process.exit(results.error ? 1 : 0);
