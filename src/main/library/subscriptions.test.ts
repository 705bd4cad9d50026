import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir.ts';
import { RESOURCES_DIR } from '../repo-paths.ts';
import { NewsService } from './news-service.ts';

async function sampleService() {
  const news = new NewsService({ dataDir: tempDir(), resourcesDir: RESOURCES_DIR });
  await news.loadSampleLibrary();
  return news;
}

describe('managing subscriptions', () => {
  it('renames and moves a feed, creating the section it moves to', async () => {
    const news = await sampleService();
    const tech = (await news.listFeeds()).find((f) => f.sectionName === 'Tech');
    await news.renameFeed(tech?.id ?? 0, 'Gadgets Weekly');
    await news.moveFeed(tech?.id ?? 0, 'Science & Tech');
    expect((await news.listFeeds()).find((f) => f.id === tech?.id)).toMatchObject({
      title: 'Gadgets Weekly',
      sectionName: 'Science & Tech',
    });
    await news.moveFeed(tech?.id ?? 0, null);
    expect((await news.listFeeds()).find((f) => f.id === tech?.id)?.sectionName).toBeNull();
    await news.close();
  });

  it('unsubscribing removes a feed and its articles but keeps its bookmarks for good', async () => {
    const news = await sampleService();
    const africa = (await news.listFeeds()).find((f) => f.sectionName === 'Africa');
    const rows = (await news.listArticles({ view: 'all', feedId: africa?.id })).rows;
    await news.setBookmarked(rows[0]?.id ?? 0, true);

    expect(await news.unsubscribe(africa?.id ?? 0)).toEqual({ keptBookmarks: 1 });
    expect((await news.listFeeds()).map((f) => f.id)).not.toContain(africa?.id);
    expect((await news.listArticles({ view: 'bookmarks' })).rows.map((r) => r.id)).toEqual([rows[0]?.id]);
    expect((await news.listArticles({ view: 'all', feedId: africa?.id })).rows).toHaveLength(1);
    await news.close();
  });

  it('renames and deletes sections; a deleted section’s feeds stay subscribed', async () => {
    const news = await sampleService();
    const world = (await news.listSections()).find((s) => s.name === 'World');
    await expect(news.renameSection(world?.id ?? 0, 'tech')).rejects.toThrow(/already a section/);
    await news.renameSection(world?.id ?? 0, 'International');
    expect((await news.listSections()).map((s) => s.name)).toContain('International');
    await news.deleteSection(world?.id ?? 0);
    expect((await news.listSections()).map((s) => s.name)).not.toContain('International');
    expect((await news.listFeeds()).find((f) => f.title === 'Sample World')?.sectionName).toBeNull();
    await news.close();
  });
});
