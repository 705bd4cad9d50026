import type { Database, Statement } from 'better-sqlite3';
import type { ParsedItem } from '../feeds/parse/index.ts';
import { type PreparedArticle, prepareArticle } from './prepared-article.ts';

/** Dates further ahead than this are publisher mistakes: the article is dated on arrival instead. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export interface WriteResult {
  added: number;
  updated: number;
}

/** Parses nothing, writes: the convenient form for one feed's items on this thread. */
export function writeFeedItems(db: Database, feedId: number, items: ParsedItem[], now = Date.now()): WriteResult {
  return writePreparedArticles(db, feedId, items.map(prepareArticle), now);
}

/**
 * Stores a feed's articles in one transaction. New articles get an unread state row
 * and a full-text entry; changed articles get new content (and index entry) but keep
 * their read/bookmark state, which sync never writes; articles the user deleted stay
 * deleted (tombstones); unchanged articles cost one indexed lookup.
 */
export function writePreparedArticles(db: Database, feedId: number, articles: PreparedArticle[], now = Date.now()): WriteResult {
  const s = statements(db);
  const result: WriteResult = { added: 0, updated: 0 };
  db.transaction(() => {
    const seen = new Set<string>();
    for (const article of articles) {
      if (seen.has(article.identity)) continue;
      seen.add(article.identity);
      const existing = s.find.get(feedId, article.identity) as { id: number; content_hash: string } | undefined;
      if (existing?.content_hash === article.contentHash) continue;
      if (!existing && s.tombstoned.get(feedId, article.identity)) continue;
      const row = {
        url: article.url,
        title: article.title,
        author: article.author,
        contentHtml: article.contentHtml,
        excerpt: article.excerpt,
        thumbnailUrl: article.thumbnailUrl,
        updatedAt: article.updatedAt,
        contentHash: article.contentHash,
      };
      if (existing) {
        s.update.run({ ...row, id: existing.id });
        s.unindex.run(existing.id);
        s.index.run(existing.id, article.title, article.bodyText);
        result.updated++;
      } else {
        const dated = article.publishedAt ?? now;
        const publishedAt = dated > now + FUTURE_TOLERANCE_MS ? now : dated;
        const id = s.insert.run({ ...row, feedId, identity: article.identity, publishedAt, arrivedAt: now }).lastInsertRowid;
        s.insertState.run(id);
        s.index.run(id, article.title, article.bodyText);
        result.added++;
      }
    }
  })();
  return result;
}

interface WriterStatements {
  find: Statement;
  tombstoned: Statement;
  insert: Statement;
  insertState: Statement;
  update: Statement;
  index: Statement;
  unindex: Statement;
}

// Prepared once per connection: a sync writes hundreds of feeds through the same statements.
const cache = new WeakMap<Database, WriterStatements>();

function statements(db: Database): WriterStatements {
  let s = cache.get(db);
  if (!s) {
    s = {
      find: db.prepare('SELECT id, content_hash FROM articles WHERE feed_id = ? AND identity = ?'),
      tombstoned: db.prepare('SELECT 1 FROM article_tombstones WHERE feed_id = ? AND identity = ?'),
      insert: db.prepare(`
        INSERT INTO articles (feed_id, identity, url, title, author, content_html, excerpt, thumbnail_url,
                              published_at, updated_at, arrived_at, content_hash)
        VALUES (@feedId, @identity, @url, @title, @author, CAST(@contentHtml AS TEXT), @excerpt, @thumbnailUrl,
                @publishedAt, @updatedAt, @arrivedAt, @contentHash)`),
      insertState: db.prepare('INSERT OR IGNORE INTO article_state (article_id) VALUES (?)'),
      update: db.prepare(`
        UPDATE articles SET url = @url, title = @title, author = @author, content_html = CAST(@contentHtml AS TEXT),
          excerpt = @excerpt, thumbnail_url = @thumbnailUrl, updated_at = @updatedAt, content_hash = @contentHash,
          captured_at = NULL
        WHERE id = @id`),
      // Bodies may arrive as UTF-8 bytes; CAST stores them as text without a trip through JS strings.
      index: db.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, CAST(? AS TEXT))'),
      unindex: db.prepare('DELETE FROM articles_fts WHERE rowid = ?'),
    };
    cache.set(db, s);
  }
  return s;
}
