import type { Database } from 'better-sqlite3';
import type { FeedSummary, SectionSummary } from '../../shared/api.ts';

/** Sections with their unread counts (the sums of their feeds', kept by triggers: db/migrations/008-unread-counts.ts). */
export function listSections(db: Database): SectionSummary[] {
  return db
    .prepare<[], SectionSummary>(`
      SELECT s.id, s.name,
        (SELECT count(*) FROM feeds f WHERE f.section_id = s.id AND f.unsubscribed_at IS NULL) AS feedCount,
        (SELECT coalesce(sum(u.unread), 0) FROM feeds f JOIN unread_counts u ON u.feed_id = f.id
         WHERE f.section_id = s.id) AS unreadCount
      FROM sections s
      ORDER BY s.position, s.name COLLATE NOCASE`)
    .all();
}

/** The id of the section with this name, created at the end of the list if it is new. */
export function ensureSection(db: Database, name: string): number {
  const trimmed = name.trim();
  const existing = db.prepare<[string], { id: number }>('SELECT id FROM sections WHERE name = ?').get(trimmed);
  if (existing) return existing.id;
  const info = db
    .prepare('INSERT INTO sections (name, position) VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM sections))')
    .run(trimmed);
  return Number(info.lastInsertRowid);
}

/** A feed row as SQLite returns it: the last success in milliseconds. */
type FeedRow = Omit<FeedSummary, 'lastSuccessAt' | 'remotePictures'> & { lastSuccessAt: number | null; remotePictures: number };

const FEED_SELECT = `
  SELECT f.id, f.title, f.url, f.site_url AS siteUrl, f.section_id AS sectionId, s.name AS sectionName,
    coalesce((SELECT unread FROM unread_counts WHERE feed_id = f.id), 0) AS unreadCount,
    f.last_success_at AS lastSuccessAt, f.last_error AS lastError, f.full_text AS fullText,
    f.remote_pictures AS remotePictures, f.publisher
  FROM feeds f LEFT JOIN sections s ON s.id = f.section_id`;

export function listFeeds(db: Database): FeedSummary[] {
  return db
    .prepare<[], FeedRow>(`${FEED_SELECT} WHERE f.unsubscribed_at IS NULL ORDER BY s.position, f.title COLLATE NOCASE`)
    .all()
    .map(toFeedSummary);
}

export function getFeed(db: Database, id: number): FeedSummary | null {
  const row = db.prepare<[number], FeedRow>(`${FEED_SELECT} WHERE f.id = ?`).get(id);
  return row ? toFeedSummary(row) : null;
}

function toFeedSummary(row: FeedRow): FeedSummary {
  return {
    ...row,
    lastSuccessAt: row.lastSuccessAt === null ? null : new Date(row.lastSuccessAt).toISOString(),
    remotePictures: row.remotePictures === 1,
  };
}

/** Adds a subscription (or returns the existing one with the same URL). */
export function addFeed(
  db: Database,
  feed: { url: string; title: string; siteUrl: string | null; sectionId: number | null },
  now = Date.now(),
): { id: number; created: boolean } {
  const existing = db
    .prepare<[string], { id: number; unsubscribed_at: number | null }>('SELECT id, unsubscribed_at FROM feeds WHERE url = ?')
    .get(feed.url);
  if (existing) {
    // Subscribing again to a feed kept only for its bookmarks brings it back.
    if (existing.unsubscribed_at !== null) {
      db.prepare('UPDATE feeds SET unsubscribed_at = NULL, section_id = ?, title = ? WHERE id = ?').run(
        feed.sectionId,
        feed.title,
        existing.id,
      );
    }
    return { id: existing.id, created: existing.unsubscribed_at !== null };
  }
  const info = db
    .prepare('INSERT INTO feeds (url, title, site_url, section_id, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(feed.url, feed.title, feed.siteUrl, feed.sectionId, now);
  return { id: Number(info.lastInsertRowid), created: true };
}
