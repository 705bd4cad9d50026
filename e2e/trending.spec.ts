import { storyCorpus } from '../src/test-support/story-corpus.ts';
import { opmlFor, serveFeeds } from './feed-server.ts';
import { expect, test } from './web-shell.ts';

const slug = (text: string) => text.toLowerCase().replace(/[^a-z]+/g, '-');
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The labelled story corpus as real feeds: one per publisher, each with its own site. */
function corpusFeeds() {
  const bySource = Map.groupBy(storyCorpus(), (a) => a.source);
  const routes: Record<string, { type: string; body: string; source: string }> = {};
  for (const [source, articles] of bySource) {
    const items = articles
      .map(
        (a, i) =>
          `<item><title>${escapeXml(a.title)}</title><link>https://${slug(source)}.example/${i}</link><guid>${slug(source)}-${i}</guid><pubDate>${new Date(Date.now() - a.hoursAgo * 3600_000).toUTCString()}</pubDate><description>${escapeXml(a.lead)}</description></item>`,
      )
      .join('');
    routes[`/${slug(source)}.xml`] = {
      source,
      type: 'application/rss+xml',
      body: `<rss version="2.0"><channel><title>${escapeXml(source)}</title><link>https://${slug(source)}.example/</link>${items}</channel></rss>`,
    };
  }
  return routes;
}

test('trending shows the stories several sources cover, opens the best article and lists the others', async ({ page, app }) => {
  const routes = corpusFeeds();
  const server = await serveFeeds(routes);
  const opml = opmlFor(server, Object.fromEntries(Object.entries(routes).map(([route, { source }]) => [route, source])));
  try {
    await page.goto(app.url);
    await page.getByLabel('OPML file').setInputFiles(opml);
    await expect(page.getByRole('status').filter({ hasText: /Synced \d+ feeds/ })).toBeVisible();
    const trending = page.getByRole('complementary', { name: 'Trending' });
    const stories = trending.getByRole('listitem');
    // The hurricane and the rate rise lead (five and six publishers within hours); the prolific parish feed does not.
    await expect(stories.first()).toContainText(/(Milton|Federal Reserve|Fed) .*[56] sources/);
    await expect(trending).not.toContainText('Village fete');
    await expect(stories.filter({ hasText: 'Milton' })).toContainText('News');
    await page.screenshot({ path: 'test-results/trending.png' });
    // In a section, the sidebar shows what is trending there.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^News/ }).click();
    await expect(trending.getByRole('heading')).toHaveText('Trending in News');
    await expect(stories.first()).toContainText('sources');

    await stories.filter({ hasText: 'Milton' }).getByRole('button').click();
    const reader = page.getByRole('article');
    await expect(reader.getByRole('heading', { level: 2 })).toContainText('Milton');
    const others = reader.getByRole('region', { name: 'Also covered by' }).getByRole('listitem');
    await expect(others).toHaveCount(4);
    await others.filter({ hasText: 'Capital Letters' }).getByRole('button').click();
    await expect(reader.getByRole('heading', { level: 2 })).toHaveText('Biden approves emergency aid as Hurricane Milton hits Florida');

    // Folding stories: one row per story, saying how many more it stands for.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Show one row per story in article lists').check();
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
    const milton = page.getByRole('grid').getByRole('row').filter({ hasText: 'Milton' });
    await expect(milton).toHaveCount(1);
    await expect(milton).toContainText('+4 more on this story');
  } finally {
    await server.close();
  }
});
