import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { FetchError, fetchFeed } from '../feeds/fetch-feed.ts';
import { FeedParseError, parseFeed } from '../feeds/parse/index.ts';
import { writeFeedItems } from '../library/article-writer.ts';

export interface FeedRecord {
  id: number;
  url: string;
  title: string;
  etag: string | null;
  last_modified: string | null;
  body_hash: string | null;
  consecutive_failures: number;
}

export type FeedSyncResult =
  | { feedId: number; status: 'ok'; added: number; updated: number }
  | { feedId: number; status: 'not-modified' }
  | { feedId: number; status: 'failed'; error: string; offline: boolean };

const BASE_BACKOFF_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 24 * 60 * 60_000;

/**
 * Fetches, parses and stores one feed, then records its health. A failure never
 * touches the feed's stored articles: it only records the reason and schedules a retry.
 */
export async function syncFeed(db: Database, feed: FeedRecord, now = () => Date.now()): Promise<FeedSyncResult> {
  try {
    const outcome = await fetchFeed({ url: feed.url, etag: feed.etag, lastModified: feed.last_modified });
    if (outcome.permanentUrl) moveFeed(db, feed.id, outcome.permanentUrl);
    if (outcome.kind === 'not-modified') {
      recordSuccess(db, feed.id, now(), {});
      return { feedId: feed.id, status: 'not-modified' };
    }
    const bodyHash = crypto.createHash('sha1').update(outcome.bytes).digest('base64url');
    const validators = { etag: outcome.etag, lastModified: outcome.lastModified, bodyHash };
    if (bodyHash === feed.body_hash) {
      recordSuccess(db, feed.id, now(), validators);
      return { feedId: feed.id, status: 'not-modified' };
    }
    const parsed = parseFeed(outcome.bytes, { baseUrl: outcome.finalUrl, contentType: outcome.contentType ?? undefined });
    const written = writeFeedItems(db, feed.id, parsed.items, now());
    recordSuccess(db, feed.id, now(), validators, parsed.title, parsed.link);
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
  validators: { etag?: string | null; lastModified?: string | null; bodyHash?: string },
  title?: string | null,
  siteUrl?: string | null,
): void {
  db.prepare(`
    UPDATE feeds SET last_fetch_at = @at, last_success_at = @at, last_error = NULL, consecutive_failures = 0,
      next_fetch_at = NULL,
      etag = CASE WHEN @hasValidators THEN @etag ELSE etag END,
      last_modified = CASE WHEN @hasValidators THEN @lastModified ELSE last_modified END,
      body_hash = coalesce(@bodyHash, body_hash),
      title = CASE WHEN title = '' AND @title IS NOT NULL THEN @title ELSE title END,
      site_url = coalesce(site_url, @siteUrl)
    WHERE id = @feedId`).run({
    at,
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
  const backoff = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (failures - 1));
  const retryAfter = error?.retryAfterSeconds ? error.retryAfterSeconds * 1000 : 0;
  db.prepare(`
    UPDATE feeds SET last_fetch_at = ?, last_error = ?, consecutive_failures = ?, next_fetch_at = ?, gone = ?
    WHERE id = ?`).run(at, message, failures, at + Math.max(backoff, retryAfter), error?.gone ? 1 : 0, feed.id);
}
