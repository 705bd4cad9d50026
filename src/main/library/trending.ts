import type { Database } from 'better-sqlite3';
import type { TrendingItem } from '../../shared/api.ts';

interface Row {
  articleId: number;
  sectionName: string | null;
  headline: string;
  publishedAt: number;
}

/**
 * Placeholder until story clustering lands (issue 6): the newest stories, at most two
 * per section, so the sidebar has the seed page's shape — section · time · headline.
 * Each section is read newest-first through the time index and stops after two rows, so
 * the cost does not grow with the library.
 */
export function recentBySection(db: Database, query: { sectionId?: number; limit?: number }): TrendingItem[] {
  const limit = query.limit ?? 8;
  const newest = db.prepare<{ sectionId: number | null; take: number }, Row>(`
    SELECT a.id AS articleId, s.name AS sectionName, a.title AS headline, a.published_at AS publishedAt
    FROM articles a INDEXED BY articles_by_time
    JOIN feeds f ON f.id = a.feed_id
    LEFT JOIN sections s ON s.id = f.section_id
    WHERE f.section_id IS @sectionId
    ORDER BY a.published_at DESC, a.id DESC LIMIT @take`);
  const sectionIds =
    query.sectionId !== undefined
      ? [query.sectionId]
      : // Only sections that have feeds: an empty one would scan the whole index finding nothing.
        (db.prepare('SELECT DISTINCT section_id FROM feeds').pluck().all() as (number | null)[]);
  const take = query.sectionId !== undefined ? limit : 2;
  const rows = sectionIds.flatMap((sectionId) => newest.all({ sectionId, take }));
  rows.sort((a, b) => b.publishedAt - a.publishedAt || b.articleId - a.articleId);
  return rows.slice(0, limit).map((r) => ({ ...r, publishedAt: new Date(r.publishedAt).toISOString(), sources: 1 }));
}
