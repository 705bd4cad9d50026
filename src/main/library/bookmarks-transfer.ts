import type { Database } from 'better-sqlite3';
import { ApiError, type BookmarkFormat } from '../../shared/api.ts';
import { htmlToText } from '../feeds/parse/text.ts';
import { sanitizeStoredHtml } from './sanitize-stored-html.ts';
import { indexArticle } from './search-index.ts';
import { ensureSection } from './sections.ts';

interface BookmarkRecord {
  feedUrl: string;
  feedTitle: string;
  section: string | null;
  identity: string;
  url: string | null;
  title: string;
  author: string | null;
  publishedAt: string;
  bookmarkedAt: string | null;
  contentHtml: string;
}

/** The JSON export: everything needed to bring the bookmarks back, full text included. */
export interface BookmarksFile {
  format: 'broadsheet-bookmarks';
  version: 1;
  exportedAt: string;
  bookmarks: BookmarkRecord[];
}

function bookmarkRecords(db: Database): BookmarkRecord[] {
  const rows = db
    .prepare(`
      SELECT f.url AS feedUrl, f.title AS feedTitle, s.name AS section, a.identity, a.url, a.title, a.author,
        a.published_at AS publishedAt, st.bookmarked_at AS bookmarkedAt, coalesce(a.full_html, a.content_html) AS contentHtml
      FROM article_state st JOIN articles a ON a.id = st.article_id JOIN feeds f ON f.id = a.feed_id
      LEFT JOIN sections s ON s.id = f.section_id
      WHERE st.bookmarked = 1 ORDER BY st.bookmarked_at DESC, a.id DESC`)
    .all() as (Omit<BookmarkRecord, 'publishedAt' | 'bookmarkedAt'> & { publishedAt: number; bookmarkedAt: number | null })[];
  return rows.map((r) => ({
    ...r,
    publishedAt: new Date(r.publishedAt).toISOString(),
    bookmarkedAt: r.bookmarkedAt === null ? null : new Date(r.bookmarkedAt).toISOString(),
  }));
}

/** Bookmarks as a browser-importable HTML file (Netscape format), Markdown, or JSON with full text. */
export function exportBookmarks(db: Database, format: BookmarkFormat, now = new Date()): string {
  const records = bookmarkRecords(db);
  if (format === 'json') {
    const file: BookmarksFile = { format: 'broadsheet-bookmarks', version: 1, exportedAt: now.toISOString(), bookmarks: records };
    return `${JSON.stringify(file, null, 2)}\n`;
  }
  if (format === 'md') {
    const lines = records.map((r) => {
      const title = r.title.replace(/([[\]])/g, '\\$1');
      const link = r.url ? `[${title}](${r.url})` : title;
      return `- ${link} — ${r.feedTitle}${r.section ? ` (${r.section})` : ''}, ${r.publishedAt.slice(0, 10)}`;
    });
    return `# Broadsheet bookmarks\n\nExported ${now.toISOString().slice(0, 10)}.\n\n${lines.join('\n')}\n`;
  }
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const items = records
    .filter((r) => r.url)
    .map((r) => {
      const added = Math.floor(Date.parse(r.bookmarkedAt ?? r.publishedAt) / 1000);
      return `    <DT><A HREF="${esc(r.url ?? '')}" ADD_DATE="${added}">${esc(r.title)}</A>\n    <DD>${esc(htmlToText(r.contentHtml).slice(0, 280))}`;
    });
  return `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
  <DT><H3>Broadsheet</H3>
  <DL><p>
${items.join('\n')}
  </DL><p>
</DL><p>
`;
}

/**
 * Brings back a JSON export: each story is bookmarked again, or stored (full text
 * included) under its feed if the library no longer has it. Nothing is duplicated;
 * a feed that is not subscribed is kept only for its bookmarks, never fetched.
 */
export function importBookmarks(db: Database, text: string, now = Date.now()): { imported: number; alreadyBookmarked: number } {
  let file: BookmarksFile;
  try {
    file = JSON.parse(text) as BookmarksFile;
  } catch (error) {
    throw new ApiError('invalid-argument', `This is not a bookmarks file: ${(error as Error).message}`);
  }
  if (file?.format !== 'broadsheet-bookmarks' || !Array.isArray(file.bookmarks)) {
    throw new ApiError('invalid-argument', 'This is not a Broadsheet bookmarks file (JSON export).');
  }
  if (file.version > 1) throw new ApiError('invalid-argument', `This bookmarks file is from a newer Broadsheet (version ${file.version}).`);
  const result = { imported: 0, alreadyBookmarked: 0 };
  db.transaction(() => {
    for (const b of file.bookmarks) {
      if (typeof b?.feedUrl !== 'string' || typeof b.identity !== 'string' || typeof b.title !== 'string') continue;
      let feed = db.prepare('SELECT id FROM feeds WHERE url = ?').pluck().get(b.feedUrl) as number | undefined;
      if (feed === undefined) {
        const sectionId = b.section ? ensureSection(db, b.section) : null;
        feed = Number(
          db
            .prepare('INSERT INTO feeds (url, title, section_id, created_at, unsubscribed_at) VALUES (?, ?, ?, ?, ?)')
            .run(b.feedUrl, b.feedTitle ?? '', sectionId, now, now).lastInsertRowid,
        );
      }
      const existing = db
        .prepare(
          'SELECT a.id, st.bookmarked FROM articles a JOIN article_state st ON st.article_id = a.id WHERE a.feed_id = ? AND a.identity = ?',
        )
        .get(feed, b.identity) as { id: number; bookmarked: number } | undefined;
      const bookmarkedAt = b.bookmarkedAt ? Date.parse(b.bookmarkedAt) : now;
      if (existing) {
        if (existing.bookmarked) result.alreadyBookmarked++;
        else {
          db.prepare('UPDATE article_state SET bookmarked = 1, bookmarked_at = ? WHERE article_id = ?').run(bookmarkedAt, existing.id);
          result.imported++;
        }
        continue;
      }
      // An export file is input like any feed: it may have been edited, or written by someone else.
      const contentHtml = typeof b.contentHtml === 'string' ? sanitizeStoredHtml(b.contentHtml) : '';
      const bodyText = htmlToText(contentHtml);
      const id = db
        .prepare(`
          INSERT INTO articles (feed_id, identity, url, title, author, content_html, excerpt, published_at, arrived_at, content_hash)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'imported')`)
        .run(
          feed,
          b.identity,
          b.url ?? null,
          b.title,
          b.author ?? null,
          contentHtml,
          bodyText.slice(0, 280),
          Date.parse(b.publishedAt) || now,
          now,
        ).lastInsertRowid;
      db.prepare('INSERT INTO article_state (article_id, bookmarked, bookmarked_at) VALUES (?, 1, ?)').run(id, bookmarkedAt);
      indexArticle(db, { id, title: b.title, body: bodyText });
      result.imported++;
    }
  }).immediate();
  return result;
}
