import { opmlFor, serveFeeds } from './feed-server.ts';
import { expect, test } from './web-shell.ts';

/** Three sites' feeds reporting one event. */
function eventFeeds() {
  const reports: [string, string][] = [
    ['Harbour Gazette', 'Quartermaster Ledger found in Kigali harbour vault'],
    ['Lakeside Courier', 'Kigali harbour vault yields the Quartermaster Ledger'],
    ['Valley Bulletin', 'The Quartermaster Ledger surfaces in a Kigali harbour vault'],
  ];
  const routes: Record<string, { type: string; body: string; site: string }> = {};
  reports.forEach(([site, title], i) => {
    const slug = site.toLowerCase().replace(/ /g, '-');
    routes[`/${slug}.xml`] = {
      site,
      type: 'application/rss+xml',
      body: `<rss version="2.0"><channel><title>${site}</title><link>https://${slug}.example/</link><item><title>${title}</title><link>https://${slug}.example/ledger</link><guid>${slug}-ledger</guid><pubDate>${new Date(Date.now() - (i + 1) * 3_600_000).toUTCString()}</pubDate><description>Divers opened the vault on Tuesday.</description></item></channel></rss>`,
    };
  });
  return routes;
}

test('a feed’s publisher can be named in its dialog: two feeds given one name count as one source', async ({ page, app }) => {
  const routes = eventFeeds();
  const server = await serveFeeds(routes);
  const opml = opmlFor(server, Object.fromEntries(Object.entries(routes).map(([route, { site }]) => [route, site])));
  try {
    await page.goto(app.url);
    await page.getByLabel('OPML file').setInputFiles(opml);
    await expect(page.getByRole('status').filter({ hasText: /Synced 3 feeds/ })).toBeVisible();
    const story = page.getByRole('complementary', { name: 'Trending' }).getByRole('listitem').first();
    await expect(story).toContainText('Quartermaster Ledger');
    await expect(story).toContainText('3 sources');

    const nav = page.getByRole('navigation');
    for (const feed of ['Harbour Gazette', 'Lakeside Courier']) {
      await nav.getByRole('button', { name: `Options for ${feed}` }).click();
      const dialog = page.getByRole('dialog', { name: `Feed: ${feed}` });
      await dialog.getByLabel('Publisher').fill('Coastal Media Group');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog).toBeHidden();
    }
    await expect(story).toContainText('2 sources');

    // Cleared, it goes back to the one worked out from the feed's site.
    await nav.getByRole('button', { name: 'Options for Lakeside Courier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Feed: Lakeside Courier' });
    await expect(dialog.getByLabel('Publisher')).toHaveValue('Coastal Media Group');
    await dialog.getByLabel('Publisher').fill('');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(story).toContainText('3 sources');
  } finally {
    await server.close();
  }
});
