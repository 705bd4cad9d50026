import { describe, expect, it } from 'vitest';
import { httpFixture, rssWith } from '../../test-support/http-fixture.ts';
import { tempDir } from '../../test-support/temp-dir.ts';
import { RESOURCES_DIR } from '../repo-paths.ts';
import { NewsService } from './news-service.ts';
import { searchArticles } from './search.ts';

function service() {
  return new NewsService({ dataDir: tempDir(), resourcesDir: RESOURCES_DIR });
}

describe('NewsService with the bundled sample library', () => {
  it('loads several sections, the seed story among them in Africa, readable in full', async () => {
    const news = service();
    const report = await news.loadSampleLibrary();
    expect(report.problems).toEqual([]);
    const sections = (await news.listSections()).map((s) => s.name);
    expect(sections).toEqual(expect.arrayContaining(['Africa', 'Politics', 'Tech', 'World']));

    const africa = (await news.listSections()).find((s) => s.name === 'Africa');
    const page = await news.listArticles({ view: 'all', sectionId: africa?.id });
    const seed = page.rows.find((r) => r.title === 'Rwanda severs diplomatic ties with Belgium');
    expect(seed?.sectionName).toBe('Africa');
    const detail = await news.getArticle(seed?.id ?? 0);
    expect(detail?.contentHtml).toContain('Belgium declared Rwandan diplomats persona non grata');
    expect(detail?.contentHtml).not.toContain('Politics4 days ago');
    await news.close();
  });

  it('trends the seed story with its second source, over the window the settings give', async () => {
    const news = service();
    await news.loadSampleLibrary();
    const [top] = await news.getTrending({});
    expect(top).toMatchObject({ headline: 'Rwanda severs diplomatic ties with Belgium', sectionName: 'Africa', sources: 2 });
    // In its section it still counts the source that files it under World.
    const africa = (await news.listSections()).find((section) => section.name === 'Africa');
    const [inAfrica] = await news.getTrending({ sectionId: africa?.id });
    expect(inAfrica).toMatchObject({ headline: 'Rwanda severs diplomatic ties with Belgium', sources: 2 });
    const wide = (await news.getTrending({})).length;
    await news.updateSettings({ trendingWindowHours: 1 });
    expect((await news.getTrending({})).length).toBeLessThan(wide);
    await news.close();
  });

  it('keeps its dates recent, so the sample reads like a library that just synced', async () => {
    const news = service();
    await news.loadSampleLibrary();
    const [newest] = (await news.listArticles({ view: 'all', limit: 1 })).rows;
    expect(Date.now() - Date.parse(newest?.publishedAt ?? '')).toBeLessThan(24 * 3600_000);
    await news.close();
  });

  it('loading the sample twice adds nothing the second time', async () => {
    const news = service();
    await news.loadSampleLibrary();
    const again = await news.loadSampleLibrary();
    expect(again).toMatchObject({ feedsAdded: 0, articlesAdded: 0, sectionsAdded: 0 });
    await news.close();
  });

  it('counts unread per section in SQL and keeps bookmarks through read changes', async () => {
    const news = service();
    await news.loadSampleLibrary();
    const tech = (await news.listSections()).find((s) => s.name === 'Tech');
    expect(tech?.unreadCount).toBe(3);
    const rows = (await news.listArticles({ view: 'all', sectionId: tech?.id })).rows;
    await news.setRead(rows[0]?.id ?? 0, true);
    await news.setRead(rows[0]?.id ?? 0, true);
    await news.setBookmarked(rows[1]?.id ?? 0, true);
    expect((await news.listSections()).find((s) => s.name === 'Tech')?.unreadCount).toBe(2);
    expect((await news.listArticles({ view: 'bookmarks' })).rows.map((r) => r.id)).toEqual([rows[1]?.id]);
    expect((await news.getStatus()).bookmarks).toBe(1);
    await expect(news.setRead(999_999, true)).rejects.toThrow(/no article/);
    await news.close();
  });

  it('pages through a list by cursor without repeats or gaps', async () => {
    const news = service();
    await news.loadSampleLibrary();
    const all = (await news.listArticles({ view: 'all', limit: 500 })).rows.map((r) => r.id);
    const seen: number[] = [];
    let after: string | undefined;
    do {
      const page = await news.listArticles({ view: 'all', limit: 3, after });
      seen.push(...page.rows.map((r) => r.id));
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(seen).toEqual(all);
    await news.close();
  });

  it('imports OPML folders as sections and reports entries it could not use', async () => {
    const news = service();
    const report = await news.importOpml(`<?xml version="1.0"?><opml version="2.0"><body>
      <outline text="Politics"><outline text="Daily" xmlUrl="https://daily.example/rss" /></outline>
      <outline text="Loose" type="rss" xmlUrl="https://loose.example/feed"/>
      <outline text="Broken" xmlUrl="javascript:alert(1)"/>
    </body></opml>`);
    expect(report).toMatchObject({ feedsAdded: 2, sectionsAdded: 1 });
    expect(report.problems).toHaveLength(1);
    expect((await news.listFeeds()).map((f) => [f.url, f.sectionName])).toEqual(
      expect.arrayContaining([
        ['https://daily.example/rss', 'Politics'],
        ['https://loose.example/feed', null],
      ]),
    );
    await expect(news.importOpml('<html>not opml</html>')).rejects.toThrow(/not an OPML file/);
    await news.close();
  });
});

describe('NewsService sync', () => {
  it('syncs on the sync thread, pushes progress events, and the UI thread reads the result', async () => {
    const server = await httpFixture({ '/f.xml': (_req, res) => res.writeHead(200).end(rssWith(['Alpha', 'Beta', 'Gamma'])) });
    const news = service();
    await news.importOpml(
      `<opml version="2.0"><body><outline text="Tech"><outline text="F" xmlUrl="${server.url('/f.xml')}"/></outline></body></opml>`,
    );
    const events: { feedsDone: number; running: boolean }[] = [];
    news.on('sync-progress', (p) => events.push({ feedsDone: p.feedsDone, running: p.running }));

    const result = await news.syncNow();
    expect(result).toMatchObject({ feedsTotal: 1, feedsDone: 1, newArticles: 3, failures: 0, running: false });
    expect(events.at(-1)).toEqual({ feedsDone: 1, running: false });
    expect((await news.listArticles({ view: 'all' })).rows.map((r) => r.title).sort()).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect((await news.listFeeds())[0]).toMatchObject({ title: 'F', lastError: null, sectionName: 'Tech' });
    // Bodies crossed threads as UTF-8 bytes: they must come back as text, and be searchable.
    const [row] = (await news.listArticles({ view: 'all', limit: 1 })).rows;
    const article = await news.getArticle(row?.id ?? 0);
    expect(typeof article?.contentHtml).toBe('string');
    expect(article?.contentHtml).toMatch(/^Body of (Alpha|Beta|Gamma)$/);
    const typeOf = news.db.prepare('SELECT DISTINCT typeof(content_html) AS t FROM articles').all();
    expect(typeOf).toEqual([{ t: 'text' }]);
    expect(searchArticles(news.db, 'body gamma').map((r) => r.title)).toEqual(['Gamma']);
    await news.close();
  });
});

describe('NewsService sync requests', () => {
  it('a sync requested while another runs covers feeds added in between', async () => {
    const server = await httpFixture({
      '/slow.xml': (_req, res) => setTimeout(() => res.writeHead(200).end(rssWith(['Slow one'])), 400),
      '/new.xml': (_req, res) => res.writeHead(200).end(rssWith(['Fresh one'])),
    });
    const news = service();
    await news.importOpml(`<opml><body><outline text="S" xmlUrl="${server.url('/slow.xml')}"/></body></opml>`);
    const started = new Promise<void>((resolve) => news.on('sync-progress', () => resolve()));
    const first = news.syncNow();
    await started; // the first sync has chosen its feeds
    await news.importOpml(`<opml><body><outline text="N" xmlUrl="${server.url('/new.xml')}"/></body></opml>`);
    const second = await news.syncNow();
    await first;
    expect(second.newArticles).toBe(1);
    expect((await news.listArticles({ view: 'all' })).rows.map((r) => r.title).sort()).toEqual(['Fresh one', 'Slow one']);
    await news.close();
  });
});
