import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate.ts';
import { initial } from './001-initial.ts';
import { unsubscribedFeeds } from './002-unsubscribed-feeds.ts';

describe('migration 002: unsubscribed feeds', () => {
  it('upgrades a version-1 library in place, keeping its feeds, articles and bookmarks', () => {
    const db = new Database(':memory:');
    migrate(db, [initial]);
    db.prepare("INSERT INTO feeds (id, url, title, created_at) VALUES (1, 'https://e.com/f', 'F', 0)").run();
    db.prepare(
      "INSERT INTO articles (id, feed_id, identity, title, published_at, arrived_at, content_hash) VALUES (7, 1, 'id:x', 'Kept', 0, 0, 'h')",
    ).run();
    db.prepare('INSERT INTO article_state (article_id, bookmarked) VALUES (7, 1)').run();

    expect(migrate(db, [initial, unsubscribedFeeds])).toBe(2);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT title, unsubscribed_at FROM feeds').get()).toEqual({ title: 'F', unsubscribed_at: null });
    expect(db.prepare('SELECT a.title, st.bookmarked FROM articles a JOIN article_state st ON st.article_id = a.id').get()).toEqual({
      title: 'Kept',
      bookmarked: 1,
    });
  });
});
