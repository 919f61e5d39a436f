#!/usr/bin/env node
// bench/parenting-audit: the manager's consistency report (one year) and exceptions list over
// 20,000 orders and 500,000 compliance records, through the built parenting service, with a
// hand-written SQL floor of the same reads in the same run. See bench/README.md.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { Cleanup } from '../referral-intake/lib/cleanup.js';
import { machineTag, memoryMiB } from '../referral-intake/lib/proc.js';
import { dropDatabase, ensureDatabase, ReferralsService, REPO_ROOT } from '../referral-intake/lib/service.js';
import { latencySummary } from '../referral-intake/lib/stats.js';
import { FLOOR_CONSISTENCY, FLOOR_EXCEPTIONS } from './floor.js';
import { seed } from './seed.js';

const { values: opts } = parseArgs({
  options: {
    orders: { type: 'string', default: '20000' },
    records: { type: 'string', default: '500000' },
    repeats: { type: 'string', default: '30' },
    from: { type: 'string', default: '2025-11-01' },
    to: { type: 'string', default: '2026-10-31' },
    'target-ms': { type: 'string', default: '500' },
    'keep-database': { type: 'boolean', default: false },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432' },
    'nats-url': { type: 'string', default: process.env.BENCH_NATS_URL ?? 'nats://127.0.0.1:4222' },
  },
});
const log = (line) => process.stderr.write(`[parenting-audit] ${line}\n`);
const id = randomBytes(4).toString('hex');
const names = { database: `bench_parenting_${id}`, stream: `BENCH_${id.toUpperCase()}`, prefix: `bench${id}` };
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
mkdirSync(`${REPO_ROOT}bench/results`, { recursive: true });

async function startIssuer() {
  const { TestIssuer } = await import(pathToFileURL(`${REPO_ROOT}libs/testing/dist/index.js`).href);
  const issuer = await TestIssuer.ephemeral({ audience: 'baton' });
  const server = await issuer.listen(0);
  const sign = (claims) => issuer.sign({ ...claims, tenant: 'demo' }, { expiresIn: '1h' });
  return {
    issuer: issuer.issuer,
    jwksUrl: `${server.url}/.well-known/jwks.json`,
    auditor: await sign({ sub: 'audit-officer', name: 'Audit', agency_id: 'demo-early-help-hub', roles: ['auditor'] }),
    yotManager: await sign({ sub: 'yot-manager', name: 'Grace', agency_id: 'demo-yot', roles: ['manager'] }),
    close: () => server.close(),
  };
}

/** Times `fn` `repeats` times after 3 unreported warm-ups; returns the latency summary in ms. */
async function timed(repeats, fn) {
  for (let i = 0; i < 3; i++) await fn();
  const ms = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return latencySummary(ms);
}

async function get(service, token, path, accept = 'application/json') {
  const response = await fetch(`http://127.0.0.1:${service.port}${path}`, {
    headers: { authorization: `Bearer ${token}`, accept },
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body.slice(0, 300)}`);
  return body;
}

async function main() {
  const cleanup = new Cleanup(log);
  process.once('SIGINT', () => void cleanup.run().finally(() => process.exit(130)));
  try {
    const issuer = await startIssuer();
    cleanup.add('issuer', () => issuer.close());
    await ensureDatabase(opts['pg-url'], names.database);
    if (!opts['keep-database']) {
      cleanup.add(`database ${names.database}`, () => dropDatabase(opts['pg-url'], names.database));
    }
    const nc = await connect({ servers: opts['nats-url'] });
    const jsm = await jetstreamManager(nc);
    cleanup.add(`stream ${names.stream}`, async () => {
      await jsm.streams.delete(names.stream).catch(() => false);
      await nc.close();
    });
    const service = new ReferralsService({
      names,
      pgUrl: opts['pg-url'],
      natsUrl: opts['nats-url'],
      issuer,
      logFile: `${REPO_ROOT}bench/results/parenting-audit-${stamp}.service.log`,
      entry: `${REPO_ROOT}services/parenting/dist/main.js`,
      readyPath: '/health/ready',
    });
    // The expiry scan must not run during the measurement: one scan at start, on an empty database.
    process.env.DEADLINE_SCAN_INTERVAL_MS = '86400000';
    await service.start();
    cleanup.add('service', () => service.stop());
    log(`service pid ${service.pid} on port ${service.port}; database ${names.database}`);

    const db = new pg.Client({ connectionString: `${opts['pg-url']}/${names.database}` });
    await db.connect();
    cleanup.add('bench client', () => db.end());
    const t0 = performance.now();
    const counts = await seed(db, { orders: Number(opts.orders), records: Number(opts.records) }, log);
    log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);

    const repeats = Number(opts.repeats);
    const range = `from=${opts.from}&to=${opts.to}`;
    const memBefore = memoryMiB(service.pid);
    const baton = {
      consistencyYear: await timed(repeats, () => get(service, issuer.auditor, `/v1/audit/consistency?${range}`)),
      exceptionsAllAgencies: await timed(repeats, () => get(service, issuer.auditor, '/v1/audit/exceptions')),
      exceptionsOneAgency: await timed(repeats, () => get(service, issuer.yotManager, '/v1/audit/exceptions')),
      exceptionsCsv: await timed(repeats, () =>
        get(service, issuer.auditor, '/v1/audit/exceptions?format=csv&limit=1000', 'text/csv'),
      ),
    };
    const memAfter = memoryMiB(service.pid);
    const floor = {
      consistencyYear: await timed(repeats, () => db.query(FLOOR_CONSISTENCY, ['demo', opts.from, opts.to])),
      exceptionsAllAgencies: await timed(repeats, () =>
        db.query(FLOOR_EXCEPTIONS, ['demo', new Date(), new Date().toISOString().slice(0, 10)]),
      ),
    };
    const sample = JSON.parse(await get(service, issuer.auditor, `/v1/audit/consistency?${range}`));
    const target = Number(opts['target-ms']);
    const verdict = (s) => (s.p99 <= target ? 'PASS' : 'FAIL');
    const results = {
      machine: machineTag(),
      names,
      counts,
      baton,
      floor,
      memory: { before: memBefore, after: memAfter },
      sample,
    };
    const out = `${REPO_ROOT}bench/results/parenting-audit-${stamp}.json`;
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

    const row = (name, s, f) =>
      `| ${name} | ${s.p50} | ${s.p99} | ${s.max} | ${f ? `${f.p50} / ${f.p99}` : '—'} | ${verdict(s)} |`;
    const lines = [
      `parenting-audit: ${counts.orders} orders, ${counts.compliance} compliance records, ${counts.enforcement_cases} enforcement cases; ${repeats} timed requests each (ms)`,
      '| read | p50 | p99 | max | floor (SQL only) p50 / p99 | ≤ ' + target + ' ms |',
      '|---|---|---|---|---|---|',
      row('consistency report, one year, all agencies', baton.consistencyYear, floor.consistencyYear),
      row('exceptions, all kinds, all agencies (first page)', baton.exceptionsAllAgencies, floor.exceptionsAllAgencies),
      row('exceptions, one agency (manager)', baton.exceptionsOneAgency),
      row('exceptions as CSV (1000 rows)', baton.exceptionsCsv),
      `service RSS ${memAfter.rss} MiB (peak ${memAfter.hwm} MiB; before the reads ${memBefore.rss} MiB)`,
      `sample: ${sample.agencies.map((a) => `${a.holdingAgencyKind} ${a.breaches} breaches, warning ${a.shareWrittenWarning}, prosecution ${a.shareProsecution}, no action ${a.shareNoAction}, median ${a.medianWorkingDaysBreachToDecision} wd`).join('; ')}`,
      `results: ${out}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await cleanup.run();
  }
}

main().catch((error) => {
  log(error.stack ?? String(error));
  process.exitCode = 1;
});
