import { describe, expect, it } from 'vitest';
import { httpFixture } from '../../test-support/http-fixture.ts';
import { tempDir } from '../../test-support/temp-dir.ts';
import { RESOURCES_DIR } from '../repo-paths.ts';
import { NewsService } from './news-service.ts';

describe("a feed's remote pictures setting", () => {
  it('off: lists, search and the article hold no address of a picture host, only what is kept offline', async () => {
    const fixture = await httpFixture({
      '/feed.xml': (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
          `<rss version="2.0"><channel><title>Pictures</title><item><title>Harbour at dawn</title><guid>p1</guid>
           <description><![CDATA[<p>Boats.</p><img src="${fixture.url('/photo.png')}" width="400" height="300">]]></description></item></channel></rss>`,
        ),
    });
    const news = new NewsService({ dataDir: tempDir(), resourcesDir: RESOURCES_DIR });
    try {
      const feed = await news.subscribe(fixture.url('/feed.xml'));
      expect(feed.remotePictures).toBe(true);
      const photo = fixture.url('/photo.png');
      const [row] = (await news.listArticles({ view: 'all' })).rows;
      expect(row?.thumbnailUrl).toBe(photo);
      expect((await news.search({ text: 'harbour dawn' })).map((r) => r.thumbnailUrl)).toEqual([photo]);

      await news.setFeedRemotePictures(feed.id, false);
      expect((await news.listFeeds()).map((f) => f.remotePictures)).toEqual([false]);
      expect((await news.listArticles({ view: 'all' })).rows.map((r) => r.thumbnailUrl)).toEqual([null]);
      expect((await news.search({ text: 'harbour dawn' })).map((r) => r.thumbnailUrl)).toEqual([null]);
      const detail = await news.getArticle(row?.id ?? 0);
      // The body keeps the address (the renderer leaves the picture out and says so), the flag travels with it.
      expect(detail).toMatchObject({ remotePictures: false, thumbnailUrl: null });

      await news.setFeedRemotePictures(feed.id, true);
      expect((await news.listArticles({ view: 'all' })).rows.map((r) => r.thumbnailUrl)).toEqual([photo]);
      await expect(news.setFeedRemotePictures(9999, false)).rejects.toThrow('There is no feed 9999.');
    } finally {
      await news.close();
    }
  });
});
