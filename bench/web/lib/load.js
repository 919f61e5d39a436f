// An open-loop load at a fixed rate: requests leave on schedule whether or not earlier ones were answered, so
// a slow page shows as latency, not as a politely lower rate.
import { nowMs, sleep } from '../../referral-intake/lib/proc.js';

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Runs `once()` `rate` times a second for `seconds`; each call resolves true when its answer was right. Returns
 * the latency figures (ms, from just before the call until its whole answer was read) and the errors.
 */
export async function openLoop(rate, seconds, once) {
  const latencies = [];
  let errors = 0;
  const inflight = [];
  const start = nowMs();
  const total = Math.round(rate * seconds);
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - nowMs();
    if (wait > 0) await sleep(wait);
    const t0 = nowMs();
    inflight.push(
      once(i).then(
        (ok) => {
          if (ok) latencies.push(nowMs() - t0);
          else errors += 1;
        },
        () => {
          errors += 1;
        },
      ),
    );
  }
  await Promise.all(inflight);
  const sorted = latencies.sort((a, b) => a - b);
  const round = (v) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    requests: total,
    ok: sorted.length,
    errors,
    p50_ms: round(percentile(sorted, 50)),
    p99_ms: round(percentile(sorted, 99)),
    max_ms: round(sorted.at(-1) ?? null),
  };
}
