/**
 * SQL that makes the trending window be clustered afresh, for a migration after which
 * fingerprints mean something else: the window's articles (those with a fingerprint)
 * lose their stories and fingerprints, and the story summaries are counted again from
 * the older articles, which keep their stories. The next clustering (the first sync, or
 * any command that lists stories) takes the window again.
 */
export const REGROUP_WINDOW = `
    UPDATE articles SET story_id = NULL WHERE id IN (SELECT article_id FROM article_fingerprints);
    DELETE FROM article_fingerprints;
    DELETE FROM stories;
    INSERT INTO stories (id, latest_at, articles)
      SELECT story_id, max(published_at), count(*) FROM articles
      WHERE story_id IS NOT NULL GROUP BY story_id
      HAVING max(published_at) >= (unixepoch() - 15 * 86400) * 1000;
`;
