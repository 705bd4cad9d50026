import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_POLL_MS, MIN_POLL_MS, nextPollDelay } from './poll-interval.ts';

const MIN = 60_000;

describe('poll intervals', () => {
  it('uses the interval, stretched by ttl or max-age, within bounds', () => {
    expect(nextPollDelay(30, {})).toBe(30 * MIN);
    expect(nextPollDelay(30, { ttlMinutes: 120 })).toBe(120 * MIN);
    expect(nextPollDelay(30, { maxAgeSeconds: 3600 })).toBe(60 * MIN);
    expect(nextPollDelay(30, { ttlMinutes: 100_000 })).toBe(6 * 60 * MIN);
    expect(nextPollDelay(1, {})).toBe(MIN_POLL_MS);
    expect(nextPollDelay(100_000, {})).toBe(MAX_POLL_MS);
  });

  it('backs off exponentially after failures, and longer when the server asks', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, null) / MIN)).toEqual([5, 10, 20, 40]);
    expect(backoffDelay(30, null)).toBe(MAX_POLL_MS);
    expect(backoffDelay(1, 7200)).toBe(7200_000);
  });
});
