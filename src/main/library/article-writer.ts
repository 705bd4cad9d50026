import type { Database } from 'better-sqlite3';
import type { ParsedItem } from '../feeds/parse/index.ts';
import { htmlToText } from '../feeds/parse/text.ts';
import { articleIdentity, contentHash } from './identity.ts';

/** Dates further ahead than this are publisher mistakes: the article is dated on arrival instead. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export interface WriteResult {
  added: number;
  updated: number;
}

/**
 * Stores a feed's items in one transaction. New articles get an unread state row;
 * changed articles get new content but keep their read/bookmark state (which sync
 * never writes); articles the user deleted stay deleted (tombstones).
 */
export function writeFeedItems(db: Database, feedId: number, items: ParsedItem[], now = Date.now()): WriteResult {
  const find = db.prepare<[number, string], { id: number; content_hash: string }>(
    'SELECT id, content_hash FROM articles WHERE feed_id = ? AND identity = ?',
  );
  const tombstoned = db.prepare<[number, string], { one: number }>(
    'SELECT 1 AS one FROM article_tombstones WHERE feed_id = ? AND identity = ?',
  );
  const insert = db.prepare(`
    INSERT INTO articles (feed_id, identity, url, title, author, content_html, body_text, thumbnail_url,
                          published_at, updated_at, arrived_at, content_hash)
    VALUES (@feedId, @identity, @url, @title, @author, @contentHtml, @bodyText, @thumbnailUrl,
            @publishedAt, @updatedAt, @arrivedAt, @contentHash)`);
  const insertState = db.prepare('INSERT OR IGNORE INTO article_state (article_id) VALUES (?)');
  const update = db.prepare(`
    UPDATE articles SET url = @url, title = @title, author = @author, content_html = @contentHtml,
      body_text = @bodyText, thumbnail_url = @thumbnailUrl, updated_at = @updatedAt, content_hash = @contentHash
    WHERE id = @id`);

  const result: WriteResult = { added: 0, updated: 0 };
  db.transaction(() => {
    const seen = new Set<string>();
    for (const item of items) {
      const identity = articleIdentity(item);
      if (seen.has(identity)) continue;
      seen.add(identity);
      if (tombstoned.get(feedId, identity)) continue;
      const hash = contentHash(item);
      const existing = find.get(feedId, identity);
      if (existing?.content_hash === hash) continue;
      const row = toRow(item, now);
      if (existing) {
        update.run({ ...row, id: existing.id, contentHash: hash });
        result.updated++;
      } else {
        const info = insert.run({ ...row, feedId, identity, arrivedAt: now, contentHash: hash });
        insertState.run(info.lastInsertRowid);
        result.added++;
      }
    }
  })();
  return result;
}

function toRow(item: ParsedItem, now: number) {
  const contentHtml = item.contentHtml ?? '';
  const published = item.published ? Date.parse(item.published) : Number.NaN;
  const updated = item.updated ? Date.parse(item.updated) : Number.NaN;
  const dated = Number.isFinite(published) ? published : Number.isFinite(updated) ? updated : now;
  return {
    url: item.link,
    title: item.title?.trim() || untitled(item),
    author: item.author,
    contentHtml,
    bodyText: contentHtml ? htmlToText(contentHtml) : (item.summary ?? ''),
    thumbnailUrl: item.thumbnail ?? firstImage(contentHtml),
    publishedAt: dated > now + FUTURE_TOLERANCE_MS ? now : dated,
    updatedAt: Number.isFinite(updated) ? updated : null,
  };
}

function untitled(item: ParsedItem): string {
  const text = item.summary ?? htmlToText(item.contentHtml ?? '');
  if (!text) return 'Untitled';
  return text.length > 90 ? `${text.slice(0, 88).trimEnd()}…` : text;
}

function firstImage(html: string): string | null {
  const match = /<img\b[^>]*?\ssrc\s*=\s*["']?(https?:[^"'\s>]+)/i.exec(html);
  return match?.[1]?.replace(/&amp;/g, '&') ?? null;
}
