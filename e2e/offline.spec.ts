import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { summaryOnlyNewsSite } from '../src/test-support/news-site.ts';
import { serveFeeds } from './feed-server.ts';
import { expect, startApp, subscribeInApp, test } from './web-shell.ts';

/** Every picture in the open article: where it was loaded from and whether it decoded. */
const readerImages = (page: Page) =>
  page
    .getByRole('article')
    .locator('.article-body img')
    .evaluateAll((images) => images.map((img) => ({ src: img.getAttribute('src') ?? '', width: (img as HTMLImageElement).naturalWidth })));

test('what was read online stays readable offline: full text and pictures from the cache, no request to the publisher', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const site = summaryOnlyNewsSite({ stories: 3 });
  const publisher = await serveFeeds(site.routes);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-offline-'));
  const [seed, second] = site.stories;
  if (!seed || !second) throw new Error('the site has stories');
  let app = await startApp(dataDir);
  try {
    // Online: subscribe to a feed that carries only teasers; sync reads the pages and keeps the pictures.
    await page.goto(app.url);
    await subscribeInApp(page, `${publisher.url}/feed.xml`, 'Africa');
    await page
      .getByRole('grid')
      .getByRole('row', { name: new RegExp(second.title) })
      .click();
    const reader = page.getByRole('article');
    await expect(reader.getByText(second.onlyInFullText)).toBeVisible({ timeout: 20_000 });
    await reader.getByRole('button', { name: 'Bookmark' }).click();
    await expect
      .poll(async () => (await readerImages(page)).map((i) => i.src.split('/')[1]), { timeout: 20_000 })
      .toEqual(['image-cache', 'image-cache']);
    await page
      .getByRole('grid')
      .getByRole('row', { name: new RegExp(seed.title) })
      .click();
    await reader.getByRole('button', { name: 'Bookmark' }).click();
    await expect(reader.getByText(seed.onlyInFullText)).toBeVisible({ timeout: 20_000 });

    // The network goes: the publisher stops; a tripwire on its port counts any request that still comes.
    await app.stop();
    await publisher.close();
    const tripwire = await serveFeeds({}, publisher.port);
    const browserAsked: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(publisher.url)) browserAsked.push(request.url());
    });
    app = await startApp(dataDir);
    await page.goto(app.url);

    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /^Bookmarks/ })
      .click();
    await page
      .getByRole('grid')
      .getByRole('row', { name: new RegExp(second.title) })
      .click();
    await expect(reader.getByText(second.onlyInFullText)).toBeVisible();
    await expect(reader.getByRole('note')).toHaveCount(0);
    await expect
      .poll(() => readerImages(page))
      .toEqual([
        { src: expect.stringMatching(/^\/image-cache\//), width: 48 },
        { src: expect.stringMatching(/^\/image-cache\//), width: 24 },
      ]);
    // The seed story: its body without the page's trending list, which stays in the sidebar's place.
    await page
      .getByRole('grid')
      .getByRole('row', { name: new RegExp(seed.title) })
      .click();
    await expect(reader.getByText('Belgium declared Rwandan diplomats persona non grata', { exact: false })).toBeVisible();
    await expect(reader.getByText('Best Wireless Home Security Cameras of 2025')).toHaveCount(0);

    // Search finds words only the saved page had; sections and trending still work.
    await page.getByLabel('Search articles').fill(second.onlyInFullText.split(' ').slice(0, 3).join(' '));
    await expect(page.getByRole('grid').getByRole('row', { name: new RegExp(second.title) })).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Trending' }).getByRole('button').first()).toBeVisible();
    expect(browserAsked).toEqual([]);
    expect([...tripwire.hits.keys()]).toEqual([]);

    // Sync with the network gone says so calmly, and loses nothing.
    await tripwire.close();
    await page.getByLabel('Search articles').fill('');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
    await expect(page.getByRole('grid').getByRole('row', { name: new RegExp(second.title) })).toBeVisible();
  } finally {
    await app.stop();
    await publisher.close().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a page that cannot be read is said so in the reader, over the feed’s summary', async ({ page, app }) => {
  const site = summaryOnlyNewsSite({ stories: 2 });
  const story = site.stories[1];
  if (!story) throw new Error('the site has stories');
  delete site.routes[story.path];
  const publisher = await serveFeeds(site.routes);
  try {
    await page.goto(app.url);
    await subscribeInApp(page, `${publisher.url}/feed.xml`);
    await page
      .getByRole('grid')
      .getByRole('row', { name: new RegExp(story.title) })
      .click();
    await expect(page.getByRole('article').getByRole('note')).toHaveText(
      'Showing the feed’s summary: the page could not be read (the page was not found (HTTP 404)).',
      { timeout: 20_000 },
    );
    await page.getByRole('button', { name: 'Settings' }).click();
    const storage = page.getByRole('dialog', { name: 'Settings' }).getByRole('definition');
    await expect(storage.nth(1)).toContainText('2,');
    await page.screenshot({ path: 'test-results/settings-storage.png' });
  } finally {
    await publisher.close();
  }
});
