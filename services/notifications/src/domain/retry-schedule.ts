import retry from 'retry';

export interface RetryPolicy {
  /** Attempts in all, the first included; after the last failure the delivery is dead. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export type AfterFailure = { outcome: 'retry'; delayMs: number } | { outcome: 'dead' };

/**
 * What happens after attempt `attempts` (1-based) failed: exponential backoff (base × 2^(n-1), capped) with jitter
 * (× a random factor in [1, 2), the `retry` package's `randomize`), so receivers coming back are not hit by every
 * sender at the same instant; or dead after the last attempt.
 */
export function afterFailure(attempts: number, policy: RetryPolicy): AfterFailure {
  if (attempts >= policy.maxAttempts) return { outcome: 'dead' };
  const delayMs = retry.createTimeout(attempts - 1, {
    minTimeout: policy.baseDelayMs,
    maxTimeout: policy.maxDelayMs,
    factor: 2,
    randomize: true,
  });
  return { outcome: 'retry', delayMs };
}
