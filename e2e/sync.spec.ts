import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveFeeds } from './feed-server.ts';
import { expect, test } from './web-shell.ts';

const rss = (title: string, items: string[]) =>
  `<rss version="2.0"><channel><title>${title}</title><link>https://example.com/</link>${items
    .map(
      (t, i) =>
        `<item><title>${t}</title><guid>${title}-${i}</guid><pubDate>${new Date(Date.now() - i * 60_000).toUTCString()}</pubDate><description>About ${t}</description></item>`,
    )
    .join('')}</channel></rss>`;

test('sync now fetches every feed, shows progress and per-feed health, and goes calmly offline', async ({ page, app }) => {
  const server = await serveFeeds({
    '/world.xml': { type: 'application/rss+xml', body: rss('World Wire', ['Ceasefire talks resume', 'Storm reaches coast']) },
    '/broken.xml': { type: 'text/html', body: '<html><body>Please log in</body></html>' },
  });
  const opml = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opml-')), 'subs.opml');
  fs.writeFileSync(
    opml,
    `<opml version="2.0"><body><outline text="World">
      <outline text="World Wire" xmlUrl="${server.url}/world.xml"/>
      <outline text="Broken Feed" xmlUrl="${server.url}/broken.xml"/>
    </outline></body></opml>`,
  );
  try {
    await page.goto(app.url);
    await page.getByLabel('OPML file').setInputFiles(opml);
    // The import starts a sync; its summary reports both feeds.
    await expect(page.getByRole('status').filter({ hasText: 'Synced 2 feeds' })).toContainText('2 new articles, 1 failed');
    await expect(page.getByRole('row', { name: /Ceasefire talks resume/ })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await expect(nav.getByRole('note')).toContainText('HTML page');

    await server.close();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
    // Nothing already stored is lost.
    await expect(page.getByRole('row', { name: /Storm reaches coast/ })).toBeVisible();
  } finally {
    await server.close().catch(() => undefined);
  }
});
