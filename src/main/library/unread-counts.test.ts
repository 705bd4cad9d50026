import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir.ts';
import { RESOURCES_DIR } from '../repo-paths.ts';
import { NewsService } from './news-service.ts';
import { applyRetention } from './retention.ts';
import { readSettings } from './settings.ts';

/** The counts the way they used to be computed: from every article's state, on every call. */
function countedFeeds(news: NewsService): Record<number, number> {
  const rows = news.db
    .prepare(
      `SELECT f.id, (SELECT count(*) FROM articles a JOIN article_state st ON st.article_id = a.id AND st.read = 0 WHERE a.feed_id = f.id) AS n
       FROM feeds f WHERE f.unsubscribed_at IS NULL`,
    )
    .all() as { id: number; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.id, r.n]));
}

async function shownFeeds(news: NewsService): Promise<Record<number, number>> {
  return Object.fromEntries((await news.listFeeds()).map((f) => [f.id, f.unreadCount]));
}

describe('unread counts kept by triggers', () => {
  it('agree with a full count after every kind of change a person or a sync makes', async () => {
    const news = new NewsService({ dataDir: tempDir(), resourcesDir: RESOURCES_DIR, offlineCapture: false });
    try {
      await news.loadSampleLibrary();
      const check = async (step: string) => {
        expect(await shownFeeds(news), step).toEqual(countedFeeds(news));
        const sections = await news.listSections();
        const feeds = await news.listFeeds();
        for (const section of sections) {
          const sum = feeds.filter((f) => f.sectionId === section.id).reduce((n, f) => n + f.unreadCount, 0);
          expect(section.unreadCount, `${step}: ${section.name}`).toBe(sum);
        }
        expect((await news.getStatus()).unread, step).toBe(Object.values(countedFeeds(news)).reduce((a, b) => a + b, 0));
      };
      await check('after loading');
      const { rows } = await news.listArticles({ view: 'all', limit: 100 });
      const [first, second, third] = rows;
      if (!first || !second || !third) throw new Error('the sample has articles');
      await news.setRead(first.id, true);
      await news.setRead(first.id, true); // twice: counted once
      await check('one read');
      await news.setReadMany([second.id, third.id], true);
      await news.setRead(third.id, false);
      await check('read many, one unread again');
      const section = (await news.listSections())[0];
      await news.markAllRead({ view: 'all', sectionId: section?.id });
      await check('a section marked read');
      await news.setBookmarked(second.id, true);
      await news.unsubscribe(second.feedId);
      await check('unsubscribed, a bookmark kept');
      // Retention removes old unbookmarked articles (keeping at least one per feed here).
      const removed = applyRetention(news.db, { ...readSettings(news.db), retentionDays: 1, keepPerFeed: 1 }, Date.now());
      expect(removed).toBeGreaterThan(0);
      await check('after retention');
      await news.markAllRead({ view: 'all' });
      await check('everything read');
      expect(Object.values(await shownFeeds(news)).every((n) => n === 0)).toBe(true);
    } finally {
      await news.close();
    }
  });
});
