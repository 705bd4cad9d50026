import type { Database } from 'better-sqlite3';
import type { ArticleRow } from '../../shared/api.ts';
import { THUMBNAIL, THUMBNAIL_JOIN, toArticleRow } from './articles.ts';

/**
 * Turns what a person types into a safe FTS5 query: each word is quoted (so FTS5
 * syntax characters cannot break it), and the last word matches as a prefix (from its
 * third letter) so results appear while typing.
 */
export function toFtsQuery(input: string): string | null {
  const words = input.match(/[\p{L}\p{N}_]+/gu) ?? [];
  if (words.length === 0) return null;
  // A one- or two-letter prefix would expand to thousands of words: those match whole words only.
  return words.map((w, i) => `"${w}"${i === words.length - 1 && [...w].length >= 3 ? '*' : ''}`).join(' ');
}

/** How many of the newest matches are ranked by relevance. */
const SEARCH_WINDOW = 2000;

export function searchArticles(
  db: Database,
  input: string,
  options: { sectionId?: number; bookmarked?: boolean; limit?: number } = {},
): ArticleRow[] {
  const match = toFtsQuery(input);
  if (!match) return [];
  const where: string[] = [];
  if (options.sectionId !== undefined) where.push('f.section_id = @sectionId');
  if (options.bookmarked) where.push('st.bookmarked = 1');
  // Relevance is ranked among the newest matches only: FTS5 walks its index newest-first
  // (rowid order) and stops after SEARCH_WINDOW, so a common word or a one-letter prefix
  // costs the same on 100,000 articles as on 1,000.
  const rows = db
    .prepare(`
      WITH hits AS (
        SELECT rowid AS id, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts
        WHERE articles_fts MATCH @match ORDER BY rowid DESC LIMIT ${SEARCH_WINDOW}
      )
      SELECT a.id, a.feed_id AS feedId, f.title AS feedTitle, s.name AS sectionName, a.title,
        a.excerpt, a.url, ${THUMBNAIL},
        a.published_at AS publishedAt, st.read, st.bookmarked
      FROM hits
      JOIN articles a ON a.id = hits.id
      JOIN article_state st ON st.article_id = a.id
      JOIN feeds f ON f.id = a.feed_id
      LEFT JOIN sections s ON s.id = f.section_id
      ${THUMBNAIL_JOIN}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY hits.score, a.published_at DESC
      LIMIT @limit`)
    .all({ match, limit: options.limit ?? 50, ...(options.sectionId === undefined ? {} : { sectionId: options.sectionId }) });
  return (rows as Parameters<typeof toArticleRow>[0][]).map(toArticleRow);
}
