import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { initial } from './001-initial.ts';

function freshDb() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, [initial]);
  db.prepare("INSERT INTO feeds (id, url, created_at) VALUES (1, 'https://example.com/feed', 0)").run();
  return db;
}

/** As the writer does it: the article row, then its text in the index. */
const insertArticle = (db: Database.Database, id: number, title: string, body: string) => {
  db.prepare(
    "INSERT INTO articles (id, feed_id, identity, title, published_at, arrived_at, content_hash) VALUES (?, 1, ?, ?, 0, 0, 'h')",
  ).run(id, `id:${id}`, title);
  db.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)').run(id, title, body);
};

const search = (db: Database.Database, q: string) =>
  db
    .prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid')
    .all(q)
    .map((r) => (r as { rowid: number }).rowid);

describe('migration 001: initial schema', () => {
  it('creates the tables the app relies on', () => {
    const db = freshDb();
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all();
    const names = tables.map((t) => (t as { name: string }).name);
    for (const t of ['sections', 'feeds', 'articles', 'article_state', 'article_tombstones', 'settings', 'articles_fts']) {
      expect(names).toContain(t);
    }
  });

  it('indexes text without storing it twice, and drops an article’s entry when the article is deleted', () => {
    const db = freshDb();
    insertArticle(db, 1, 'Rwanda severs ties', 'Belgium expels diplomats');
    insertArticle(db, 2, 'Rollercoaster closes', 'The park said goodbye');
    expect(search(db, 'belgium')).toEqual([1]);
    expect(search(db, 'rwanda OR park')).toEqual([1, 2]);

    db.prepare('DELETE FROM articles WHERE id = 2').run();
    expect(search(db, 'rollercoaster')).toEqual([]);
    expect(search(db, 'park')).toEqual([]);
    // Contentless: nothing but the index is kept.
    expect(db.prepare('SELECT title FROM articles_fts WHERE rowid = 1').get()).toEqual({ title: null });
  });

  it('removes an article’s state with the article, and a section leaves its feeds unsectioned', () => {
    const db = freshDb();
    insertArticle(db, 1, 't', 'b');
    db.prepare('INSERT INTO article_state (article_id, bookmarked) VALUES (1, 1)').run();
    db.prepare("INSERT INTO sections (id, name) VALUES (5, 'Tech')").run();
    db.prepare('UPDATE feeds SET section_id = 5 WHERE id = 1').run();
    db.prepare('DELETE FROM sections WHERE id = 5').run();
    expect(db.prepare('SELECT section_id FROM feeds WHERE id = 1').get()).toEqual({ section_id: null });
    db.prepare('DELETE FROM articles WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM article_state').get()).toEqual({ n: 0 });
  });

  it('treats section names case-insensitively, so "tech" and "Tech" are one section', () => {
    const db = freshDb();
    db.prepare("INSERT INTO sections (name) VALUES ('Tech')").run();
    expect(() => db.prepare("INSERT INTO sections (name) VALUES ('tech')").run()).toThrow(/UNIQUE/);
  });
});
