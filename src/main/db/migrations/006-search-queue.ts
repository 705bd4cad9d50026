import type { Migration } from './migration.ts';

/**
 * Articles waiting for the full-text index. A sync lists new articles first and indexes
 * them after its feeds are in (see library/search-index.ts): the lists appear seconds
 * sooner, and the index is built in large batches, which costs FTS5 less than one small
 * segment per feed. A sync killed in between leaves its queue here; the next one drains it.
 */
export const searchQueue: Migration = {
  version: 6,
  name: 'search queue',
  up: `
    -- The title is read from the article when it is indexed; the body is the text to
    -- index (the article's words, not its HTML), which is stored nowhere else.
    CREATE TABLE articles_fts_pending (
      article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
      body TEXT NOT NULL
    );
  `,
};
