import { pngImage } from '../src/test-support/png.ts';
import { serveFeeds } from './feed-server.ts';
import { expect, subscribeInApp, test } from './web-shell.ts';

test('a feed set to offline pictures only: the reader asks no picture host, says what it left out, and loads it once when asked', async ({
  page,
  app,
}) => {
  // The picture host refuses the app's offline capture (no copy is kept); what the
  // browser asks for is answered and recorded here, so every request it makes is seen.
  const pictures = await serveFeeds({});
  const browserAsked: string[] = [];
  await page.route(`${pictures.url}/**`, (route) => {
    browserAsked.push(new URL(route.request().url()).pathname);
    return route.fulfill({ contentType: 'image/png', body: pngImage(300, 200, 7) });
  });
  const item = (n: number) =>
    `<item><title>Pictured story ${n}</title><guid>pictured-${n}</guid><pubDate>${new Date(Date.now() - n * 60_000).toUTCString()}</pubDate>` +
    `<description><![CDATA[<p>Words of story ${n}.</p><img src="${pictures.url}/photo-${n}.png" width="300" height="200" alt="Photo ${n}">]]></description></item>`;
  const publisher = await serveFeeds({
    '/feed.xml': {
      type: 'application/rss+xml',
      body: `<rss version="2.0"><channel><title>Pictures Daily</title><link>https://pictures.example/</link>${item(1)}${item(2)}</channel></rss>`,
    },
  });
  try {
    await page.goto(app.url);
    await subscribeInApp(page, `${publisher.url}/feed.xml`);
    const grid = page.getByRole('grid');
    const reader = page.getByRole('article');

    // By default a picture without an offline copy comes from its host (no referrer, no cookies).
    await grid.getByRole('row', { name: /Pictured story 1/ }).click();
    await expect(reader.getByText('Words of story 1.')).toBeVisible();
    await expect(reader.locator('.article-body img')).toHaveAttribute('src', `${pictures.url}/photo-1.png`);
    await expect.poll(() => browserAsked.includes('/photo-1.png')).toBe(true);

    await page.getByRole('navigation').getByRole('button', { name: 'Options for Pictures Daily' }).click();
    const dialog = page.getByRole('dialog', { name: 'Feed: Pictures Daily' });
    const checkbox = dialog.getByLabel('Load pictures from the web when no offline copy is kept');
    await expect(checkbox).toBeChecked();
    await checkbox.uncheck();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    // A fresh page (nothing in the browser's memory) and the other story: nothing is asked for.
    browserAsked.length = 0;
    await page.reload();
    await grid.getByRole('row', { name: /Pictured story 2/ }).click();
    await expect(reader.getByText('Words of story 2.')).toBeVisible();
    await expect(reader.getByRole('note')).toHaveText(/1 picture is not kept offline, and this feed does not load pictures from the web/);
    await expect(reader.locator('img')).toHaveCount(0);
    // The list's thumbnails follow the feed's choice too.
    await expect(grid.locator('img')).toHaveCount(0);
    expect(browserAsked).toEqual([]);

    // Asked once, for this article: the picture loads, and the feed's setting stays as it was.
    await reader.getByRole('button', { name: 'Load it this time' }).click();
    await expect(reader.locator('.article-body img')).toHaveAttribute('src', `${pictures.url}/photo-2.png`);
    await expect.poll(() => browserAsked).toEqual(['/photo-2.png']);
    await grid.getByRole('row', { name: /Pictured story 1/ }).click();
    await expect(reader.getByText('Words of story 1.')).toBeVisible();
    await expect(reader.locator('img')).toHaveCount(0);
    expect(browserAsked).toEqual(['/photo-2.png']);
  } finally {
    await publisher.close();
    await pictures.close();
  }
});
