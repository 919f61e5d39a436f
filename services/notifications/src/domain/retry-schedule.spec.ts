import { afterFailure } from './retry-schedule.js';

const policy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 10_000 };

describe('retry schedule', () => {
  it('doubles the delay each attempt, with jitter of up to the delay again', () => {
    for (const [attempt, base] of [
      [1, 1_000],
      [2, 2_000],
      [3, 4_000],
    ]) {
      const next = afterFailure(attempt, policy);
      expect(next.outcome).toBe('retry');
      const delay = next.outcome === 'retry' ? next.delayMs : 0;
      expect(delay).toBeGreaterThanOrEqual(base);
      expect(delay).toBeLessThanOrEqual(base * 2);
    }
  });

  it('never waits longer than the cap', () => {
    const next = afterFailure(4, { ...policy, maxDelayMs: 3_000 });
    expect(next).toEqual({ outcome: 'retry', delayMs: 3_000 });
  });

  it('gives up after the last attempt', () => {
    expect(afterFailure(5, policy)).toEqual({ outcome: 'dead' });
  });
});
