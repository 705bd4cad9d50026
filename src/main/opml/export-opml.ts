import type { FeedSummary } from '../../shared/api.ts';

/** OPML 2.0 of the subscriptions, one outline folder per section. */
export function writeOpml(feeds: FeedSummary[], now = new Date()): string {
  const bySection = new Map<string | null, FeedSummary[]>();
  for (const feed of feeds.filter((f) => /^https?:/i.test(f.url))) {
    const list = bySection.get(feed.sectionName) ?? [];
    list.push(feed);
    bySection.set(feed.sectionName, list);
  }
  const outline = (f: FeedSummary, indent: string) =>
    `${indent}<outline type="rss" text="${attr(f.title)}" title="${attr(f.title)}" xmlUrl="${attr(f.url)}"${f.siteUrl ? ` htmlUrl="${attr(f.siteUrl)}"` : ''}/>`;
  const body: string[] = [];
  for (const [section, list] of bySection) {
    if (section === null) body.push(...list.map((f) => outline(f, '    ')));
    else
      body.push(
        `    <outline text="${attr(section)}" title="${attr(section)}">`,
        ...list.map((f) => outline(f, '      ')),
        '    </outline>',
      );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>Broadsheet subscriptions</title>
    <dateCreated>${now.toUTCString()}</dateCreated>
  </head>
  <body>
${body.join('\n')}
  </body>
</opml>
`;
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
