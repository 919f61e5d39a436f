// Runs the hand-written floor (/work/shared/floor/e2e-floor.js) at the same rates, in the same run, and reads
// its JSON lines. The shared copy is read-only, so it is copied to bench/.floor/ (git-ignored), where Node
// resolves its dependencies (pg, @nats-io/*) from the repository's own node_modules.
import { spawn } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { isSustained } from './options.js';
import { REPO_ROOT, ensureDatabase, freePort } from './service.js';

const SHARED_FLOOR = '/work/shared/floor';
const FLOOR_DIR = `${REPO_ROOT}bench/.floor`;
const FLOOR_DATABASE = 'limits';

export const FLOOR_VARIANTS = {
  cte: ['--api-tx', 'cte', '--prepared'],
  multi: ['--api-tx', 'multi'],
};

function prepareFloor() {
  if (!existsSync(`${SHARED_FLOOR}/e2e-floor.js`)) throw new Error(`${SHARED_FLOOR}/e2e-floor.js not found`);
  for (const f of ['e2e-floor.js', 'package.json', 'lib', 'pg']) {
    cpSync(`${SHARED_FLOOR}/${f}`, `${FLOOR_DIR}/${f}`, { recursive: true, force: true });
  }
}

/** The floor's line in this benchmark's terms, judged by the same definition of sustained. */
function normalise(line, opts) {
  const r = {
    rate: line.rate,
    sent: line.sent,
    http_201: line.http_201,
    http_non201: line.http_non2xx,
    http_errors: line.http_errors,
    gen_skipped: line.gen_skipped,
    http_unanswered: 0,
    http_rps: line.http_rps,
    e2e_rps: line.e2e_rps,
    e2e_missing: line.e2e_missing,
    drain_ms: line.drain_ms,
    http_latency_ms: line.http_latency_ms,
    e2e_latency_ms: line.e2e_latency_ms,
    proc_cpu_pct_of_core: line.proc_cpu_pct_of_core,
    floor_own_sustained: line.sustained,
  };
  return { ...r, sustained: isSustained(r, opts), raw: line };
}

/** One floor process over several rates; resolves with its lines (a failed run yields what it printed). */
async function runFloorOnce(variant, rates, opts, log) {
  const args = ['e2e-floor.js', '--rates', rates.join(','), '--duration', String(opts.duration)];
  args.push(...FLOOR_VARIANTS[variant], '--api-port', String(await freePort()), '--drain-timeout', '20');
  log(`  floor[${variant}] $ node ${args.join(' ')}`);
  // Own process group, so a time-out can stop the floor's api/relay/consumer children with it.
  const child = spawn(process.execPath, args, { cwd: FLOOR_DIR, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const lines = [];
  createInterface({ input: child.stdout }).on('line', (l) => {
    if (!l.startsWith('{')) return;
    const parsed = normalise(JSON.parse(l), opts);
    lines.push(parsed);
    log(
      `  floor[${variant}] ${parsed.rate}/s: ${parsed.http_rps}/s achieved, e2e p99 ${parsed.e2e_latency_ms.p99} ms,` +
        ` sustained ${parsed.sustained} (floor's own verdict ${parsed.floor_own_sustained})`,
    );
  });
  child.stderr.on('data', (c) => process.stderr.write(`  floor[${variant}] ${c}`));
  const limitMs = (rates.length * (opts.duration + 25) + 60) * 1000;
  const timer = setTimeout(() => {
    log(`  floor[${variant}] did not finish within ${limitMs / 1000} s; stopping it`);
    process.kill(-child.pid, 'SIGTERM');
    setTimeout(() => child.exitCode === null && process.kill(-child.pid, 'SIGKILL'), 5000).unref();
  }, limitMs);
  // Detached, the floor does not see the terminal's Ctrl-C: pass it on, then stop as the Baton half does.
  const onSignal = () => {
    process.kill(-child.pid, 'SIGTERM');
    child.once('exit', () => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const code = await new Promise((resolve) => child.once('exit', resolve));
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  clearTimeout(timer);
  if (code !== 0) log(`  floor[${variant}] exited with ${code}`);
  return lines.map((l) => ({ variant, ...l }));
}

/**
 * Runs each floor variant at Baton's rates; with find-max, keeps stepping the first variant up one rate at a
 * time while it still sustains, so the floor's own highest sustained rate is known too.
 */
export async function runFloor(rates, opts, log) {
  prepareFloor();
  await ensureDatabase(opts.pgUrl, FLOOR_DATABASE);
  const results = {};
  for (const [i, variant] of opts.floorTx.entries()) {
    if (!FLOOR_VARIANTS[variant]) throw new Error(`unknown floor variant ${variant} (cte or multi)`);
    const lines = await runFloorOnce(variant, rates, opts, log);
    if (i === 0 && opts.findMax) {
      let last = lines.at(-1);
      while (last?.sustained && last.rate + opts.rateStep <= opts.maxRate) {
        [last] = await runFloorOnce(variant, [last.rate + opts.rateStep], opts, log);
        if (last) lines.push(last);
      }
    }
    results[variant] = lines;
  }
  return results;
}
