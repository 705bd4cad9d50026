import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { FetchError, fetchFeed } from '../feeds/fetch-feed.ts';
import { FeedParseError } from '../feeds/parse/index.ts';
import { writePreparedArticles } from '../library/article-writer.ts';
import { type FeedParser, parseInline } from './feed-parser.ts';
import type { HostLimiter } from './host-limiter.ts';
import { backoffDelay, nextPollDelay } from './poll-interval.ts';

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
  /** Where parsing happens: a pool of parse threads during a real sync, inline otherwise. */
  parser?: FeedParser;
}

/**
 * Fetches, parses and stores one feed, then records its health and when to fetch it
 * next. A feed that answers 304, or the same bytes as last time, costs no parse and no
 * write. A failure never touches stored articles: it records the reason in words and
 * backs off.
 */
export async function syncFeed(db: Database, feed: FeedRecord, options: FeedSyncOptions = {}): Promise<FeedSyncResult> {
  const now = options.now ?? (() => Date.now());
  const interval = feed.poll_interval_minutes ?? options.intervalMinutes ?? 30;
  try {
    const request = () => fetchFeed({ url: feed.url, etag: feed.etag, lastModified: feed.last_modified, timeoutMs: options.timeoutMs });
    const outcome = await (options.limiter ? options.limiter.run(feed.url, request) : request());
    if (outcome.permanentUrl) moveFeed(db, feed.id, outcome.permanentUrl);
    if (outcome.kind === 'not-modified') {
      recordSuccess(db, feed.id, now(), nextPollDelay(interval, {}), {});
      return { feedId: feed.id, status: 'not-modified' };
    }
    const bodyHash = crypto.createHash('sha1').update(outcome.bytes).digest('base64url');
    const validators = { etag: outcome.etag, lastModified: outcome.lastModified, bodyHash };
    if (bodyHash === feed.body_hash) {
      recordSuccess(db, feed.id, now(), nextPollDelay(interval, { maxAgeSeconds: outcome.maxAgeSeconds }), validators);
      return { feedId: feed.id, status: 'not-modified' };
    }
    const parse = options.parser ?? parseInline;
    const ready = await parse({ bytes: outcome.bytes, baseUrl: outcome.finalUrl, contentType: outcome.contentType });
    const written = writePreparedArticles(db, feed.id, ready.articles, now());
    const delay = nextPollDelay(interval, { ttlMinutes: ready.ttlMinutes, maxAgeSeconds: outcome.maxAgeSeconds });
    recordSuccess(db, feed.id, now(), delay, validators, ready.title, ready.link);
    return { feedId: feed.id, status: 'ok', ...written };
  } catch (error) {
    const message = error instanceof FetchError || error instanceof FeedParseError ? error.message : `unexpected error: ${String(error)}`;
    const fetchError = error instanceof FetchError ? error : null;
    recordFailure(db, feed, now(), message, fetchError);
    return { feedId: feed.id, status: 'failed', error: message, offline: fetchError?.offline ?? false };
  }
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
  validators: { etag?: string | null; lastModified?: string | null; bodyHash?: string },
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
    hasValidators: validators.bodyHash ? 1 : 0,
    etag: validators.etag ?? null,
    lastModified: validators.lastModified ?? null,
    bodyHash: validators.bodyHash ?? null,
    title: title ?? null,
    siteUrl: siteUrl ?? null,
  });
}

function recordFailure(db: Database, feed: FeedRecord, at: number, message: string, error: FetchError | null): void {
  const failures = feed.consecutive_failures + 1;
  db.prepare(`
    UPDATE feeds SET last_fetch_at = ?, last_error = ?, consecutive_failures = ?, next_fetch_at = ?, gone = ?
    WHERE id = ?`).run(at, message, failures, at + backoffDelay(failures, error?.retryAfterSeconds ?? null), error?.gone ? 1 : 0, feed.id);
}
