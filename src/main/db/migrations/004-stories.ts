import type { Migration } from './migration.ts';

/**
 * Stories: each article belongs to one (`story_id`, the id of the story's first
 * article; NULL until clustering has seen it). Recent articles keep their fingerprint —
 * weighted terms of headline and lead — so new ones can be matched against them.
 * `stories` summarises each recent story for the trending query.
 */
export const stories: Migration = {
  version: 4,
  name: 'stories',
  up: `
    ALTER TABLE articles ADD COLUMN story_id INTEGER;
    -- A story's articles by time with their feeds: all that scoring one story reads.
    CREATE INDEX articles_by_story ON articles(story_id, published_at, feed_id) WHERE story_id IS NOT NULL;
    -- What the work after a sync reads by time — the trending window, the new articles to
    -- put into stories (story_id NULL), those to capture (captured_at NULL) — is all in
    -- this one index, so none of it reads the rows themselves (their bodies are large),
    -- and a new article costs one more index entry, not three.
    CREATE INDEX articles_recent ON articles(published_at, feed_id, story_id, captured_at);
    -- A feed's articles by time now carry their story too: trending in one section reads
    -- its feeds' recent articles from this index alone.
    DROP INDEX articles_by_feed_time;
    CREATE INDEX articles_by_feed_time ON articles(feed_id, published_at, id, story_id);

    CREATE TABLE article_fingerprints (
      article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
      published_at INTEGER NOT NULL,
      terms TEXT NOT NULL
    );
    CREATE INDEX article_fingerprints_time ON article_fingerprints(published_at);

    -- Each recent story's latest article and size, kept by clustering: an upper bound on
    -- its trending score, so the sidebar scores only the stories that could reach the top.
    CREATE TABLE stories (
      id INTEGER PRIMARY KEY,
      latest_at INTEGER NOT NULL,
      articles INTEGER NOT NULL
    );
    CREATE INDEX stories_latest ON stories(latest_at);
  `,
};
