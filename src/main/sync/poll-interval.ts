/** Bounds on how often one feed is fetched, whatever the settings or the server say. */
export const MIN_POLL_MS = 5 * 60_000;
export const MAX_POLL_MS = 24 * 60 * 60_000;

/**
 * When to fetch a feed next after a success: its own interval (or the global one),
 * stretched by what the publisher asks (RSS ttl, Cache-Control max-age), within bounds.
 */
export function nextPollDelay(intervalMinutes: number, hints: { ttlMinutes?: number | null; maxAgeSeconds?: number | null }): number {
  const asked = Math.max((hints.ttlMinutes ?? 0) * 60_000, (hints.maxAgeSeconds ?? 0) * 1000);
  return Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, intervalMinutes * 60_000, Math.min(asked, 6 * 60 * 60_000)));
}

/** After `failures` consecutive failures: 5 min, 10, 20, … up to a day; Retry-After wins when longer. */
export function backoffDelay(failures: number, retryAfterSeconds: number | null): number {
  const backoff = Math.min(MAX_POLL_MS, MIN_POLL_MS * 2 ** Math.max(0, failures - 1));
  return Math.max(backoff, (retryAfterSeconds ?? 0) * 1000);
}
