import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir.ts';
import { RESOURCES_DIR } from '../repo-paths.ts';
import { exportBookmarks, importBookmarks } from './bookmarks-transfer.ts';
import { NewsService } from './news-service.ts';
import { searchArticles } from './search.ts';

async function withBookmarks() {
  const news = new NewsService({ dataDir: tempDir(), resourcesDir: RESOURCES_DIR });
  await news.loadSampleLibrary();
  const rows = (await news.listArticles({ view: 'all' })).rows;
  const seed = rows.find((r) => r.title === 'Rwanda severs diplomatic ties with Belgium');
  const other = rows.find((r) => r.title.includes('American Idol'));
  await news.setBookmarked(seed?.id ?? 0, true);
  await news.setBookmarked(other?.id ?? 0, true);
  return news;
}

describe('bookmarks export and import', () => {
  it('exports browser-importable HTML and Markdown', async () => {
    const news = await withBookmarks();
    const html = exportBookmarks(news.db, 'html');
    expect(html).toMatch(/^<!DOCTYPE NETSCAPE-Bookmark-file-1>/);
    expect(html).toMatch(
      /<DT><A HREF="https:\/\/africa\.sample\.broadsheet\.example\/rwanda-severs-diplomatic-ties-with-belgium" ADD_DATE="\d+">Rwanda severs diplomatic ties with Belgium<\/A>/,
    );
    const md = exportBookmarks(news.db, 'md');
    expect(md).toContain(
      '- [Rwanda severs diplomatic ties with Belgium](https://africa.sample.broadsheet.example/rwanda-severs-diplomatic-ties-with-belgium) — Sample Africa (Africa)',
    );
    await news.close();
  });

  it('round-trips through JSON into an empty library, full text and search included, without duplicates', async () => {
    const source = await withBookmarks();
    const json = exportBookmarks(source.db, 'json');
    await source.close();

    const target = new NewsService({ dataDir: tempDir(), resourcesDir: RESOURCES_DIR });
    expect(importBookmarks(target.db, json)).toEqual({ imported: 2, alreadyBookmarked: 0 });
    expect(importBookmarks(target.db, json)).toEqual({ imported: 0, alreadyBookmarked: 2 });
    const bookmarks = (await target.listArticles({ view: 'bookmarks' })).rows;
    expect(bookmarks.map((b) => b.title).sort()).toEqual([
      'How to Watch ‘American Idol’ 2025: Stream Season 23',
      'Rwanda severs diplomatic ties with Belgium',
    ]);
    const seed = await target.getArticle(bookmarks.find((b) => b.title.startsWith('Rwanda'))?.id ?? 0);
    expect(seed?.contentHtml).toContain('persona non grata');
    expect(searchArticles(target.db, 'persona non grata').map((r) => r.title)).toEqual(['Rwanda severs diplomatic ties with Belgium']);
    // The feeds came back only to hold the bookmarks: they are not subscriptions and are never fetched.
    expect(await target.listFeeds()).toEqual([]);
    await target.close();
  });

  it('refuses a file that is not a bookmarks export, in words', async () => {
    const news = new NewsService({ dataDir: tempDir(), resourcesDir: RESOURCES_DIR });
    expect(() => importBookmarks(news.db, '{"hello": 1}')).toThrow('not a Broadsheet bookmarks file');
    expect(() => importBookmarks(news.db, 'garbage')).toThrow('not a bookmarks file');
    await news.close();
  });
});
