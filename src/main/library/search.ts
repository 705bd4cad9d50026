import type { Database } from 'better-sqlite3';
import type { ArticleRow } from '../../shared/api.ts';
import { ROW_FROM, ROW_SELECT, toArticleRow } from './articles.ts';

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

interface Hit {
  id: number;
  tier: number;
  score: number;
}

/**
 * Search, ranked so that what was asked for comes first however old it is:
 * 1. headlines holding the words as a phrase, 2. headlines holding all the words —
 *    both ranked by bm25 over every headline that matches (the headline index is small:
 *    even the commonest word's list of headlines is short), then
 * 3. bodies holding all the words, ranked by bm25 (headline weighted 4×) among the
 *    newest BODY_WINDOW matches: a common word's list of bodies is nearly the whole
 *    library, and ranking all of it would cost ~80 ms at 100,000 articles.
 * Within a tier, a tie goes to the newer article (by id: the order articles arrived in).
 *
 * Each tier is its own query and the page is chosen before any article row is read
 * for display: a row's columns after its body (excerpt, date) sit past the body's
 * overflow pages, so reading them for every candidate cost ~150 ms at 1,000,000
 * articles. When the headline tiers fill the page the body tier is not run at all (no
 * body match could reach the page): its bm25 reads each word's whole list of bodies to
 * count them, 20–60 ms at 1,000,000 articles, per word.
 */
export function searchArticles(
  db: Database,
  input: string,
  options: { sectionId?: number; bookmarked?: boolean; limit?: number } = {},
): ArticleRow[] {
  const match = toFtsQuery(input);
  if (!match) return [];
  const phrase = toFtsPhrase(input);
  const limit = options.limit ?? 50;
  const joins: string[] = [];
  const filters: string[] = [];
  if (options.sectionId !== undefined) {
    joins.push('JOIN articles fa ON fa.id = hits.id JOIN feeds ff ON ff.id = fa.feed_id');
    filters.push('ff.section_id = @sectionId');
  }
  if (options.bookmarked) {
    joins.push('JOIN article_state fs ON fs.article_id = hits.id');
    filters.push('fs.bookmarked = 1');
  }
  // The filters read only columns before the body.
  const tier = (tier: number, query: string, params: Record<string, string>): Hit[] =>
    db
      .prepare<Record<string, string | number>, Hit>(`
        SELECT hits.id, ${tier} AS tier, hits.score FROM (${query}) hits ${joins.join(' ')}
        ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}`)
      .all({ ...params, ...(options.sectionId === undefined ? {} : { sectionId: options.sectionId }) });

  // An article keeps its best tier: the tiers come in order, so the first one it is in.
  const best = new Map<number, Hit>();
  const add = (hits: Hit[]) => {
    for (const hit of hits) if (!best.has(hit.id)) best.set(hit.id, hit);
  };
  const titles = `SELECT rowid AS id, bm25(titles_fts) AS score FROM titles_fts WHERE titles_fts MATCH @q ORDER BY score LIMIT ${TITLE_LIMIT}`;
  if (phrase) add(tier(0, titles, { q: phrase }));
  add(tier(1, titles, { q: match }));
  if (best.size < limit)
    add(
      tier(
        2,
        `SELECT rowid AS id, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts
         WHERE articles_fts MATCH @q ORDER BY rowid DESC LIMIT ${BODY_WINDOW}`,
        { q: match },
      ),
    );
  const page = [...best.values()].sort((a, b) => a.tier - b.tier || a.score - b.score || b.id - a.id).slice(0, limit);
  if (page.length === 0) return [];

  const rows = db
    .prepare<{ ids: string }, Parameters<typeof toArticleRow>[0]>(
      `${ROW_SELECT} ${ROW_FROM} WHERE a.id IN (SELECT value FROM json_each(@ids))`,
    )
    .all({ ids: JSON.stringify(page.map((hit) => hit.id)) });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return page.flatMap((hit) => {
    const row = byId.get(hit.id);
    return row ? [toArticleRow(row)] : [];
  });
}
