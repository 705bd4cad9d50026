import { parseFeed } from '../feeds/parse/index.ts';
import { type PreparedArticle, prepareArticle } from '../library/prepared-article.ts';

/** A fetched feed made ready for the writer. */
export interface ReadyFeed {
  title: string | null;
  link: string | null;
  ttlMinutes: number | null;
  articles: PreparedArticle[];
}

export interface FeedBody {
  bytes: Uint8Array;
  baseUrl: string;
  contentType: string | null;
}

/** Turns feed bytes into articles ready to write; throws FeedParseError for a non-feed. */
export type FeedParser = (body: FeedBody) => Promise<ReadyFeed>;

/** Parses on the calling thread: for one-off work and tests. */
export const parseInline: FeedParser = async (body) => readyFeed(body);

export function readyFeed({ bytes, baseUrl, contentType }: FeedBody): ReadyFeed {
  const feed = parseFeed(bytes, { baseUrl, contentType: contentType ?? undefined });
  return { title: feed.title, link: feed.link, ttlMinutes: feed.ttlMinutes ?? null, articles: feed.items.map(prepareArticle) };
}
