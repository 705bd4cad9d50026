import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { MIGRATIONS } from './index.ts';

describe('migration 010: stories regrouped', () => {
  it('the window’s articles wait to be grouped again; older stories and everyone’s state stay', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 9));
    const now = Date.now();
    db.prepare("INSERT INTO feeds (id, url, title, created_at) VALUES (1, 'https://e.com/f', 'F', 0)").run();
    const article = db.prepare(
      "INSERT INTO articles (id, feed_id, identity, title, published_at, arrived_at, content_hash, story_id) VALUES (?, 1, ?, 'T', ?, 0, 'h', ?)",
    );
    article.run(1, 'id:recent', now - 3_600_000, 1);
    article.run(2, 'id:recent-2', now - 7_200_000, 1);
    article.run(3, 'id:old', now - 10 * 86_400_000, 3);
    db.prepare("INSERT INTO article_fingerprints VALUES (1, ?, 'rwanda:1'), (2, ?, 'rwanda:1')").run(now - 3_600_000, now - 7_200_000);
    db.prepare('INSERT INTO stories (id, latest_at, articles) VALUES (1, ?, 2), (3, ?, 1)').run(now - 3_600_000, now - 10 * 86_400_000);
    db.prepare('INSERT INTO article_state (article_id, read, bookmarked) VALUES (1, 1, 1)').run();

    expect(migrate(db, MIGRATIONS.slice(0, 10))).toBe(10);
    expect(db.prepare('SELECT id, story_id AS story FROM articles ORDER BY id').all()).toEqual([
      { id: 1, story: null },
      { id: 2, story: null },
      { id: 3, story: 3 },
    ]);
    expect(db.prepare('SELECT count(*) FROM article_fingerprints').pluck().get()).toBe(0);
    expect(db.prepare('SELECT id, articles FROM stories').all()).toEqual([{ id: 3, articles: 1 }]);
    expect(db.prepare('SELECT read, bookmarked FROM article_state WHERE article_id = 1').get()).toEqual({ read: 1, bookmarked: 1 });
  });
});
