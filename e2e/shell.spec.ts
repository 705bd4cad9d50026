import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveFeeds } from './feed-server.ts';
import { expect, startApp, test } from './web-shell.ts';

test('the web shell refuses a browser that does not have the token', async ({ page, app }) => {
  const { origin } = new URL(app.url);
  const response = await page.goto(`${origin}/`);
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('open the address Broadsheet printed');
});

test('subscribing from the first-run screen finds the feed a site links to', async ({ page, app }) => {
  const site = await serveFeeds({
    '/': {
      type: 'text/html',
      body: '<html><head><title>Daily</title><link rel="alternate" type="application/rss+xml" href="/news.rss"></head><body>hi</body></html>',
    },
    '/news.rss': {
      type: 'application/rss+xml',
      body: `<rss version="2.0"><channel><title>The Loopback Daily</title><link>/</link>
        <item><title>Harbour reopens after storm</title><link>/a1</link><guid>a1</guid><pubDate>${new Date().toUTCString()}</pubDate>
        <description>&lt;p&gt;The harbour reopened on Tuesday.&lt;/p&gt;</description></item></channel></rss>`,
    },
  });
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Add a feed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a feed' });
    await dialog.getByLabel('Feed or site address').fill(site.url);
    await dialog.getByLabel('Section').fill('World');
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^World/ })).toBeVisible();
    await page.getByRole('row', { name: /Harbour reopens after storm/ }).click();
    await expect(page.getByRole('article')).toContainText('The harbour reopened on Tuesday.');
    expect(site.hits.get('/news.rss')).toBeGreaterThan(0);
  } finally {
    await site.close();
  }
});

test('a wrong address gets an error in words in the dialog', async ({ page, app }) => {
  const site = await serveFeeds({ '/': { type: 'text/html', body: '<html><body>No feeds here</body></html>' } });
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Add a feed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a feed' });
    await dialog.getByLabel('Feed or site address').fill(site.url);
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await expect(dialog.getByRole('status')).toContainText('No feed found');
  } finally {
    await site.close();
  }
});

test('OPML import from the first-run screen creates sections from folders', async ({ page, app }) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opml-')), 'subs.opml');
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline text="Science"><outline text="Lab Notes" type="rss" xmlUrl="http://127.0.0.1:9/lab.xml"/></outline>
    </body></opml>`,
  );
  await page.goto(app.url);
  await page.getByLabel('OPML file').setInputFiles(file);
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^Science/ })).toBeVisible();
});

test('keyboard: j and k move through the list, b bookmarks, and the Bookmarks view keeps it', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Load sample library' }).click();
  const list = page.getByRole('grid');
  await expect(list.getByRole('row').first()).toBeVisible();

  const selected = list.getByRole('row', { selected: true });
  await page.keyboard.press('j');
  await expect(selected).toHaveCount(1);
  const first = await selected.getAttribute('id');
  await page.keyboard.press('j');
  await expect(selected).not.toHaveAttribute('id', first ?? '');
  await page.keyboard.press('k');
  await expect(selected).toHaveAttribute('id', first ?? '');

  await page.keyboard.press('b');
  await expect(page.getByRole('article').getByRole('button', { name: 'Remove bookmark' })).toBeVisible();
  // The list row's own button says so too, and bookmarks another story with a click.
  await expect(selected.getByRole('button', { name: 'Remove bookmark' })).toBeVisible();
  await list.getByRole('row').nth(2).getByRole('button', { name: 'Bookmark' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Bookmarks' }).click();
  await expect(page.getByRole('grid').getByRole('row')).toHaveCount(2);
});

test('dark theme applies and survives a restart on the same data dir', async ({ page }) => {
  const first = await startApp();
  try {
    await page.goto(first.url);
    await page.getByRole('button', { name: 'Load sample library' }).click();
    await page.getByLabel('Theme').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('grid').getByRole('row').first().click();
    await page.screenshot({ path: test.info().outputPath('reader-dark.png') });
  } finally {
    expect(await first.stop()).toBe(0);
  }
  const second = await startApp(first.dataDir);
  try {
    await page.goto(second.url);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^Africa/ })).toBeVisible();
  } finally {
    await second.stop();
    fs.rmSync(first.dataDir, { recursive: true, force: true });
  }
});
