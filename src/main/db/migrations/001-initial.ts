import type { Migration } from './migration.ts';

/**
 * The first schema: sections, feeds (with HTTP validators and health), articles
 * (content written by sync), article_state (the user's read/bookmark state, never
 * written by sync), tombstones, settings, and a contentless FTS5 index.
 * Times are integer milliseconds since the epoch (UTC).
 */
export const initial: Migration = {
  version: 1,
  name: 'initial schema',
  up: `
    CREATE TABLE sections (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      position INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE feeds (
      id INTEGER PRIMARY KEY,
      url TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL DEFAULT '',
      site_url TEXT,
      section_id INTEGER REFERENCES sections(id) ON DELETE SET NULL,
      etag TEXT,
      last_modified TEXT,
      body_hash TEXT,
      last_fetch_at INTEGER,
      last_success_at INTEGER,
      last_error TEXT,
      consecutive_failures INTEGER NOT NULL DEFAULT 0,
      next_fetch_at INTEGER,
      poll_interval_minutes INTEGER,
      gone INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX feeds_section ON feeds(section_id);

    CREATE TABLE articles (
      id INTEGER PRIMARY KEY,
      feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
      identity TEXT NOT NULL,
      url TEXT,
      title TEXT NOT NULL,
      author TEXT,
      content_html TEXT NOT NULL DEFAULT '',
      excerpt TEXT NOT NULL DEFAULT '',
      thumbnail_url TEXT,
      published_at INTEGER NOT NULL,
      updated_at INTEGER,
      arrived_at INTEGER NOT NULL,
      content_hash TEXT NOT NULL,
      UNIQUE (feed_id, identity)
    );
    CREATE INDEX articles_by_time ON articles(published_at, id);
    CREATE INDEX articles_by_feed_time ON articles(feed_id, published_at, id);

    CREATE TABLE article_state (
      article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
      read INTEGER NOT NULL DEFAULT 0,
      bookmarked INTEGER NOT NULL DEFAULT 0,
      read_at INTEGER,
      bookmarked_at INTEGER
    );
    CREATE INDEX article_state_unread ON article_state(article_id) WHERE read = 0;
    CREATE INDEX article_state_bookmarked ON article_state(bookmarked_at) WHERE bookmarked = 1;

    CREATE TABLE article_tombstones (
      feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
      identity TEXT NOT NULL,
      deleted_at INTEGER NOT NULL,
      PRIMARY KEY (feed_id, identity)
    ) WITHOUT ROWID;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;

    -- Contentless: the text is indexed but not stored twice (the article keeps its HTML).
    -- The writer inserts each article's plain text; deleting an article deletes its entry.
    CREATE VIRTUAL TABLE articles_fts USING fts5(
      title, body,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
      DELETE FROM articles_fts WHERE rowid = old.id;
    END;
  `,
};
