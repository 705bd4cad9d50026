import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test-support/temp-dir.ts';
import { NewsService } from '../../library/news-service.ts';
import { searchArticles } from '../../library/search.ts';
import { RESOURCES_DIR } from '../../repo-paths.ts';
import { DATABASE_FILE } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './index.ts';

const HOUR = 3_600_000;

/**
 * A library as version `version` of the app left it, written with that version's
 * schema (built from the migration files) and filled the way that version filled it.
 */
function libraryAt(version: number): string {
  const dataDir = tempDir();
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  migrate(db, MIGRATIONS.slice(0, version));
  const now = Date.now();
  db.exec(`
    INSERT INTO sections (id, name, position) VALUES (1, 'Africa', 0), (2, 'Tech', 1);
    INSERT INTO feeds (id, url, title, section_id, etag, created_at, last_success_at) VALUES
      (1, 'https://africa.example/feed', 'Africa Daily', 1, '"v1"', 0, ${now}),
      (2, 'https://tech.example/feed', 'Tech Weekly', 2, NULL, 0, ${now});
    INSERT INTO settings (key, value) VALUES ('readerFontSize', '21'), ('theme', '"dark"');
  `);
  const article = db.prepare(
    'INSERT INTO articles (id, feed_id, identity, url, title, content_html, excerpt, published_at, arrived_at, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const index = db.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)');
  const rows = [
    [1, 1, 'Rwanda severs diplomatic ties with Belgium', 'Kigali expels the envoy over the quartermaster ledger.'],
    [2, 1, 'Belgium answers Rwanda', 'Brussels recalls its ambassador.'],
    [3, 2, 'A new phone folds twice', 'The hinge is the story.'],
  ] as const;
  for (const [id, feed, title, body] of rows) {
    article.run(id, feed, `guid:${id}`, `https://e.example/${id}`, title, `<p>${body}</p>`, body, now - id * HOUR, now, `h${id}`);
    index.run(id, title, body);
  }
  db.exec(`
    INSERT INTO article_state (article_id, read, bookmarked, read_at, bookmarked_at) VALUES
      (1, 1, 1, ${now}, ${now}), (2, 1, 0, ${now}, NULL), (3, 0, 0, NULL, NULL);
  `);
  if (version >= 2) {
    // Unsubscribed, its bookmarked story kept (what unsubscribing leaves behind).
    db.exec(`INSERT INTO feeds (id, url, title, created_at, unsubscribed_at) VALUES (3, 'https://gone.example/feed', 'Gone', 0, ${now})`);
    article.run(4, 3, 'guid:4', 'https://gone.example/4', 'Kept after unsubscribing', '<p>Kept.</p>', 'Kept.', now - 9 * HOUR, now, 'h4');
    db.exec(`INSERT INTO article_state (article_id, read, bookmarked, bookmarked_at) VALUES (4, 1, 1, ${now - 1})`);
  }
  if (version >= 3) {
    db.exec(`
      UPDATE articles SET full_html = '<p>The whole story, with the quartermaster ledger.</p>', full_text_status = 'extracted', captured_at = ${now} WHERE id = 1;
      INSERT INTO images (url, key, content_type, bytes, stored_at, last_used_at) VALUES ('https://e.example/p.png', 'k', 'image/png', 10, ${now}, ${now});
      INSERT INTO article_images (article_id, url) VALUES (1, 'https://e.example/p.png');
    `);
  }
  db.close();
  return dataDir;
}

describe('upgrading a library from every earlier schema version, with data in it', () => {
  for (let version = 1; version < LATEST_SCHEMA_VERSION; version++) {
    it(`from version ${version}: nothing the person had is lost, and the app works on it`, async () => {
      const dataDir = libraryAt(version);
      const news = new NewsService({ dataDir, resourcesDir: RESOURCES_DIR, offlineCapture: false });
      expect((await news.getStatus()).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(news.db.pragma('integrity_check', { simple: true })).toBe('ok');

      expect((await news.listSections()).map((s) => s.name)).toEqual(expect.arrayContaining(['Africa']));
      const bookmarks = (await news.listArticles({ view: 'bookmarks' })).rows;
      expect(bookmarks.map((r) => r.title).sort()).toEqual(
        ['Rwanda severs diplomatic ties with Belgium', ...(version >= 2 ? ['Kept after unsubscribing'] : [])].sort(),
      );
      const unread = (await news.listArticles({ view: 'all' })).rows.filter((r) => !r.read).map((r) => r.title);
      expect(unread).toEqual(['A new phone folds twice']);
      expect((await news.listFeeds()).map((f) => f.title).sort()).toEqual(['Africa Daily', 'Tech Weekly']);
      const settings = await news.getSettings();
      expect(settings).toMatchObject({ readerFontSize: 21, theme: 'dark' });
      expect(searchArticles(news.db, 'quartermaster ledger').map((r) => r.id)).toContain(1);

      const seed = await news.getArticle(1);
      expect(seed?.contentHtml).toContain('quartermaster ledger');
      if (version >= 3) expect(seed?.fullText.status).toBe('extracted');
      const feeds = await news.listFeeds();
      expect(feeds.find((f) => f.url === 'https://africa.example/feed')).toMatchObject({ title: 'Africa Daily', sectionName: 'Africa' });
      await news.close();
    });
  }
});
