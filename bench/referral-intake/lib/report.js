// Human-readable tables, the comparison with the floor, the targets, and the results file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const TARGETS = {
  e2eP99At100Ms: 50,
  sustainedRate: 300,
  // Issue 18 (headroom), each against the floor's first variant in the same run.
  sustainedOfFloor: 0.6,
  cpuPerReferralOfFloor: 2,
  headroomE2eP99At100Ms: 12,
};

const fmt = (v, digits = 1) =>
  v == null || Number.isNaN(v) ? '-' : typeof v === 'number' ? v.toFixed(digits) : String(v);
const pad = (cells, widths) => cells.map((c, i) => String(c).padStart(widths[i])).join('  ');

export function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  return [
    pad(headers, widths),
    pad(
      widths.map((w) => '-'.repeat(w)),
      widths,
    ),
    ...rows.map((r) => pad(r, widths)),
  ].join('\n');
}

const BATON_HEADERS = [
  'offered/s',
  'achieved/s',
  'http p50',
  'http p99',
  'e2e p50',
  'e2e p99',
  'errors',
  'drain ms',
  'sustained',
  'RSS max MiB',
  'cpu% svc',
  'pg(bench)',
  'pg(all)',
  'nats',
  'loadgen',
  'consumer',
];

export function batonRow(r) {
  const cpu = r.proc_cpu_pct_of_core;
  return [
    r.rate,
    r.http_rps,
    fmt(r.http_latency_ms.p50),
    fmt(r.http_latency_ms.p99),
    fmt(r.e2e_latency_ms.p50),
    fmt(r.e2e_latency_ms.p99),
    r.errors_total,
    r.drain_ms,
    r.sustained ? 'yes' : 'NO',
    fmt(r.memory.rss_max_mib),
    cpu.service,
    cpu.postgres_bench_db,
    cpu.postgres_all,
    cpu['nats-server'],
    cpu.loadgen,
    cpu.consumer,
  ];
}

export function batonTable(results) {
  return table(BATON_HEADERS, results.map(batonRow));
}

export const highestSustained = (lines) => Math.max(0, ...lines.filter((l) => l.sustained).map((l) => l.rate));

const ratio = (a, b) => (a == null || b == null || b === 0 ? null : +(a / b).toFixed(2));

/** CPU ms per referral (pct of a core x 10 / rate): where each spends its time. */
function cpuPerReferral(b, f) {
  const ms = (pct, rate) => (pct == null ? null : +((pct * 10) / rate).toFixed(2));
  const bc = b.proc_cpu_pct_of_core;
  const fc = f.proc_cpu_pct_of_core;
  return {
    // Baton's service process does what the floor's api and relay processes do between them.
    baton_app_cpu_ms_per_referral: ms(bc.service, b.rate),
    floor_app_cpu_ms_per_referral: ms(fc.api + fc.relay, f.rate),
    // The floor counts every postgres process on the machine; Baton only the bench database's backends.
    baton_pg_cpu_ms_per_referral: ms(bc.postgres_bench_db, b.rate),
    floor_pg_cpu_ms_per_referral: ms(fc.postgres, f.rate),
  };
}

/** Per rate: Baton against each floor variant (e2e p99 ratio: Baton / floor, higher is slower). */
export function comparison(baton, floor) {
  const rows = [];
  for (const b of baton) {
    for (const [variant, lines] of Object.entries(floor)) {
      const f = lines.find((l) => l.rate === b.rate);
      if (!f) continue;
      rows.push({
        rate: b.rate,
        floor: variant,
        baton_e2e_p99_ms: b.e2e_latency_ms.p99,
        floor_e2e_p99_ms: f.e2e_latency_ms.p99,
        e2e_p99_ratio: ratio(b.e2e_latency_ms.p99, f.e2e_latency_ms.p99),
        baton_http_p99_ms: b.http_latency_ms.p99,
        floor_http_p99_ms: f.http_latency_ms.p99,
        baton_achieved: b.http_rps,
        floor_achieved: f.http_rps,
        throughput_ratio: ratio(b.http_rps, f.http_rps),
        baton_sustained: b.sustained,
        floor_sustained: f.sustained,
        ...cpuPerReferral(b, f),
      });
    }
  }
  return rows;
}

export function comparisonTable(rows) {
  const headers = [
    'rate/s',
    'floor',
    'e2e p99 baton',
    'e2e p99 floor',
    'ratio',
    'http p99 baton',
    'http p99 floor',
    'achieved baton',
    'achieved floor',
    'ratio',
    'sustained b/f',
    'app cpu ms/ref b/f',
    'pg cpu ms/ref b/f',
  ];
  return table(
    headers,
    rows.map((r) => [
      r.rate,
      r.floor,
      fmt(r.baton_e2e_p99_ms),
      fmt(r.floor_e2e_p99_ms),
      fmt(r.e2e_p99_ratio, 2),
      fmt(r.baton_http_p99_ms),
      fmt(r.floor_http_p99_ms),
      r.baton_achieved,
      r.floor_achieved,
      fmt(r.throughput_ratio, 2),
      `${r.baton_sustained ? 'yes' : 'no'}/${r.floor_sustained ? 'yes' : 'no'}`,
      `${fmt(r.baton_app_cpu_ms_per_referral, 2)}/${fmt(r.floor_app_cpu_ms_per_referral, 2)}`,
      `${fmt(r.baton_pg_cpu_ms_per_referral, 2)}/${fmt(r.floor_pg_cpu_ms_per_referral, 2)}`,
    ]),
  );
}

export function targets(baton, floor = {}) {
  const at100 = baton.find((r) => r.rate === 100);
  const p99 = at100?.e2e_latency_ms.p99 ?? null;
  const best = highestSustained(baton);
  return [
    {
      target: `at 100/s, p99 POST->consumed <= ${TARGETS.e2eP99At100Ms} ms`,
      measured: p99 == null ? 'not measured (100/s not in --rates)' : `${p99} ms`,
      result: p99 == null ? 'NOT MEASURED' : p99 <= TARGETS.e2eP99At100Ms && at100.sustained ? 'PASS' : 'FAIL',
    },
    {
      target: `sustains >= ${TARGETS.sustainedRate} referrals/s`,
      measured: best ? `highest sustained ${best}/s` : 'no rate sustained',
      result: best >= TARGETS.sustainedRate ? 'PASS' : 'FAIL',
    },
    ...headroomTargets(baton, floor),
  ];
}

/**
 * Issue 18's targets, against the floor's first variant in the same run: the highest sustained rate at least 0.6 of
 * the floor's; CPU per referral (the service process against the floor's api + relay) at most twice the floor's at
 * the highest rate both sustained; POST->consumed p99 at 100/s at most 12 ms.
 */
function headroomTargets(baton, floor) {
  const [variant, floorLines] = Object.entries(floor)[0] ?? [];
  const at100 = baton.find((r) => r.rate === 100);
  const p99 = at100?.e2e_latency_ms.p99 ?? null;
  const e2e = {
    target: `at 100/s, p99 POST->consumed <= ${TARGETS.headroomE2eP99At100Ms} ms (issue 18)`,
    measured: p99 == null ? 'not measured (100/s not in --rates)' : `${p99} ms`,
    result: p99 == null ? 'NOT MEASURED' : p99 <= TARGETS.headroomE2eP99At100Ms && at100.sustained ? 'PASS' : 'FAIL',
  };
  if (!floorLines?.length) {
    const skipped = { measured: 'the floor did not run', result: 'NOT MEASURED' };
    return [
      { target: `highest sustained >= ${TARGETS.sustainedOfFloor} x the floor's (issue 18)`, ...skipped },
      { target: `CPU per referral <= ${TARGETS.cpuPerReferralOfFloor} x the floor's (issue 18)`, ...skipped },
      e2e,
    ];
  }
  const best = highestSustained(baton);
  const floorBest = highestSustained(floorLines);
  const bothSustained = baton
    .filter((b) => b.sustained && floorLines.some((f) => f.rate === b.rate && f.sustained))
    .map((b) => b.rate);
  const cpuRate = bothSustained.length ? Math.max(...bothSustained) : null;
  const cpu =
    cpuRate == null
      ? null
      : cpuPerReferral(
          baton.find((b) => b.rate === cpuRate),
          floorLines.find((f) => f.rate === cpuRate),
        );
  const cpuRatio = cpu && ratio(cpu.baton_app_cpu_ms_per_referral, cpu.floor_app_cpu_ms_per_referral);
  return [
    {
      target: `highest sustained >= ${TARGETS.sustainedOfFloor} x the floor's (${variant}) (issue 18)`,
      measured: `Baton ${best}/s, floor ${floorBest}/s, ratio ${floorBest ? ratio(best, floorBest) : '-'}`,
      result: floorBest === 0 ? 'NOT MEASURED' : best >= TARGETS.sustainedOfFloor * floorBest ? 'PASS' : 'FAIL',
    },
    {
      target: `CPU per referral <= ${TARGETS.cpuPerReferralOfFloor} x the floor's (${variant}) (issue 18)`,
      measured:
        cpuRate == null
          ? 'no rate sustained by both'
          : `at ${cpuRate}/s: Baton ${cpu.baton_app_cpu_ms_per_referral} ms, floor ${cpu.floor_app_cpu_ms_per_referral} ms, ratio ${cpuRatio}`,
      result: cpuRatio == null ? 'NOT MEASURED' : cpuRatio <= TARGETS.cpuPerReferralOfFloor ? 'PASS' : 'FAIL',
    },
    e2e,
  ];
}

export function writeResults(file, results) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
