import type { Database, Statement } from 'better-sqlite3';
import type { ParsedItem } from '../feeds/parse/index.ts';
import { CAPTURE_WINDOW_MS } from '../offline/capture-windows.ts';
import { type PreparedArticle, prepareArticle } from './prepared-article.ts';
import { indexArticle } from './search-index.ts';

/** Dates further ahead than this are publisher mistakes: the article is dated on arrival instead. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export interface WriteResult {
  added: number;
  updated: number;
}

/** Parses nothing, writes: the convenient form for one feed's items on this thread. */
export function writeFeedItems(db: Database, feedId: number, items: ParsedItem[], now = Date.now()): WriteResult {
  return writePreparedArticles(db, feedId, items.map(prepareArticle), { now });
}

export interface WriteOptions {
  now?: number;
  /** Queue the text for the full-text index instead of indexing it now (a sync; see search-index.ts). */
  deferIndex?: boolean;
}

/**
 * Stores a feed's articles in one transaction. New articles get an unread state row
 * and a full-text entry; changed articles get new content (and index entry) but keep
 * their read/bookmark state, which sync never writes; articles the user deleted stay
 * deleted (tombstones); unchanged articles cost one indexed lookup.
 */
export function writePreparedArticles(db: Database, feedId: number, articles: PreparedArticle[], options: WriteOptions = {}): WriteResult {
  const now = options.now ?? Date.now();
  const defer = options.deferIndex === true;
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
        // Indexed now, not queued: it stays findable throughout, and a queue lost to a crash
        // is recovered from new articles only (search-index.ts, indexMissing).
        indexArticle(db, { id: existing.id, title: article.title, body: article.bodyText }, { replacing: true });
        result.updated++;
      } else {
        const dated = article.publishedAt ?? now;
        const publishedAt = dated > now + FUTURE_TOLERANCE_MS ? now : dated;
        // Already older than offline capture looks (a new feed's archive): stored as settled.
        const settled = publishedAt < now - CAPTURE_WINDOW_MS;
        const id = s.insert.run({
          ...row,
          feedId,
          identity: article.identity,
          publishedAt,
          arrivedAt: now,
          capturedAt: settled ? now : null,
          fullTextStatus: settled ? 'skipped' : null,
        }).lastInsertRowid;
        s.insertState.run(id);
        indexArticle(db, { id, title: article.title, body: article.bodyText }, { defer });
        result.added++;
      }
    }
  }).immediate();
  return result;
}

interface WriterStatements {
  find: Statement;
  tombstoned: Statement;
  insert: Statement;
  insertState: Statement;
  update: Statement;
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
                              published_at, updated_at, arrived_at, content_hash, captured_at, full_text_status)
        VALUES (@feedId, @identity, @url, @title, @author, CAST(@contentHtml AS TEXT), @excerpt, @thumbnailUrl,
                @publishedAt, @updatedAt, @arrivedAt, @contentHash, @capturedAt, @fullTextStatus)`),
      insertState: db.prepare('INSERT OR IGNORE INTO article_state (article_id) VALUES (?)'),
      update: db.prepare(`
        UPDATE articles SET url = @url, title = @title, author = @author, content_html = CAST(@contentHtml AS TEXT),
          excerpt = @excerpt, thumbnail_url = @thumbnailUrl, updated_at = @updatedAt, content_hash = @contentHash,
          captured_at = NULL
        WHERE id = @id`),
    };
    cache.set(db, s);
  }
  return s;
}
