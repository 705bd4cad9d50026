import type { Database } from 'better-sqlite3';

export interface RetentionPolicy {
  retentionDays: number;
  keepPerFeed: number;
}

/**
 * Removes articles older than the retention window, except bookmarked ones and each
 * feed's newest `keepPerFeed`. Each removed article leaves a tombstone, so the next sync
 * does not bring it back while the feed still lists it. Returns how many were removed.
 */
export function applyRetention(db: Database, policy: RetentionPolicy, now = Date.now()): number {
  const cutoff = now - policy.retentionDays * 24 * 60 * 60 * 1000;
  return db.transaction(() => {
    db.prepare(`
      CREATE TEMP TABLE IF NOT EXISTS expired (id INTEGER PRIMARY KEY, feed_id INTEGER, identity TEXT)`).run();
    db.prepare('DELETE FROM temp.expired').run();
    db.prepare(`
      INSERT INTO temp.expired (id, feed_id, identity)
      SELECT id, feed_id, identity FROM (
        SELECT a.id, a.feed_id, a.identity, a.published_at, st.bookmarked,
          row_number() OVER (PARTITION BY a.feed_id ORDER BY a.published_at DESC, a.id DESC) AS rank
        FROM articles a JOIN article_state st ON st.article_id = a.id
      ) WHERE published_at < @cutoff AND bookmarked = 0 AND rank > @keep`).run({ cutoff, keep: policy.keepPerFeed });
    db.prepare(`
      INSERT OR IGNORE INTO article_tombstones (feed_id, identity, deleted_at)
      SELECT feed_id, identity, @now FROM temp.expired`).run({ now });
    return db.prepare('DELETE FROM articles WHERE id IN (SELECT id FROM temp.expired)').run().changes;
  })();
}
