/** The normalized shape every feed format is read into (see ../../../../docs/feeds.md). */
export type FeedFormat = 'rss2' | 'rss1' | 'rss09' | 'atom1' | 'atom03' | 'json1';

export interface ParsedEnclosure {
  url: string;
  type: string | null;
  length: number | null;
}

export interface ParsedItem {
  id: string | null;
  title: string | null;
  link: string | null;
  /** ISO-8601 instant, or null when the feed gives no readable date. */
  published: string | null;
  updated: string | null;
  author: string | null;
  /** Plain text. */
  summary: string | null;
  /** The HTML body a reader shows, relative URLs already resolved. */
  contentHtml: string | null;
  categories: string[];
  enclosures: ParsedEnclosure[];
  thumbnail: string | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  description: string | null;
  language: string | null;
  items: ParsedItem[];
  /** RSS `<ttl>`: how many minutes the publisher says the feed may be cached. */
  ttlMinutes?: number | null;
}

export interface ParseOptions {
  /** Where the feed was fetched from: relative URLs resolve against it (after xml:base). */
  baseUrl?: string;
  /** The HTTP Content-Type header, for its charset. */
  contentType?: string;
}

/** The input is not a feed we can read; the message says why in words. */
export class FeedParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedParseError';
  }
}
