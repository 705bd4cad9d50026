import type { Database } from 'better-sqlite3';
import type { ArticleDetail, ArticlePage, ArticleQuery, ArticleRow } from '../../shared/api.ts';
import { IMAGE_CACHE_PATH } from '../../shared/image-sources.ts';
import { offlineImages } from '../offline/image-cache.ts';
import { alsoCoveredBy } from '../trending/trending-stories.ts';

const DEFAULT_PAGE = 100;

/** An article row as SQLite returns it: times in milliseconds, flags as 0/1. */
type Row = Omit<ArticleRow, 'publishedAt' | 'read' | 'bookmarked' | 'cursor'> & { publishedAt: number; read: number; bookmarked: number };

/** A row's picture: the offline copy, else the original when the feed lets the reader ask its host. */
export const THUMBNAIL = `coalesce('${IMAGE_CACHE_PATH}' || thumb.key, CASE WHEN f.remote_pictures THEN a.thumbnail_url END) AS thumbnailUrl`;
/** The offline copy of an article's picture, for THUMBNAIL (feeds are joined as f). */
export const THUMBNAIL_JOIN = 'LEFT JOIN images thumb ON thumb.url = a.thumbnail_url AND thumb.stored_at IS NOT NULL';

/** The columns of an article row (toArticleRow), and the tables they come from (search reads its page with them too). */
export const ROW_SELECT = `
  SELECT a.id, a.feed_id AS feedId, f.title AS feedTitle, s.name AS sectionName, a.title,
    a.excerpt, a.url, ${THUMBNAIL},
    a.published_at AS publishedAt, st.read, st.bookmarked`;
export const ROW_FROM = `
  FROM articles a
  JOIN article_state st ON st.article_id = a.id
  JOIN feeds f ON f.id = a.feed_id
  LEFT JOIN sections s ON s.id = f.section_id
  ${THUMBNAIL_JOIN}`;

/** One page of a list, newest (or oldest) first, continued by keyset so deep pages stay fast. */
export function listArticles(db: Database, query: ArticleQuery): ArticlePage {
  const where: string[] = [];
  const params: Record<string, number> = {};
  // "+" keeps SQLite walking the time index (newest first, stopping at the page's end)
  // instead of collecting every unread article through the unread index and sorting them.
  if (query.view === 'unread') where.push('+st.read = 0');
  if (query.view === 'bookmarks') where.push('st.bookmarked = 1');
  if (query.sectionId !== undefined) {
    where.push('f.section_id = @sectionId');
    params.sectionId = query.sectionId;
  }
  if (query.feedId !== undefined) {
    where.push('a.feed_id = @feedId');
    params.feedId = query.feedId;
  }
  // Folded stories: one row per story, its newest article, saying how many it stands for.
  const fold = query.foldStories === true;
  if (fold) {
    where.push(
      `(a.story_id IS NULL OR a.id = (SELECT b.id FROM articles b WHERE b.story_id = a.story_id ORDER BY b.published_at DESC, b.id DESC LIMIT 1))`,
    );
  }
  const storySize = fold ? ', (SELECT count(*) FROM articles b WHERE b.story_id = a.story_id) AS storySize' : '';
  const newest = query.order !== 'oldest';
  const cursor = parseCursor(query.after);
  if (cursor) {
    where.push(`(a.published_at, a.id) ${newest ? '<' : '>'} (@cursorTime, @cursorId)`);
    params.cursorTime = cursor.time;
    params.cursorId = cursor.id;
  }
  const limit = query.limit ?? DEFAULT_PAGE;
  params.limit = limit + 1;
  const direction = newest ? 'DESC' : 'ASC';
  const rows = db
    .prepare<Record<string, number>, Row>(
      `${ROW_SELECT}${storySize} ${ROW_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.published_at ${direction}, a.id ${direction} LIMIT @limit`,
    )
    .all(params);
  const page = rows.slice(0, limit).map(toArticleRow);
  return { rows: page, nextCursor: rows.length > limit ? (page.at(-1)?.cursor ?? null) : null };
}

type DetailRow = Row & {
  author: string | null;
  contentHtml: string;
  fullTextStatus: string | null;
  fullTextError: string | null;
  remotePictures: number;
};

export function getArticle(db: Database, id: number): ArticleDetail | null {
  const row = db
    .prepare<[number], DetailRow>(
      `${ROW_SELECT}, a.author, coalesce(a.full_html, a.content_html) AS contentHtml,
         a.full_text_status AS fullTextStatus, a.full_text_error AS fullTextError, f.remote_pictures AS remotePictures
       ${ROW_FROM} WHERE a.id = ?`,
    )
    .get(id);
  if (!row) return null;
  return {
    ...toArticleRow(row),
    author: row.author,
    contentHtml: row.contentHtml,
    fullText: { status: fullTextStatus(row.fullTextStatus), error: row.fullTextError },
    offlineImages: offlineImages(db, id),
    alsoCoveredBy: alsoCoveredBy(db, id),
    remotePictures: row.remotePictures === 1,
  };
}

/** 'skipped' (an old teaser nobody bookmarked) reads as the feed's own text: there is nothing to wait for. */
function fullTextStatus(stored: string | null): ArticleDetail['fullText']['status'] {
  if (stored === 'extracted' || stored === 'failed') return stored;
  return stored === null ? 'pending' : 'feed';
}

export function toArticleRow(row: Row): ArticleRow {
  return {
    id: row.id,
    feedId: row.feedId,
    feedTitle: row.feedTitle,
    sectionName: row.sectionName,
    title: row.title,
    excerpt: row.excerpt,
    url: row.url,
    thumbnailUrl: row.thumbnailUrl,
    publishedAt: new Date(row.publishedAt).toISOString(),
    read: row.read === 1,
    bookmarked: row.bookmarked === 1,
    cursor: `${row.publishedAt}:${row.id}`,
    ...(row.storySize === undefined ? {} : { storySize: Math.max(1, row.storySize) }),
  };
}

function parseCursor(after: string | undefined): { time: number; id: number } | null {
  const match = after ? /^(-?\d+):(\d+)$/.exec(after) : null;
  return match ? { time: Number(match[1]), id: Number(match[2]) } : null;
}

/** Returns false when there is no such article. */
export function setRead(db: Database, id: number, read: boolean, now = Date.now()): boolean {
  return (
    db.prepare('UPDATE article_state SET read = ?, read_at = ? WHERE article_id = ?').run(read ? 1 : 0, read ? now : null, id).changes > 0
  );
}

export function setBookmarked(db: Database, id: number, bookmarked: boolean, now = Date.now()): boolean {
  return (
    db
      .prepare('UPDATE article_state SET bookmarked = ?, bookmarked_at = ? WHERE article_id = ?')
      .run(bookmarked ? 1 : 0, bookmarked ? now : null, id).changes > 0
  );
}

/** Marks every unread article of a view read, returning their ids (for undo). */
export function markAllRead(db: Database, filter: { view: ArticleQuery['view']; sectionId?: number }, now = Date.now()): number[] {
  const where = ['st.read = 0'];
  if (filter.view === 'bookmarks') where.push('st.bookmarked = 1');
  if (filter.sectionId !== undefined) where.push('a.feed_id IN (SELECT id FROM feeds WHERE section_id = @sectionId)');
  return db
    .transaction(() => {
      const ids = db
        .prepare(`SELECT a.id FROM articles a JOIN article_state st ON st.article_id = a.id WHERE ${where.join(' AND ')}`)
        .pluck()
        .all(filter.sectionId === undefined ? {} : { sectionId: filter.sectionId }) as number[];
      const mark = db.prepare('UPDATE article_state SET read = 1, read_at = ? WHERE article_id = ?');
      for (const id of ids) mark.run(now, id);
      return ids;
    })
    .immediate();
}

/** Marks read every unread article of an article's story; returns how many changed. */
export function setStoryRead(db: Database, articleId: number, now = Date.now()): number {
  return db
    .prepare(`
    UPDATE article_state SET read = 1, read_at = ? WHERE read = 0 AND article_id IN (
      SELECT id FROM articles INDEXED BY articles_by_story
      WHERE story_id = (SELECT story_id FROM articles WHERE id = ?) AND story_id IS NOT NULL)`)
    .run(now, articleId).changes;
}

export function setReadMany(db: Database, ids: number[], read: boolean, now = Date.now()): void {
  const mark = db.prepare('UPDATE article_state SET read = ?, read_at = ? WHERE article_id = ?');
  db.transaction(() => {
    for (const id of ids) mark.run(read ? 1 : 0, read ? now : null, id);
  }).immediate();
}
