import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api.ts';
import { commonFeedPaths, discoverFeedLinks } from '../feeds/discover.ts';
import { FetchError, type FetchOutcome, fetchFeed } from '../feeds/fetch-feed.ts';
import { decodeFeedBytes } from '../feeds/parse/decode.ts';
import { FeedParseError, type ParsedFeed, parseFeed } from '../feeds/parse/index.ts';
import { writeFeedItems } from '../library/article-writer.ts';
import { addFeed, ensureSection } from '../library/sections.ts';

type Fetched = Extract<FetchOutcome, { kind: 'ok' }>;

/**
 * Subscribes to a feed address, or to a site address whose page points at its feed.
 * The first fetch's articles are stored at once, so the new feed is never empty.
 */
export async function subscribe(db: Database, input: string, sectionName?: string): Promise<number> {
  const url = normalizeAddress(input);
  const { feedUrl, fetched, feed } = await locateFeed(url);
  const sectionId = sectionName ? ensureSection(db, sectionName) : null;
  const { id } = db
    .transaction(() => addFeed(db, { url: feedUrl, title: feed.title ?? new URL(feedUrl).host, siteUrl: feed.link, sectionId }))
    .immediate();
  writeFeedItems(db, id, feed.items);
  db.prepare('UPDATE feeds SET etag = ?, last_modified = ?, last_success_at = ?, last_fetch_at = ? WHERE id = ?').run(
    fetched.etag,
    fetched.lastModified,
    Date.now(),
    Date.now(),
    id,
  );
  return id;
}

function normalizeAddress(input: string): string {
  const trimmed = input.trim();
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    return new URL(withScheme).href;
  } catch {
    throw new ApiError('invalid-argument', `“${input}” is not a web address`);
  }
}

async function locateFeed(url: string): Promise<{ feedUrl: string; fetched: Fetched; feed: ParsedFeed }> {
  const first = await get(url);
  const asFeed = tryParse(first);
  if (asFeed) return { feedUrl: first.permanentUrl ?? url, fetched: first, feed: asFeed };

  const page = decodeFeedBytes(first.bytes, first.contentType ?? undefined);
  const candidates = [...discoverFeedLinks(page, first.finalUrl), ...commonFeedPaths(first.finalUrl)];
  for (const candidate of candidates) {
    const fetched = await get(candidate).catch(() => null);
    const feed = fetched && tryParse(fetched);
    if (fetched && feed) return { feedUrl: fetched.permanentUrl ?? candidate, fetched, feed };
  }
  throw new ApiError('feed-error', `No feed found at ${url}: the page is not a feed and does not link to one.`);
}

async function get(url: string): Promise<Fetched> {
  try {
    const outcome = await fetchFeed({ url, timeoutMs: 20_000 });
    if (outcome.kind !== 'ok') throw new FetchError('unexpected 304 answer to an unconditional request');
    return outcome;
  } catch (error) {
    if (error instanceof FetchError) throw new ApiError('feed-error', `Could not subscribe to ${url}: ${error.message}.`);
    throw error;
  }
}

function tryParse(fetched: Fetched): ParsedFeed | null {
  try {
    return parseFeed(fetched.bytes, { baseUrl: fetched.finalUrl, contentType: fetched.contentType ?? undefined });
  } catch (error) {
    if (error instanceof FeedParseError) return null;
    throw error;
  }
}
