import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate.ts';
import { initial } from './001-initial.ts';
import { unsubscribedFeeds } from './002-unsubscribed-feeds.ts';
import { offlineCapture } from './003-offline-capture.ts';

describe('migration 003: offline capture', () => {
  it('upgrades a version-2 library in place: articles keep their state and wait for capture', () => {
    const db = new Database(':memory:');
    migrate(db, [initial, unsubscribedFeeds]);
    db.prepare("INSERT INTO feeds (id, url, title, created_at) VALUES (1, 'https://e.com/f', 'F', 0)").run();
    db.prepare(
      "INSERT INTO articles (id, feed_id, identity, title, published_at, arrived_at, content_hash) VALUES (7, 1, 'id:x', 'Kept', 0, 0, 'h')",
    ).run();
    db.prepare('INSERT INTO article_state (article_id, bookmarked, read) VALUES (7, 1, 1)').run();

    expect(migrate(db, [initial, unsubscribedFeeds, offlineCapture])).toBe(3);
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT full_text FROM feeds').get()).toEqual({ full_text: 'auto' });
    expect(
      db
        .prepare('SELECT a.title, a.captured_at, st.bookmarked, st.read FROM articles a JOIN article_state st ON st.article_id = a.id')
        .get(),
    ).toEqual({
      title: 'Kept',
      captured_at: null,
      bookmarked: 1,
      read: 1,
    });
    expect(() => db.prepare("UPDATE feeds SET full_text = 'sometimes'").run()).toThrow(/CHECK/);
  });
});
