import { articlePage, PAGE_LAYOUTS } from './article-pages.ts';
import { pngImage } from './png.ts';
import { seedPage } from './seed-page.ts';

/** A route of a loopback site: what to answer on one path. */
export interface SiteRoute {
  type: string;
  body: string | Buffer;
}

export interface SiteStory {
  title: string;
  path: string;
  /** A phrase only the full article (not the feed's summary) contains. */
  onlyInFullText: string;
  images: string[];
}

/**
 * A publisher whose feed carries only teasers: `/feed.xml` links to article pages
 * (`/story/N.html`, in rotating publisher layouts) whose pictures are relative, lazy
 * loaded or responsive, served from `/img/`. The first story is the seed page.
 * Links in the feed are relative, so the site works on any port.
 */
export function summaryOnlyNewsSite(options: { stories: number; heavyImages?: boolean; feedTitle?: string; ageDays?: number }): {
  routes: Record<string, SiteRoute>;
  stories: SiteStory[];
} {
  const seed = seedPage();
  const routes: Record<string, SiteRoute> = {};
  const stories: SiteStory[] = [];
  const items: string[] = [];
  for (let i = 0; i < options.stories; i++) {
    const path = `/story/${i}.html`;
    const hero = `/img/${i}-hero.png`;
    const inline = `/img/${i}-inline.png`;
    const marker = `harbour ledger ${i} quartermaster`;
    const title = i === 0 ? seed.headline : `Story ${i}: ${seed.otherHeadlines[i % seed.otherHeadlines.length]}`;
    const body =
      i === 0
        ? `${seed.bodyHtml}<p>Our correspondent's ${marker} notes close the report.</p>`
        : Array.from({ length: 8 }, (_, p) => `<p>${sentence(i, p)} ${p === 5 ? `The ${marker} was read aloud.` : ''}</p>`).join('\n');
    const withPicture = body.replace('</p>', `</p><p><img src="..${inline}" alt="A picture in the story"></p>`);
    const layout = PAGE_LAYOUTS[i % PAGE_LAYOUTS.length] ?? 'minimal';
    routes[path] = {
      type: 'text/html; charset=utf-8',
      body: articlePage(layout, {
        section: seed.section,
        headline: title,
        bodyHtml: withPicture,
        otherHeadlines: seed.otherHeadlines,
        heroImage: hero,
      }),
    };
    const size = options.heavyImages ? 160 : 24;
    routes[hero] = { type: 'image/png', body: pngImage(size * 2, size, i * 2 + 1, options.heavyImages) };
    routes[inline] = { type: 'image/png', body: pngImage(size, size, i * 2 + 2, options.heavyImages) };
    stories.push({ title, path, onlyInFullText: marker, images: [hero, inline] });
    const published = new Date(Date.now() - (options.ageDays ?? 0) * 86_400_000 - i * 60_000).toUTCString();
    const teaser = i === 0 ? seed.bodyLines[0] : sentence(i, 0);
    items.push(
      `<item><title>${escapeXml(title)}</title><link>${path}</link><guid isPermaLink="false">story-${i}</guid><pubDate>${published}</pubDate><description>${escapeXml(teaser ?? '')}</description></item>`,
    );
  }
  routes['/feed.xml'] = {
    type: 'application/rss+xml',
    body: `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${escapeXml(options.feedTitle ?? 'The Daily Loopback')}</title><link>/</link>${items.join('')}</channel></rss>`,
  };
  return { routes, stories };
}

const WORDS =
  'council harbour rain market bridge minister budget river school festival railway court village election station museum trial drought vaccine port'.split(
    ' ',
  );

/** Deterministic newsy filler: every story reads differently. */
function sentence(story: number, paragraph: number): string {
  const pick = (k: number) => WORDS[(story * 7 + paragraph * 3 + k * 5) % WORDS.length];
  return `The ${pick(1)} and the ${pick(2)} dominated the ${pick(3)} debate on day ${paragraph + 1}, officials said, while residents near the ${pick(4)} described a week of ${pick(5)} worries and asked the ${pick(6)} for answers before the ${pick(7)} reopens.`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
