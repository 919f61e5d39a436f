// Human-readable tables, the comparison with the floor, the targets, and the results file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const TARGETS = { e2eP99At100Ms: 50, sustainedRate: 300 };

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

export function targets(baton) {
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
  ];
}

export function writeResults(file, results) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
