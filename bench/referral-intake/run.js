#!/usr/bin/env node
// Referral intake benchmark: POST /v1/referrals -> referral + outbox row in one transaction -> relay -> JetStream
// -> durable pull consumer, under open-loop load, compared in the same run with the hand-written floor.
// Usage: node bench/referral-intake/run.js --help
import { mkdirSync } from 'node:fs';
import { runFloor } from './lib/floor.js';
import { Cleanup } from './lib/cleanup.js';
import { IntakeRun } from './lib/intake-run.js';
import { parseOptions, sustainedDefinition } from './lib/options.js';
import { machineTag } from './lib/proc.js';
import { batonTable, comparison, comparisonTable, highestSustained, targets, writeResults } from './lib/report.js';
import { REPO_ROOT, runNames } from './lib/service.js';

const log = (...a) => console.log(...a);
let opts;
try {
  opts = parseOptions(process.argv.slice(2));
} catch (e) {
  console.error(e.message);
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const resultsDir = `${REPO_ROOT}bench/results`;
mkdirSync(resultsDir, { recursive: true });
const resultsFile = opts.out || `${resultsDir}/referral-intake-${stamp}.json`;

/** The rates to offer: the given ones, then (with find-max) steps up while the last one was sustained. */
async function* offeredRates(lastSustained) {
  const given = [...opts.rates].sort((a, b) => a - b);
  yield* given;
  if (!opts.findMax) return;
  let rate = given.at(-1) ?? 0;
  while (lastSustained() && rate + opts.rateStep <= opts.maxRate) yield (rate += opts.rateStep);
}

async function runBaton() {
  const names = runNames();
  const cleanup = new Cleanup(log);
  const stopOnSignal = (sig) => {
    log(`\n${sig}: cleaning up`);
    cleanup.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const logFile = `${resultsDir}/referral-intake-${stamp}.service.log`;
  const run = new IntakeRun({ opts, names, cleanup, log, logFile });
  const lines = [];
  let error = null;
  let warmup = null;
  try {
    log(`Baton: database ${names.database}, stream ${names.stream}, subjects ${names.prefix}.>`);
    await run.setUp();
    log(`Baton: service pid ${run.service.pid} on 127.0.0.1:${run.service.port} (log: ${logFile})`);
    warmup = await run.warmUp();
    if (warmup.http_201 === 0) throw new Error(`warm-up: no referral accepted: ${JSON.stringify(warmup)}`);
    log(`Baton: warm-up ${opts.warmup} s at ${opts.warmupRate}/s done (${warmup.http_201}/${warmup.sent} accepted)\n`);
    for await (const rate of offeredRates(() => lines.at(-1)?.sustained)) {
      if (!run.serviceAlive) throw new Error(`service stopped:\n${run.service.tail.join('\n')}`);
      const line = await run.step(lines.length + 1, rate);
      lines.push(line);
      log(JSON.stringify(line));
      log(batonTable([line]));
      log('');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } catch (e) {
    error = e.message;
    log(`Baton: ${error}`);
  } finally {
    await cleanup.run();
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
  }
  return { names, service_log: logFile, warmup, lines, error };
}

log(`referral-intake benchmark ${new Date().toISOString()} ${JSON.stringify(machineTag())}`);
log(sustainedDefinition(opts));
log('e2e = POST->consumed: monotonic time from just before each POST leaves until its referral.received event');
log("reaches the benchmark's durable pull consumer (matched by the unique child family name in the event).");
log('CPU columns: % of one core during the load; pg(bench) = postgres backends on the bench database only,');
log('pg(all)/nats = every postgres/nats-server process on this (shared) machine.\n');

const baton = await runBaton();
const floorRates = baton.lines.length ? baton.lines.map((l) => l.rate) : [...opts.rates].sort((a, b) => a - b);
let floor = {};
let floorError = null;
if (!opts.skipFloor) {
  log(`\nFloor: ${opts.floorTx.join(', ')} at ${floorRates.join(', ')}/s`);
  try {
    floor = await runFloor(floorRates, opts, log);
  } catch (e) {
    floorError = e.message;
    log(`Floor: ${floorError}`);
  }
}

log('\n=== Baton referrals service ===');
log(baton.lines.length ? batonTable(baton.lines) : `no results${baton.error ? `: ${baton.error.split('\n')[0]}` : ''}`);
const compared = comparison(baton.lines, floor);
if (compared.length) {
  log(
    '\n=== Baton vs floor (ratio = Baton / floor; e2e ratio above 1 is slower, throughput ratio below 1 is less) ===',
  );
  log(comparisonTable(compared));
}
const highest = { baton: baton.lines.length ? highestSustained(baton.lines) : null };
for (const [variant, lines] of Object.entries(floor)) highest[`floor_${variant}`] = highestSustained(lines);
log(
  '\nHighest sustained rate (of those tried): ' +
    Object.entries(highest)
      .map(([k, v]) => `${k} ${v ?? '-'}/s`)
      .join(', '),
);
const verdicts = baton.lines.length ? targets(baton.lines, floor) : [];
log('\n=== Targets ===');
for (const t of verdicts) log(`${t.result.padEnd(12)} ${t.target} (${t.measured})`);
if (!verdicts.length) log('NOT MEASURED (the service did not run)');

writeResults(resultsFile, {
  bench: 'referral-intake',
  started: stamp,
  options: opts,
  definition: sustainedDefinition(opts),
  machine: machineTag(),
  baton,
  floor,
  floor_error: floorError,
  comparison: compared,
  highest_sustained: highest,
  targets: verdicts,
});
log(`\nresults: ${resultsFile}`);
process.exit(baton.error && !baton.lines.length ? 1 : 0);
