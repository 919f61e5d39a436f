// Latency summaries, computed the same way as the floor's (nearest-rank percentiles).

export function percentile(sortedAsc, p) {
  if (!sortedAsc.length) return null;
  const idx = Math.min(sortedAsc.length - 1, Math.max(0, Math.ceil((p / 100) * sortedAsc.length) - 1));
  return sortedAsc[idx];
}

export function latencySummary(values) {
  const a = Float64Array.from(values).sort();
  const r = (v) => (v == null ? null : +v.toFixed(3));
  return {
    n: a.length,
    p50: r(percentile(a, 50)),
    p90: r(percentile(a, 90)),
    p99: r(percentile(a, 99)),
    max: r(a.length ? a[a.length - 1] : null),
    mean: r(a.length ? a.reduce((s, v) => s + v, 0) / a.length : null),
  };
}

/** Summary of memory samples (MiB): peak and mean resident size. */
export function memorySummary(samples) {
  const rss = samples.map((s) => s.rss).filter((v) => v != null);
  const hwm = samples.map((s) => s.hwm).filter((v) => v != null);
  return {
    rss_max_mib: rss.length ? Math.max(...rss) : null,
    rss_mean_mib: rss.length ? +(rss.reduce((s, v) => s + v, 0) / rss.length).toFixed(1) : null,
    hwm_mib: hwm.length ? Math.max(...hwm) : null,
  };
}
