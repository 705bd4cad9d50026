import type { Migration } from './migration.ts';

/**
 * Fingerprints now hold the headline's phrases and short names (GM, UK), and stories
 * weigh a term by its burst (trending/story-clusterer.ts): the window's stories are
 * formed afresh, as schema 9 did. Its articles lose their stories and fingerprints; the
 * next clustering (the first sync, or any command that lists stories) takes them again.
 * Older articles keep their stories.
 */
export const regroupStories: Migration = {
  version: 10,
  name: 'regroup-stories',
  up: `
    UPDATE articles SET story_id = NULL WHERE id IN (SELECT article_id FROM article_fingerprints);
    DELETE FROM article_fingerprints;
    DELETE FROM stories;
    INSERT INTO stories (id, latest_at, articles)
      SELECT story_id, max(published_at), count(*) FROM articles
      WHERE story_id IS NOT NULL GROUP BY story_id
      HAVING max(published_at) >= (unixepoch() - 15 * 86400) * 1000;
  `,
};
