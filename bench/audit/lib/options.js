// Command-line options of the audit benchmark.
import { parseArgs } from 'node:util';

export const USAGE = `node bench/audit/run.js [options]
  --events 20000          events published for the ingest measurement (4 in 5 access records, 1 in 5 referrals)
  --tenants 3             tenants the events are spread over (one chain each)
  --verify-entries 1000000  entries in the chain that verify walks (filled straight through SQL first)
  --deep                  also time a deep verification (every lookup column re-derived) of that chain
  --skip-verify           measure ingest only
  --skip-floor            do not run the hand-written floor
  --floor-rate 1000       offered rate for the floor (its consumer inserts one row per event)
  --floor-duration 10     seconds of floor load
  --nats nats://127.0.0.1:4222  --pg postgres://postgres@127.0.0.1:5432
  --out <file>            results JSON (default bench/results/audit-<timestamp>.json)`;

export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      events: { type: 'string', default: '20000' },
      tenants: { type: 'string', default: '3' },
      'verify-entries': { type: 'string', default: '1000000' },
      deep: { type: 'boolean', default: false },
      'skip-verify': { type: 'boolean', default: false },
      'skip-floor': { type: 'boolean', default: false },
      'floor-rate': { type: 'string', default: '1000' },
      'floor-duration': { type: 'string', default: '10' },
      nats: { type: 'string', default: 'nats://127.0.0.1:4222' },
      pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
      out: { type: 'string', default: '' },
      help: { type: 'boolean', default: false },
    },
  });
  const count = (name) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number\n${USAGE}`);
    return n;
  };
  return {
    help: values.help,
    events: count('events'),
    tenants: count('tenants'),
    verifyEntries: count('verify-entries'),
    deep: values.deep,
    skipVerify: values['skip-verify'],
    skipFloor: values['skip-floor'],
    floorRate: count('floor-rate'),
    floorDuration: count('floor-duration'),
    natsUrl: values.nats,
    pgUrl: values.pg,
    out: values.out,
  };
}

export const TARGETS = { ingestPerSecond: 2000, verifyMillionSeconds: 30 };
