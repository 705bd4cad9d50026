import type { Migration } from './migration.ts';

/**
 * Stories: each article belongs to one (`story_id`, the id of the story's first
 * article; NULL until clustering has seen it). Recent articles keep their fingerprint —
 * weighted terms of headline and lead — so new ones can be matched against them.
 */
export const stories: Migration = {
  version: 4,
  name: 'stories',
  up: `
    ALTER TABLE articles ADD COLUMN story_id INTEGER;
    CREATE INDEX articles_by_story ON articles(story_id) WHERE story_id IS NOT NULL;
    CREATE INDEX articles_unclustered ON articles(published_at) WHERE story_id IS NULL;
    -- Trending reads a window of articles by time: everything it needs is in this index,
    -- so it never reads the rows themselves (their bodies are large).
    CREATE INDEX articles_trending ON articles(published_at, feed_id, story_id);

    CREATE TABLE article_fingerprints (
      article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
      published_at INTEGER NOT NULL,
      terms TEXT NOT NULL
    );
    CREATE INDEX article_fingerprints_time ON article_fingerprints(published_at);
  `,
};
