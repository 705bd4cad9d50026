import type { Migration } from './migration.ts';

/**
 * How far the full-text index is known to be complete. A sync lists new articles first
 * and indexes them after its feeds are in (see library/search-index.ts), queuing their
 * text in a scratch file beside the library; when the queue is drained, every article
 * up to `indexed_through` is in the index. A sync killed in between leaves articles past
 * it that the index lacks: the next sync finds them (they have no entry in the index's
 * docsize table) and indexes them from their stored HTML.
 */
export const searchQueue: Migration = {
  version: 6,
  name: 'search queue',
  up: `
    CREATE TABLE search_index_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      indexed_through INTEGER NOT NULL
    );
    INSERT INTO search_index_state (id, indexed_through) SELECT 1, coalesce(max(id), 0) FROM articles;
  `,
};
