import type { Database } from 'better-sqlite3';
import type { SyncProgress } from '../../shared/api.ts';
import { type FeedRecord, type FeedSyncResult, syncFeed } from './feed-sync.ts';

const CONCURRENCY = 6;

export interface SyncSummary extends SyncProgress {
  results: FeedSyncResult[];
  durationMs: number;
}

/**
 * Syncs every subscribed web feed that is due (all of them when `force`), a few at a
 * time, reporting progress after each feed. Feeds that are gone (410) are skipped.
 */
export async function syncAll(
  db: Database,
  onProgress: (progress: SyncProgress) => void,
  options: { force?: boolean; now?: () => number } = {},
): Promise<SyncSummary> {
  const now = options.now ?? (() => Date.now());
  const started = now();
  const feeds = db
    .prepare<{ now: number; force: number }, FeedRecord>(`
      SELECT id, url, title, etag, last_modified, body_hash, consecutive_failures FROM feeds
      WHERE gone = 0 AND (url LIKE 'http://%' OR url LIKE 'https://%')
        AND (@force = 1 OR next_fetch_at IS NULL OR next_fetch_at <= @now)
      ORDER BY id`)
    .all({ now: started, force: options.force ? 1 : 0 });
  const progress: SyncProgress = { feedsDone: 0, feedsTotal: feeds.length, newArticles: 0, failures: 0, running: true };
  onProgress({ ...progress });
  const results: FeedSyncResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < feeds.length) {
      const feed = feeds[next++] as FeedRecord;
      const result = await syncFeed(db, feed, now);
      results.push(result);
      progress.feedsDone++;
      if (result.status === 'ok') progress.newArticles += result.added;
      if (result.status === 'failed') progress.failures++;
      onProgress({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, feeds.length) }, worker));
  progress.running = false;
  onProgress({ ...progress });
  return { ...progress, results, durationMs: now() - started };
}
