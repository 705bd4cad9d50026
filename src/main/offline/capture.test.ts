import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type Handler, httpFixture } from '../../test-support/http-fixture.ts';
import { summaryOnlyNewsSite } from '../../test-support/news-site.ts';
import { pngImage } from '../../test-support/png.ts';
import { tempDir } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../db/connection.ts';
import { searchArticles } from '../library/search.ts';
import { addFeed } from '../library/sections.ts';
import { writeSettings } from '../library/settings.ts';
import { runSync } from '../sync/run-sync.ts';
import { captureArticles, captureBacklog } from './capture.ts';
import { cachedImage, imageKey, imageUsage, offlineImages, storeImage, sweepStrayImageFiles } from './image-cache.ts';
import { readPage } from './read-page.ts';

async function siteLibrary(stories: number, mode: 'auto' | 'always' | 'never' = 'auto', extraRoutes: Record<string, Handler> = {}) {
  const site = summaryOnlyNewsSite({ stories });
  const routes: Record<string, Handler> = { ...extraRoutes };
  for (const [path, route] of Object.entries(site.routes)) {
    routes[path] ??= (_req, res) => res.writeHead(200, { 'content-type': route.type }).end(route.body);
  }
  const server = await httpFixture(routes);
  const dataDir = tempDir();
  const db = openDatabase(dataDir);
  const feedId = addFeed(db, { url: server.url('/feed.xml'), title: '', siteUrl: null, sectionId: null }).id;
  db.prepare('UPDATE feeds SET full_text = ? WHERE id = ?').run(mode, feedId);
  await runSync(db, () => undefined, { force: true });
  return { site, server, dataDir, db };
}

const articleByTitle = (db: Database, title: string) =>
  db
    .prepare(
      'SELECT id, full_html AS fullHtml, full_text_status AS status, full_text_error AS error, captured_at AS capturedAt FROM articles WHERE title = ?',
    )
    .get(title) as {
    id: number;
    fullHtml: string | null;
    status: string | null;
    error: string | null;
    capturedAt: number | null;
  };

describe('offline capture against a real loopback site', () => {
  it("keeps a summary-only feed's full articles and their pictures, searchable", async () => {
    const { site, server, dataDir, db } = await siteLibrary(4);
    const summary = await captureArticles(db, { dataDir, readPage });
    expect(summary).toMatchObject({ articles: 4, extracted: 4, failed: 0, offline: false });
    expect(summary.images).toBe(8);

    const story = site.stories[1];
    if (!story) throw new Error('no story');
    const article = articleByTitle(db, story.title);
    expect(article.status).toBe('extracted');
    expect(article.fullHtml).toContain(story.onlyInFullText);
    expect(article.fullHtml).not.toContain('Privacy policy');
    // Found by a phrase that only the page had, not the feed's teaser.
    expect(searchArticles(db, story.onlyInFullText).map((row) => row.id)).toContain(article.id);

    // Every picture (relative, lazy, responsive) is cached under its absolute URL, bytes intact.
    const cached = offlineImages(db, article.id);
    for (const image of story.images) {
      const local = cached[server.url(image)];
      expect(local, image).toMatch(/^\/image-cache\/[0-9a-f]{32}$/);
      const file = cachedImage(db, dataDir, local?.split('/').pop() ?? '');
      expect(file && fs.readFileSync(file.file).equals(site.routes[image]?.body as Buffer)).toBe(true);
    }
    // The seed story (news-site layout) comes out without its trending list.
    expect(articleByTitle(db, site.stories[0]?.title ?? '').fullHtml).not.toContain('Best Wireless Home Security Cameras');
  });

  it('after a sync, every recent article is captured, a pass of at most `limit` at a time; the next sync has nothing left to fetch', async () => {
    const { server, dataDir, db } = await siteLibrary(45);
    const summary = await captureBacklog(db, { dataDir, readPage, limit: 20 });
    expect(summary).toMatchObject({ articles: 45, extracted: 45, images: 90, offline: false });
    expect(db.prepare('SELECT count(*) FROM articles WHERE captured_at IS NULL').pluck().get()).toBe(0);
    const before = server.requests.length;
    expect((await captureBacklog(db, { dataDir, readPage, limit: 20 })).articles).toBe(0);
    expect(server.requests.length).toBe(before);
  });

  it('records why a page could not be read, keeps the summary, and does not fetch it again', async () => {
    const { site, server, dataDir, db } = await siteLibrary(2, 'auto', { '/story/1.html': (_req, res) => res.writeHead(404).end() });
    await captureArticles(db, { dataDir, readPage });
    const failed = articleByTitle(db, site.stories[1]?.title ?? '');
    expect(failed).toMatchObject({ status: 'failed', error: 'the page was not found (HTTP 404)', fullHtml: null });
    const before = server.requests.length;
    await captureArticles(db, { dataDir, readPage });
    expect(server.requests.length).toBe(before);
  });

  it('records nothing while offline, so the next pass tries again', async () => {
    const { server, dataDir, db } = await siteLibrary(3);
    await server.close();
    const summary = await captureArticles(db, { dataDir, readPage });
    expect(summary.offline).toBe(true);
    expect(db.prepare('SELECT count(*) FROM articles WHERE captured_at IS NULL').pluck().get()).toBe(3);
    expect(imageUsage(db).count).toBe(0);
  });

  it('tells one dead server from a dead network: only that article records the failure', async () => {
    const { site, dataDir, db } = await siteLibrary(3);
    const dead = articleByTitle(db, site.stories[2]?.title ?? '').id;
    const closed = await httpFixture({});
    const deadUrl = closed.url('/gone.html');
    await closed.close();
    db.prepare('UPDATE articles SET url = ? WHERE id = ?').run(deadUrl, dead);
    const summary = await captureArticles(db, { dataDir, readPage });
    expect(summary).toMatchObject({ offline: false, extracted: 2, failed: 1 });
    expect(articleByTitle(db, site.stories[2]?.title ?? '')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/refused the connection/),
    });
  });

  it('settles old articles without fetching, but still captures an old bookmark the routine pass finds waiting', async () => {
    const { site, server, dataDir, db } = await siteLibrary(3);
    db.prepare('UPDATE articles SET published_at = published_at - 60 * 86400000').run();
    const bookmarked = articleByTitle(db, site.stories[2]?.title ?? '').id;
    db.prepare('UPDATE article_state SET bookmarked = 1 WHERE article_id = ?').run(bookmarked);
    const summary = await captureArticles(db, { dataDir, readPage });
    expect(summary).toMatchObject({ articles: 1, extracted: 1 });
    expect(server.requests.filter((r) => r.path.startsWith('/story/')).map((r) => r.path)).toEqual([site.stories[2]?.path]);
    expect(db.prepare('SELECT count(*) FROM articles WHERE captured_at IS NULL').pluck().get()).toBe(0);
  });

  it('never reads the page of a feed set to "never"', async () => {
    const never = await siteLibrary(2, 'never');
    await captureArticles(never.db, { dataDir: never.dataDir, readPage });
    expect(never.server.requests.filter((r) => r.path.startsWith('/story/'))).toEqual([]);
    expect(articleByTitle(never.db, never.site.stories[1]?.title ?? '').status).toBe('feed');
  });

  it('evicts the least recently used pictures past the cap, never a bookmarked article’s', async () => {
    const { site, dataDir, db } = await siteLibrary(6);
    const bookmarked = articleByTitle(db, site.stories[5]?.title ?? '').id;
    db.prepare('UPDATE article_state SET bookmarked = 1 WHERE article_id = ?').run(bookmarked);
    await captureArticles(db, { dataDir, readPage });
    const full = imageUsage(db);
    expect(full.count).toBe(12);
    // A cap of a third of what is stored: the oldest-used go, the bookmark's two stay.
    writeSettings(db, { imageCacheMB: full.bytes / 3 / 1024 / 1024 });
    await captureArticles(db, { dataDir, readPage });
    expect(imageUsage(db).bytes).toBeLessThanOrEqual(full.bytes / 3);
    expect(Object.keys(offlineImages(db, bookmarked))).toHaveLength(2);
    expect(fs.readdirSync(`${dataDir}/images`, { recursive: true }).filter((f) => String(f).length > 3)).toHaveLength(imageUsage(db).count);
  });
});

describe('pictures that are shared or cannot be stored', () => {
  /** A feed whose articles all show one picture, served slowly so that downloads would overlap. */
  async function sharedPictureLibrary(articles: number) {
    const picture = pngImage(32, 32, 7);
    const items = Array.from(
      { length: articles },
      (_, i) =>
        `<item><title>Shared picture ${i}</title><guid>shared-${i}</guid><link>/story/${i}</link><pubDate>${new Date(Date.now() - i * 60_000).toUTCString()}</pubDate><description>&lt;p&gt;Story ${i}&lt;/p&gt;&lt;img src="/shared.png"&gt;</description></item>`,
    );
    const server = await httpFixture({
      '/feed.xml': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(`<rss version="2.0"><channel><title>Shared</title><link>/</link>${items.join('')}</channel></rss>`),
      '/shared.png': (_req, res) => {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.write(picture.subarray(0, 10));
        setTimeout(() => res.end(picture.subarray(10)), 150);
      },
    });
    const dataDir = tempDir();
    const db = openDatabase(dataDir);
    const feedId = addFeed(db, { url: server.url('/feed.xml'), title: '', siteUrl: null, sectionId: null }).id;
    db.prepare("UPDATE feeds SET full_text = 'never' WHERE id = ?").run(feedId);
    await runSync(db, () => undefined, { force: true });
    return { server, dataDir, db, picture };
  }

  it('downloads a picture many articles show once, and every article shows the cached copy', async () => {
    const { server, dataDir, db, picture } = await sharedPictureLibrary(12);
    const summary = await captureArticles(db, { dataDir, readPage });
    expect(summary).toMatchObject({ articles: 12, images: 1, unstored: 0 });
    expect(server.requests.filter((r) => r.path === '/shared.png')).toHaveLength(1);
    const ids = db.prepare('SELECT id FROM articles').pluck().all() as number[];
    for (const id of ids) expect(Object.keys(offlineImages(db, id))).toEqual([server.url('/shared.png')]);
    const key =
      offlineImages(db, ids[0] ?? 0)
        [server.url('/shared.png')]?.split('/')
        .pop() ?? '';
    expect(fs.readFileSync(cachedImage(db, dataDir, key)?.file ?? '').equals(picture)).toBe(true);
    expect(fs.readdirSync(`${dataDir}/images`, { recursive: true }).filter((f) => String(f).endsWith('.partial'))).toEqual([]);
  });

  it('two stores of one picture at once both succeed (a bookmark capture beside the routine pass)', async () => {
    const dataDir = tempDir();
    const db = openDatabase(dataDir);
    const bytes = pngImage(16, 16, 3);
    const url = 'https://pictures.example/one.png';
    await Promise.all(Array.from({ length: 8 }, () => storeImage(db, dataDir, { url, bytes, contentType: 'image/png' })));
    expect(imageUsage(db)).toEqual({ count: 1, bytes: bytes.byteLength });
    expect(fs.readdirSync(`${dataDir}/images`, { recursive: true }).filter((f) => String(f).endsWith('.partial'))).toEqual([]);
  });

  it('a picture that cannot be stored fails neither the pass nor the sync: it is counted, and kept on the next pass', async () => {
    const { server, dataDir, db } = await sharedPictureLibrary(3);
    // The pictures folder cannot be made (a file stands in its place): every store fails.
    fs.writeFileSync(`${dataDir}/images`, 'not a folder');
    const blocked = await captureArticles(db, { dataDir, readPage });
    expect(blocked).toMatchObject({ articles: 3, images: 0, unstored: 1 });
    expect(blocked.storageError).toBeTruthy();
    expect(db.prepare('SELECT count(*) FROM articles WHERE captured_at IS NULL').pluck().get()).toBe(3);
    expect(imageUsage(db).count).toBe(0);

    fs.rmSync(`${dataDir}/images`);
    const retried = await captureArticles(db, { dataDir, readPage });
    expect(retried).toMatchObject({ articles: 3, images: 1, unstored: 0 });
    expect(db.prepare('SELECT count(*) FROM articles WHERE captured_at IS NULL').pluck().get()).toBe(0);
    expect(server.requests.filter((r) => r.path === '/shared.png')).toHaveLength(2);
  });
});

describe('what a crash leaves in the pictures folder', () => {
  it('goes on the next pass: half-written files of a dead process, and old files no row points at; a store under way is left alone', async () => {
    const dataDir = tempDir();
    const db = openDatabase(dataDir);
    const bytes = pngImage(8, 8, 1);
    await storeImage(db, dataDir, { url: 'https://pictures.example/kept.png', bytes, contentType: 'image/png' });
    const folder = `${dataDir}/images/ab`;
    fs.mkdirSync(folder, { recursive: true });
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const key = 'ab'.padEnd(32, '0');
    const files = {
      deadPartial: `${folder}/${key}.${gone}.0f3c-11.partial`,
      livePartial: `${folder}/${key}.${process.pid}.77aa-12.partial`,
      oldOrphan: `${folder}/${'ab'.padEnd(32, '1')}`,
      newOrphan: `${folder}/${'ab'.padEnd(32, '2')}`,
    };
    for (const file of Object.values(files)) fs.writeFileSync(file, bytes.subarray(0, 20));
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(files.oldOrphan, hourAgo, hourAgo);

    expect(sweepStrayImageFiles(db, dataDir)).toBe(2);
    expect(fs.existsSync(files.deadPartial)).toBe(false);
    expect(fs.existsSync(files.oldOrphan)).toBe(false);
    expect(fs.existsSync(files.livePartial)).toBe(true);
    expect(fs.existsSync(files.newOrphan)).toBe(true);
    expect(imageUsage(db).count).toBe(1);
    const kept = cachedImage(db, dataDir, imageKey('https://pictures.example/kept.png'));
    expect(kept && fs.existsSync(kept.file)).toBe(true);
  });
});
