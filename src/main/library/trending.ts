import type { Database } from 'better-sqlite3';
import type { TrendingItem } from '../../shared/api.ts';

/**
 * Placeholder until story clustering lands (issue 6): the newest stories, at most two
 * per section, so the sidebar has the seed page's shape — section · time · headline.
 */
export function recentBySection(db: Database, query: { sectionId?: number; limit?: number }): TrendingItem[] {
  const rows = db
    .prepare<Record<string, number>, { articleId: number; sectionName: string | null; headline: string; publishedAt: number }>(`
      SELECT articleId, sectionName, headline, publishedAt FROM (
        SELECT a.id AS articleId, s.name AS sectionName, a.title AS headline, a.published_at AS publishedAt,
          row_number() OVER (PARTITION BY f.section_id ORDER BY a.published_at DESC, a.id DESC) AS rank
        FROM articles a JOIN feeds f ON f.id = a.feed_id LEFT JOIN sections s ON s.id = f.section_id
        ${query.sectionId === undefined ? '' : 'WHERE f.section_id = @sectionId'}
      ) WHERE rank <= @perSection
      ORDER BY publishedAt DESC, articleId DESC LIMIT @limit`)
    .all({
      limit: query.limit ?? 8,
      perSection: query.sectionId === undefined ? 2 : 1_000,
      ...(query.sectionId === undefined ? {} : { sectionId: query.sectionId }),
    });
  return rows.map((r) => ({ ...r, publishedAt: new Date(r.publishedAt).toISOString(), sources: 1 }));
}
