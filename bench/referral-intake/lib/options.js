// Command-line options and the definition of "sustained", printed with every run.
import { resolve } from 'node:path';

const DEFAULTS = {
  rates: '100,300',
  duration: 15,
  'find-max': true,
  'max-rate': 1000,
  'rate-step': 100,
  warmup: 3,
  'warmup-rate': 100,
  'drain-limit': 1,
  'max-e2e-p99': 1000,
  'drain-timeout': 20,
  'max-outstanding': 4000,
  'skip-floor': false,
  'floor-tx': 'cte,multi',
  nats: 'nats://127.0.0.1:4222',
  pg: 'postgres://postgres@127.0.0.1:5432',
  out: '',
  service: '',
  'ready-path': '/health/ready',
};

export const USAGE = `node bench/referral-intake/run.js [options]
  --rates 100,300        offered rates (referrals/s), each for --duration seconds
  --duration 15          seconds of load per rate
  --find-max / --no-find-max
                         after --rates, step up by --rate-step until a rate is not sustained (cap --max-rate)
  --max-rate 1000  --rate-step 100
  --warmup 3             seconds of unreported warm-up at --warmup-rate (default 100/s)
  --drain-limit 1        seconds after the load stops within which every event must be consumed
  --max-e2e-p99 1000     ms: a rate whose POST->consumed p99 exceeds this is not sustained (0: no bound)
  --skip-floor           do not run the hand-written floor for comparison
  --floor-tx cte,multi   floor variants: cte (one statement, prepared) and multi (BEGIN/INSERT/INSERT/COMMIT)
  --service <main.js>    service entry point (default services/referrals/dist/main.js)
  --ready-path <path>    the service is ready when GET <path> answers 200 (default /health/ready)
  --out <file>           results JSON (default bench/results/referral-intake-<timestamp>.json)`;

const isFalse = (v) => v === false || v === 'false' || v === '0' || v === 'no';

export function parseOptions(argv) {
  const o = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}\n${USAGE}`);
    if (a === '--help') {
      console.log(USAGE);
      process.exit(0);
    }
    const negated = a.startsWith('--no-');
    const key = a.slice(negated ? 5 : 2);
    if (!(key in DEFAULTS)) throw new Error(`unknown option ${a}\n${USAGE}`);
    if (negated) {
      o[key] = false;
      continue;
    }
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) o[key] = true;
    else {
      o[key] = v;
      i++;
    }
  }
  const num = (k) => Number(o[k]);
  return {
    rates: String(o.rates)
      .split(',')
      .map(Number)
      .filter((r) => r > 0),
    duration: num('duration'),
    findMax: !isFalse(o['find-max']),
    maxRate: num('max-rate'),
    rateStep: num('rate-step'),
    warmup: num('warmup'),
    warmupRate: num('warmup-rate'),
    drainLimitMs: num('drain-limit') * 1000,
    maxE2eP99Ms: num('max-e2e-p99'),
    drainTimeoutMs: num('drain-timeout') * 1000,
    maxOutstanding: num('max-outstanding'),
    skipFloor: o['skip-floor'] === true || o['skip-floor'] === 'true',
    floorTx: String(o['floor-tx']).split(',').filter(Boolean),
    natsUrl: o.nats,
    pgUrl: o.pg,
    out: o.out,
    readyPath: String(o['ready-path']),
    serviceEntry: o.service ? resolve(String(o.service)) : '',
  };
}

export const ACHIEVED_MIN = 0.95;
export const ERROR_RATE_MAX = 0.01;

export function sustainedDefinition(opts) {
  const lines = [
    `A rate R is SUSTAINED when, over ${opts.duration} s of open-loop arrivals at R/s, all of:`,
    `  (a) achieved >= ${ACHIEVED_MIN * 100}% of offered: 201 responses / load seconds >= ${ACHIEVED_MIN} x R`,
    `  (b) error rate < ${ERROR_RATE_MAX * 100}%: (non-201 + connection errors + requests the generator had to skip`,
    `      because ${opts.maxOutstanding} were outstanding + responses missing at drain timeout) / requests due`,
    `  (c) backlog drained: every accepted referral's event is consumed, the last within ${opts.drainLimitMs / 1000} s`,
    `      of the load stopping`,
  ];
  if (opts.maxE2eP99Ms > 0) {
    lines.push(
      `  (d) POST->consumed p99 <= ${opts.maxE2eP99Ms} ms: a backlog that builds during the load and clears within`,
      `      (c)'s limit once it stops (a starved outbox relay) is queueing, not keeping up`,
    );
  }
  return lines.join('\n');
}

/** Applies the definition above to one rate's counts. */
export function isSustained(r, opts) {
  const errors = r.http_non201 + r.http_errors + r.gen_skipped + r.http_unanswered;
  return (
    r.http_rps >= ACHIEVED_MIN * r.rate &&
    errors / Math.max(1, r.sent) < ERROR_RATE_MAX &&
    r.e2e_missing === 0 &&
    r.drain_ms <= opts.drainLimitMs &&
    (opts.maxE2eP99Ms <= 0 || (r.e2e_latency_ms.p99 ?? Infinity) <= opts.maxE2eP99Ms)
  );
}
