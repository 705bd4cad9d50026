import crypto from 'node:crypto';
import { FetchError, fetchFeed } from '../feeds/fetch-feed.ts';
import { FeedParseError, parseFeed } from '../feeds/parse/index.ts';
import { type PreparedArticle, prepareArticle } from '../library/prepared-article.ts';

/** What the sync knows of a feed before fetching it. */
export interface FeedJob {
  url: string;
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  timeoutMs?: number;
}

export interface Validators {
  etag: string | null;
  lastModified: string | null;
  bodyHash: string;
}

/** The outcome of fetching and reading one feed: everything the writer needs, nothing it must compute. */
export type FeedReadResult =
  | { kind: 'not-modified'; permanentUrl: string | null }
  | { kind: 'unchanged'; permanentUrl: string | null; validators: Validators; maxAgeSeconds: number | null }
  | {
      kind: 'read';
      permanentUrl: string | null;
      validators: Validators;
      maxAgeSeconds: number | null;
      title: string | null;
      link: string | null;
      ttlMinutes: number | null;
      articles: PreparedArticle[];
      /** Frees the bytes the articles point into, once they are written (see packed-text.ts). */
      release?: () => void;
    }
  | { kind: 'failed'; message: string; retryAfterSeconds: number | null; gone: boolean; offline: boolean };

/** Reads a feed (fetch, then parse and prepare), without a database: runs on the reader threads. */
export type FeedReader = (job: FeedJob) => Promise<FeedReadResult>;

/**
 * Fetches a feed conditionally and, when its bytes changed, parses it and prepares
 * its articles. Never throws: a failure comes back as words plus what it means for
 * scheduling.
 */
export const readFeed: FeedReader = async (job) => {
  try {
    const outcome = await fetchFeed({ url: job.url, etag: job.etag, lastModified: job.lastModified, timeoutMs: job.timeoutMs });
    if (outcome.kind === 'not-modified') return { kind: 'not-modified', permanentUrl: outcome.permanentUrl };
    const validators = {
      etag: outcome.etag,
      lastModified: outcome.lastModified,
      bodyHash: crypto.hash('sha1', outcome.bytes, 'base64url'),
    };
    const common = { permanentUrl: outcome.permanentUrl, validators, maxAgeSeconds: outcome.maxAgeSeconds };
    // Same bytes as last time (a server without validators): no parse, no write.
    if (validators.bodyHash === job.bodyHash) return { kind: 'unchanged', ...common };
    const feed = parseFeed(outcome.bytes, { baseUrl: outcome.finalUrl, contentType: outcome.contentType ?? undefined });
    return {
      kind: 'read',
      ...common,
      title: feed.title,
      link: feed.link,
      ttlMinutes: feed.ttlMinutes ?? null,
      articles: feed.items.map(prepareArticle),
    };
  } catch (error) {
    const fetchError = error instanceof FetchError ? error : null;
    const known = fetchError || error instanceof FeedParseError;
    return {
      kind: 'failed',
      message: known ? (error as Error).message : `unexpected error: ${String(error)}`,
      retryAfterSeconds: fetchError?.retryAfterSeconds ?? null,
      gone: fetchError?.gone ?? false,
      offline: fetchError?.offline ?? false,
    };
  }
};
