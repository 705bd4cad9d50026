import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Handler, httpFixture } from '../../test-support/http-fixture.ts';
import { summaryOnlyNewsSite } from '../../test-support/news-site.ts';
import { tempDir } from '../../test-support/temp-dir.ts';
import { restoreLibrary } from '../db/backup.ts';
import { NewsService } from '../library/news-service.ts';
import { RESOURCES_DIR } from '../repo-paths.ts';

async function site(stories: number, ageDays = 0) {
  const { routes, stories: list } = summaryOnlyNewsSite({ stories, ageDays });
  const handlers: Record<string, Handler> = {};
  for (const [p, route] of Object.entries(routes))
    handlers[p] = (_req, res) => res.writeHead(200, { 'content-type': route.type }).end(route.body);
  return { server: await httpFixture(handlers), stories: list };
}

describe('offline reading through the service (real sync and reader threads)', () => {
  it('bookmarking an old teaser saves its full text and pictures; storage counts them; clearing the cache spares them', async () => {
    // Every article a month old, too old for the routine pass: only a bookmark brings its page in.
    const { server, stories } = await site(3, 30);
    const dataDir = tempDir();
    const news = new NewsService({ dataDir, resourcesDir: RESOURCES_DIR, offlineCapture: true });
    await news.importOpml(`<opml version="2.0"><body><outline text="Site" xmlUrl="${server.url('/feed.xml')}"/></body></opml>`);
    await news.runSync(true);
    // The routine pass the sync started, and another: passes run one after another, so
    // once this one is done neither can answer for the bookmark below.
    await news.capture();
    const rows = (await news.listArticles({ view: 'all' })).rows;
    const target = rows.find((r) => r.title === stories[1]?.title);
    if (!target) throw new Error('no article');
    expect((await news.getArticle(target.id))?.fullText.status).toBe('feed');

    const changed = new Promise((resolve) => news.on('library-changed', (e) => e.reason === 'captured' && resolve(e)));
    await news.setBookmarked(target.id, true);
    await changed;
    const detail = await news.getArticle(target.id);
    expect(detail?.fullText).toEqual({ status: 'extracted', error: null });
    expect(detail?.contentHtml).toContain(stories[1]?.onlyInFullText);
    expect(Object.keys(detail?.offlineImages ?? {})).toHaveLength(2);

    const storage = await news.getStorage();
    expect(storage).toMatchObject({ articles: 3, bookmarks: 1, images: 2, imageCacheLimitBytes: 1024 * 1024 * 1024 });
    expect(storage.imageBytes).toBeGreaterThan(0);
    expect(storage.databaseBytes).toBeGreaterThan(0);
    expect((await news.clearImageCache()).removed).toBe(0);
    expect((await news.getStorage()).images).toBe(2);
    await news.close();
  });

  it('backs up while running and restores, setting the replaced library aside', async () => {
    const dataDir = tempDir();
    const news = new NewsService({ dataDir, resourcesDir: RESOURCES_DIR, offlineCapture: false });
    await news.loadSampleLibrary();
    const [first] = (await news.listArticles({ view: 'all', limit: 1 })).rows;
    await news.setBookmarked(first?.id ?? 0, true);
    const backup = await news.backupLibrary();
    expect(path.dirname(backup.path)).toBe(path.join(dataDir, 'backups'));
    // After the backup the library changes; restoring brings the backup's state back.
    await news.setBookmarked(first?.id ?? 0, false);
    await news.close();

    const report = restoreLibrary(dataDir, backup.path);
    expect(report.previousSavedAs && fs.existsSync(report.previousSavedAs)).toBe(true);
    const restored = new NewsService({ dataDir, resourcesDir: RESOURCES_DIR, offlineCapture: false });
    expect((await restored.getStatus()).bookmarks).toBe(1);
    await restored.close();
  });

  it('refuses to restore from a file that is not a library, changing nothing', () => {
    const dataDir = tempDir();
    const bogus = path.join(dataDir, 'not-a-backup.db');
    fs.writeFileSync(bogus, 'hello');
    expect(() => restoreLibrary(dataDir, bogus)).toThrow(/Cannot restore from .*Nothing was changed/);
    expect(fs.existsSync(path.join(dataDir, 'broadsheet.db'))).toBe(false);
  });
});
