/**
 * The trending window and the clustering horizon agree: whatever window the setting
 * allows (up to 14 days) is put into stories, and widening it groups what was left out.
 */
import { describe, expect, it } from 'vitest';
import type { CorpusArticle } from '../../test-support/story-corpus.ts';
import { storeCorpus } from '../../test-support/story-library.ts';
import { tempDir } from '../../test-support/temp-dir.ts';
import { NewsService } from '../library/news-service.ts';
import { RESOURCES_DIR } from '../repo-paths.ts';
import { updateStories } from './update-stories.ts';

/** One event, ten days ago, reported by three publishers: a new feed's archive, say. */
const TEN_DAYS_AGO: CorpusArticle[] = [
  ['Harbour Gazette', 'Quartermaster Ledger found in Kigali harbour vault'],
  ['Lakeside Courier', 'Kigali harbour vault yields the Quartermaster Ledger'],
  ['Valley Bulletin', 'The Quartermaster Ledger surfaces in a Kigali harbour vault'],
].map(([source, title], i) => ({ event: 'ledger', source: source as string, title: title as string, lead: '', hoursAgo: 240 + i }));

describe('the trending window and the stories', () => {
  it('a 14-day window clusters 14 days; widening the window groups what it now holds, and the status says so meanwhile', async () => {
    const news = new NewsService({ dataDir: tempDir(), resourcesDir: RESOURCES_DIR, offlineCapture: false });
    storeCorpus(news.db, TEN_DAYS_AGO, Date.now());
    // At the default 72 h, ten-day-old articles are outside the horizon: each is left a story of its own.
    expect((await news.getTrending({ windowHours: 14 * 24 })).map((s) => s.sources)).toEqual([1, 1, 1]);

    const events: string[] = [];
    const regrouped = new Promise<void>((resolve) =>
      news.on('library-changed', (e) => {
        events.push(e.reason);
        if (e.reason === 'stories regrouped') resolve();
      }),
    );
    await news.updateSettings({ trendingWindowHours: 14 * 24 });
    expect((await news.getStatus()).storiesRegrouping).toBe(true);
    await regrouped;
    expect(events).toEqual(['stories regrouping', 'stories regrouped']);
    expect((await news.getStatus()).storiesRegrouping).toBe(false);
    const [story] = await news.getTrending({});
    expect(story).toMatchObject({ sources: 3 });
    expect(story?.articles).toHaveLength(3);
    await news.close();
  });
});

describe('one story, read once', () => {
  it('while lists fold stories, reading a story’s row marks its other articles read, and the unread counts follow', async () => {
    const news = new NewsService({ dataDir: tempDir(), resourcesDir: RESOURCES_DIR, offlineCapture: false });
    storeCorpus(
      news.db,
      TEN_DAYS_AGO.map((a, i) => ({ ...a, hoursAgo: 2 + i })),
      Date.now(),
    );
    updateStories(news.db);
    await news.updateSettings({ foldStories: true });
    const [story] = await news.getTrending({});
    const ids = story?.articles.map((a) => a.id) ?? [];
    expect(ids).toHaveLength(3);
    const unread = async () => ({
      library: (await news.getStatus()).unread,
      sections: (await news.listSections()).reduce((n, s) => n + s.unreadCount, 0),
    });
    expect(await unread()).toEqual({ library: 3, sections: 3 });
    await news.setRead(ids[0] as number, true);
    expect(await unread()).toEqual({ library: 0, sections: 0 });
    // Marking unread is one article's business.
    await news.setRead(ids[0] as number, false);
    expect(await unread()).toEqual({ library: 1, sections: 1 });

    // Switched off: one article at a time again.
    await news.setReadMany(ids, false);
    await news.updateSettings({ readStoryOnce: false });
    await news.setRead(ids[0] as number, true);
    expect(await unread()).toEqual({ library: 2, sections: 2 });
    await news.close();
  });
});
