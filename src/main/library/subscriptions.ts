import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api.ts';
import { ensureSection } from './sections.ts';

/** Renaming, moving and removing feeds and sections. Nothing here ever removes a bookmark. */

export function renameFeed(db: Database, feedId: number, title: string): void {
  if (db.prepare('UPDATE feeds SET title = ? WHERE id = ? AND unsubscribed_at IS NULL').run(title.trim(), feedId).changes === 0) {
    throw new ApiError('not-found', `There is no feed ${feedId}.`);
  }
}

/** Moves a feed into a section (created if new), or out of any section with null. */
export function moveFeed(db: Database, feedId: number, sectionName: string | null): void {
  db.transaction(() => {
    const sectionId = sectionName?.trim() ? ensureSection(db, sectionName) : null;
    if (db.prepare('UPDATE feeds SET section_id = ? WHERE id = ?').run(sectionId, feedId).changes === 0) {
      throw new ApiError('not-found', `There is no feed ${feedId}.`);
    }
  }).immediate();
}

/**
 * Unsubscribes: the feed is no longer fetched or listed and its articles go, except the
 * bookmarked ones, which stay in Bookmarks for good (the feed row stays behind for them).
 */
export function unsubscribe(db: Database, feedId: number, now = Date.now()): { keptBookmarks: number } {
  return db
    .transaction(() => {
      if (!db.prepare('SELECT 1 FROM feeds WHERE id = ?').get(feedId)) throw new ApiError('not-found', `There is no feed ${feedId}.`);
      db.prepare(`
      DELETE FROM articles WHERE feed_id = ?
        AND id NOT IN (SELECT article_id FROM article_state WHERE bookmarked = 1)`).run(feedId);
      const kept = db.prepare('SELECT count(*) FROM articles WHERE feed_id = ?').pluck().get(feedId) as number;
      if (kept > 0) db.prepare('UPDATE feeds SET unsubscribed_at = ?, section_id = NULL WHERE id = ?').run(now, feedId);
      else db.prepare('DELETE FROM feeds WHERE id = ?').run(feedId);
      return { keptBookmarks: kept };
    })
    .immediate();
}

export function renameSection(db: Database, sectionId: number, name: string): void {
  const taken = db.prepare('SELECT id FROM sections WHERE name = ? AND id <> ?').get(name.trim(), sectionId);
  if (taken) throw new ApiError('invalid-argument', `There is already a section called “${name.trim()}”.`);
  if (db.prepare('UPDATE sections SET name = ? WHERE id = ?').run(name.trim(), sectionId).changes === 0) {
    throw new ApiError('not-found', `There is no section ${sectionId}.`);
  }
}

/** Deletes a section; its feeds stay subscribed, outside any section. */
export function deleteSection(db: Database, sectionId: number): void {
  if (db.prepare('DELETE FROM sections WHERE id = ?').run(sectionId).changes === 0) {
    throw new ApiError('not-found', `There is no section ${sectionId}.`);
  }
}
