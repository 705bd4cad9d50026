import type { Database } from 'better-sqlite3';
import type { SyncProgress } from '../../shared/api.ts';
import { applyRetention } from '../library/retention.ts';
import { readSettings } from '../library/settings.ts';
import { type FeedRecord, type FeedSyncResult, syncFeed } from './feed-sync.ts';
import { HostLimiter } from './host-limiter.ts';
import type { FeedReader } from './read-feed.ts';

/** Feeds in flight at once, across hosts. */
const CONCURRENCY = 8;
/**
 * Feeds fetched from one host at once: what a browser opens to one host (6), since a
 * feed request is as light as a page's. Many subscriptions share a host (a publisher's
 * sections, a blog platform): at two, a warm sync of 300 feeds on one host took 0.5 s
 * longer, waiting in line for answers that are 304s.
 */
const PER_HOST = 6;

export interface SyncSummary extends SyncProgress {
  results: FeedSyncResult[];
  durationMs: number;
  /** Articles removed by the retention pass that follows the sync. */
  expired: number;
  /** True when every failure was a network failure: the machine is probably offline. */
  offline: boolean;
  /** Time spent putting the new articles into stories afterwards (sync thread only). */
  storiesMs?: number;
  /**
   * When each stage was complete (epoch ms; sync thread only): every fetched article in
   * the lists, all of them searchable, all of them in stories.
   */
  phases?: { listedAt: number; indexedAt: number; storiesAt: number };
}

export interface SyncOptions {
  /** Fetch every feed now, not only those that are due. */
  force?: boolean;
  now?: () => number;
  timeoutMs?: number;
  reader?: FeedReader;
}

/**
 * Syncs the web feeds that are due (all of them with `force`), a few at a time and at
 * most PER_HOST per host, reporting progress after each feed, then applies retention.
 * Feeds that are gone (HTTP 410) are never fetched again.
 */
export async function syncAll(db: Database, onProgress: (progress: SyncProgress) => void, options: SyncOptions = {}): Promise<SyncSummary> {
  const now = options.now ?? (() => Date.now());
  const started = now();
  const settings = readSettings(db);
  const feeds = db
    .prepare<{ now: number; force: number }, FeedRecord>(`
      SELECT id, url, title, etag, last_modified, body_hash, consecutive_failures, poll_interval_minutes FROM feeds
      WHERE gone = 0 AND unsubscribed_at IS NULL AND (url LIKE 'http://%' OR url LIKE 'https://%')
        AND (@force = 1 OR next_fetch_at IS NULL OR next_fetch_at <= @now)
      ORDER BY id`)
    .all({ now: started, force: options.force ? 1 : 0 });
  const progress: SyncProgress = { feedsDone: 0, feedsTotal: feeds.length, newArticles: 0, failures: 0, running: true, phase: 'feeds' };
  // A background pass with nothing due says nothing: it must not replace what the last
  // real sync reported (an offline notice, say) with "up to date".
  const report = (p: SyncProgress) => {
    if (feeds.length > 0 || options.force) onProgress({ ...p });
  };
  report(progress);

  const limiter = new HostLimiter(PER_HOST);
  const results: FeedSyncResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < feeds.length) {
      const feed = feeds[next++] as FeedRecord;
      const result = await syncFeed(db, feed, {
        now,
        limiter,
        intervalMinutes: settings.syncIntervalMinutes,
        timeoutMs: options.timeoutMs,
        reader: options.reader,
      });
      results.push(result);
      progress.feedsDone++;
      if (result.status === 'ok') progress.newArticles += result.added;
      if (result.status === 'failed') progress.failures++;
      report(progress);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, feeds.length) }, worker));

  const expired = applyRetention(db, settings, now());
  const failures = results.filter((r) => r.status === 'failed');
  progress.offline = failures.length > 0 && failures.length === results.length && failures.every((r) => r.status === 'failed' && r.offline);
  // The feeds are in; what follows (the index, stories) is the caller's: see sync-worker.ts.
  return { ...progress, offline: progress.offline, results, durationMs: now() - started, expired };
}
