import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { MIGRATIONS } from './index.ts';

describe('migration 004: stories', () => {
  it('upgrades a version-3 library: articles keep their state and wait for clustering', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 3));
    db.prepare("INSERT INTO feeds (id, url, title, created_at) VALUES (1, 'https://e.com/f', 'F', 0)").run();
    db.prepare(
      "INSERT INTO articles (id, feed_id, identity, title, published_at, arrived_at, content_hash) VALUES (7, 1, 'id:x', 'Kept', 0, 0, 'h')",
    ).run();
    db.prepare('INSERT INTO article_state (article_id, bookmarked) VALUES (7, 1)').run();
    expect(migrate(db, MIGRATIONS.slice(0, 4))).toBe(4);
    expect(db.prepare('SELECT a.story_id, st.bookmarked FROM articles a JOIN article_state st ON st.article_id = a.id').get()).toEqual({
      story_id: null,
      bookmarked: 1,
    });
    // Deleting an article takes its fingerprint with it.
    db.prepare("INSERT INTO article_fingerprints VALUES (7, 0, 'kept 1')").run();
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM articles WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) FROM article_fingerprints').pluck().get()).toBe(0);
  });
});
