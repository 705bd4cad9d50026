import type { Database } from 'better-sqlite3';
import type { ArticleRow } from '../../shared/api.ts';
import { THUMBNAIL, THUMBNAIL_JOIN, toArticleRow } from './articles.ts';

/** The words of what a person typed, as FTS5 sees words (letters, digits, underscores). */
function wordsOf(input: string): string[] {
  return input.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** The last word matches as a prefix from its third letter (results appear while typing); shorter ones whole. */
function prefixed(words: string[]): boolean {
  return [...(words.at(-1) ?? '')].length >= 3;
}

/**
 * Turns what a person types into a safe FTS5 query: each word is quoted (so FTS5
 * syntax characters cannot break it), and the last word matches as a prefix (from its
 * third letter) so results appear while typing.
 */
export function toFtsQuery(input: string): string | null {
  const words = wordsOf(input);
  if (words.length === 0) return null;
  // A one- or two-letter prefix would expand to thousands of words: those match whole words only.
  return words.map((w, i) => `"${w}"${i === words.length - 1 && prefixed(words) ? '*' : ''}`).join(' ');
}

/** The words as one phrase (in this order, side by side), or null for a single word. */
export function toFtsPhrase(input: string): string | null {
  const words = wordsOf(input);
  if (words.length < 2) return null;
  return `"${words.join(' ')}"${prefixed(words) ? '*' : ''}`;
}

/** How many of the newest body matches are ranked by relevance. */
const BODY_WINDOW = 2000;
/** Headline matches ranked in full, then cut to this many per tier (room for a section's filter). */
const TITLE_LIMIT = 500;

/**
 * Search, ranked so that what was asked for comes first however old it is:
 * 1. headlines holding the words as a phrase, 2. headlines holding all the words —
 *    both ranked by bm25 over every headline that matches (the headline index is small:
 *    even the commonest word's list of headlines is short), then
 * 3. bodies holding all the words, ranked by bm25 (headline weighted 4×) among the
 *    newest BODY_WINDOW matches: a common word's list of bodies is nearly the whole
 *    library, and ranking all of it would cost ~80 ms at 100,000 articles.
 * Within a tier, a tie goes to the newer article (by id: the order articles arrived in).
 */
export function searchArticles(
  db: Database,
  input: string,
  options: { sectionId?: number; bookmarked?: boolean; limit?: number } = {},
): ArticleRow[] {
  const match = toFtsQuery(input);
  if (!match) return [];
  const phrase = toFtsPhrase(input);
  const filters: string[] = [];
  const joins: string[] = [];
  if (options.sectionId !== undefined) {
    joins.push('JOIN articles fa ON fa.id = hits.id JOIN feeds ff ON ff.id = fa.feed_id');
    filters.push('ff.section_id = @sectionId');
  }
  if (options.bookmarked) {
    joins.push('JOIN article_state fs ON fs.article_id = hits.id');
    filters.push('fs.bookmarked = 1');
  }
  const phraseTier = phrase
    ? `SELECT rowid AS id, 0 AS tier, bm25(titles_fts) AS score FROM titles_fts
       WHERE titles_fts MATCH @phrase ORDER BY score LIMIT ${TITLE_LIMIT}`
    : null;
  // The page is chosen before any article row is read for display: a row's columns after
  // its body (excerpt, date) sit past the body's overflow pages, so reading them for
  // every candidate cost ~150 ms at 1,000,000 articles. Ties go to the newer article by
  // id (the order articles arrived in); the filters read only columns before the body.
  const rows = db
    .prepare(`
      WITH
      ${phraseTier ? `phrase_hits AS (${phraseTier}),` : ''}
      title_hits AS (
        SELECT rowid AS id, 1 AS tier, bm25(titles_fts) AS score FROM titles_fts
        WHERE titles_fts MATCH @match ORDER BY score LIMIT ${TITLE_LIMIT}
      ),
      body_hits AS (
        SELECT rowid AS id, 2 AS tier, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts
        WHERE articles_fts MATCH @match ORDER BY rowid DESC LIMIT ${BODY_WINDOW}
      ),
      ranked AS (
        SELECT id, tier, score, row_number() OVER (PARTITION BY id ORDER BY tier, score) AS nth FROM (
          ${phraseTier ? 'SELECT * FROM phrase_hits UNION ALL' : ''}
          SELECT * FROM title_hits UNION ALL SELECT * FROM body_hits
        )
      ),
      page AS (
        SELECT hits.id, hits.tier, hits.score FROM ranked hits ${joins.join(' ')}
        WHERE hits.nth = 1 ${filters.length ? `AND ${filters.join(' AND ')}` : ''}
        ORDER BY hits.tier, hits.score, hits.id DESC
        LIMIT @limit
      )
      SELECT a.id, a.feed_id AS feedId, f.title AS feedTitle, s.name AS sectionName, a.title,
        a.excerpt, a.url, ${THUMBNAIL},
        a.published_at AS publishedAt, st.read, st.bookmarked
      FROM page hits
      JOIN articles a ON a.id = hits.id
      JOIN article_state st ON st.article_id = a.id
      JOIN feeds f ON f.id = a.feed_id
      LEFT JOIN sections s ON s.id = f.section_id
      ${THUMBNAIL_JOIN}
      ORDER BY hits.tier, hits.score, hits.id DESC`)
    .all({
      match,
      ...(phrase ? { phrase } : {}),
      limit: options.limit ?? 50,
      ...(options.sectionId === undefined ? {} : { sectionId: options.sectionId }),
    });
  return (rows as Parameters<typeof toArticleRow>[0][]).map(toArticleRow);
}
