import type { Migration } from './migration.ts';

/**
 * Offline capture: a per-feed full-text mode; per article the page's extracted text
 * (kept apart from the feed's own content, which sync may rewrite), whether and how
 * capture went; the image cache's index and which articles use which image (a
 * bookmarked article's images are never evicted).
 */
export const offlineCapture: Migration = {
  version: 3,
  name: 'offline capture',
  up: `
    ALTER TABLE feeds ADD COLUMN full_text TEXT NOT NULL DEFAULT 'auto' CHECK (full_text IN ('auto', 'always', 'never'));

    -- full_text_status: NULL until capture looked at the article, then
    -- 'feed' (the feed carries the whole text), 'extracted', 'failed' or 'skipped'.
    ALTER TABLE articles ADD COLUMN full_html TEXT;
    ALTER TABLE articles ADD COLUMN full_text_status TEXT;
    ALTER TABLE articles ADD COLUMN full_text_error TEXT;
    ALTER TABLE articles ADD COLUMN captured_at INTEGER;

    CREATE TABLE images (
      url TEXT PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      content_type TEXT,
      bytes INTEGER NOT NULL DEFAULT 0,
      stored_at INTEGER,
      last_used_at INTEGER NOT NULL,
      error TEXT
    );
    CREATE INDEX images_lru ON images(last_used_at) WHERE stored_at IS NOT NULL;

    CREATE TABLE article_images (
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      url TEXT NOT NULL,
      PRIMARY KEY (article_id, url)
    ) WITHOUT ROWID;
    CREATE INDEX article_images_url ON article_images(url);
  `,
};
