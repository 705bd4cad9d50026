import type { Database } from 'better-sqlite3';
import { writePreparedArticles } from '../library/article-writer.ts';
import type { HostLimiter } from './host-limiter.ts';
import { backoffDelay, nextPollDelay } from './poll-interval.ts';
import { type FeedReader, type FeedReadResult, readFeed, type Validators } from './read-feed.ts';

export interface FeedRecord {
  id: number;
  url: string;
  title: string;
  etag: string | null;
  last_modified: string | null;
  body_hash: string | null;
  consecutive_failures: number;
  poll_interval_minutes: number | null;
}

export type FeedSyncResult =
  | { feedId: number; status: 'ok'; added: number; updated: number }
  | { feedId: number; status: 'not-modified' }
  | { feedId: number; status: 'failed'; error: string; offline: boolean };

export interface FeedSyncOptions {
  now?: () => number;
  /** The global interval; a feed's own poll_interval_minutes overrides it. */
  intervalMinutes?: number;
  limiter?: HostLimiter;
  timeoutMs?: number;
  /** Where feeds are fetched and read: reader threads during a real sync, this thread otherwise. */
  reader?: FeedReader;
}

/**
 * Syncs one feed: reads it (fetch, parse, prepare — see read-feed.ts), then stores its
 * articles and records its health and when to fetch it next. A 304, or the same bytes
 * as last time, costs no parse and no write. A failure never touches stored articles:
 * it records the reason in words and backs off.
 */
export async function syncFeed(db: Database, feed: FeedRecord, options: FeedSyncOptions = {}): Promise<FeedSyncResult> {
  const now = options.now ?? (() => Date.now());
  const reader = options.reader ?? readFeed;
  const job = { url: feed.url, etag: feed.etag, lastModified: feed.last_modified, bodyHash: feed.body_hash, timeoutMs: options.timeoutMs };
  const result = await (options.limiter ? options.limiter.run(feed.url, () => reader(job)) : reader(job));
  return applyReadResult(db, feed, result, now(), feed.poll_interval_minutes ?? options.intervalMinutes ?? 30);
}

function applyReadResult(db: Database, feed: FeedRecord, result: FeedReadResult, at: number, interval: number): FeedSyncResult {
  if (result.kind === 'failed') {
    recordFailure(db, feed, at, result);
    return { feedId: feed.id, status: 'failed', error: result.message, offline: result.offline };
  }
  if (result.permanentUrl) moveFeed(db, feed.id, result.permanentUrl);
  if (result.kind === 'not-modified') {
    recordSuccess(db, feed.id, at, nextPollDelay(interval, {}), null);
    return { feedId: feed.id, status: 'not-modified' };
  }
  if (result.kind === 'unchanged') {
    recordSuccess(db, feed.id, at, nextPollDelay(interval, { maxAgeSeconds: result.maxAgeSeconds }), result.validators);
    return { feedId: feed.id, status: 'not-modified' };
  }
  const written = writePreparedArticles(db, feed.id, result.articles, { now: at, deferIndex: true });
  result.release?.();
  const delay = nextPollDelay(interval, { ttlMinutes: result.ttlMinutes, maxAgeSeconds: result.maxAgeSeconds });
  recordSuccess(db, feed.id, at, delay, result.validators, result.title, result.link);
  return { feedId: feed.id, status: 'ok', ...written };
}

function moveFeed(db: Database, feedId: number, url: string): void {
  // Another subscription may already use the new address; then keep the old one.
  const taken = db.prepare('SELECT 1 FROM feeds WHERE url = ? AND id <> ?').get(url, feedId);
  if (!taken) db.prepare('UPDATE feeds SET url = ? WHERE id = ?').run(url, feedId);
}

function recordSuccess(
  db: Database,
  feedId: number,
  at: number,
  delay: number,
  validators: Validators | null,
  title?: string | null,
  siteUrl?: string | null,
): void {
  db.prepare(`
    UPDATE feeds SET last_fetch_at = @at, last_success_at = @at, last_error = NULL, consecutive_failures = 0,
      next_fetch_at = @next,
      etag = CASE WHEN @hasValidators THEN @etag ELSE etag END,
      last_modified = CASE WHEN @hasValidators THEN @lastModified ELSE last_modified END,
      body_hash = coalesce(@bodyHash, body_hash),
      title = CASE WHEN title = '' AND @title IS NOT NULL THEN @title ELSE title END,
      site_url = coalesce(site_url, @siteUrl)
    WHERE id = @feedId`).run({
    at,
    next: at + delay,
    feedId,
    hasValidators: validators ? 1 : 0,
    etag: validators?.etag ?? null,
    lastModified: validators?.lastModified ?? null,
    bodyHash: validators?.bodyHash ?? null,
    title: title ?? null,
    siteUrl: siteUrl ?? null,
  });
}

function recordFailure(db: Database, feed: FeedRecord, at: number, failure: Extract<FeedReadResult, { kind: 'failed' }>): void {
  const failures = feed.consecutive_failures + 1;
  db.prepare(`
    UPDATE feeds SET last_fetch_at = ?, last_error = ?, consecutive_failures = ?, next_fetch_at = ?, gone = ?
    WHERE id = ?`).run(
    at,
    failure.message,
    failures,
    at + backoffDelay(failures, failure.retryAfterSeconds),
    failure.gone ? 1 : 0,
    feed.id,
  );
}
