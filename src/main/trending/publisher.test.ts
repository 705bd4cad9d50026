import { describe, expect, it } from 'vitest';
import { type FeedIdentity, publishers } from './publisher.ts';

let nextId = 1;
const feed = (url: string, siteUrl: string | null, title: string, publisher: string | null = null): FeedIdentity => ({
  id: nextId++,
  url,
  siteUrl,
  title,
  publisher,
});

/** Which feeds count as one source: groups of titles. */
function sources(feeds: FeedIdentity[]): string[][] {
  const keys = publishers(feeds);
  const groups = new Map<string, string[]>();
  for (const f of feeds) {
    const key = keys.get(f.id) as string;
    groups.set(key, [...(groups.get(key) ?? []), f.title]);
  }
  return [...groups.values()].sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

describe('who publishes a feed', () => {
  it('one publisher’s several feeds count once, across its hosts (the registrable domain)', () => {
    expect(
      sources([
        feed('https://feeds.bbci.co.uk/news/world/rss.xml', 'https://www.bbc.co.uk/news/world', 'BBC News - World'),
        feed('https://feeds.bbci.co.uk/news/world/africa/rss.xml', 'https://www.bbc.co.uk/news/world/africa', 'BBC News - Africa'),
        feed('https://www.theguardian.com/world/rss', 'https://www.theguardian.com/world', 'World news | The Guardian'),
        feed('https://www.theguardian.com/sport/rss', 'https://www.theguardian.com/sport', 'Sport | The Guardian'),
      ]),
    ).toEqual([
      ['BBC News - World', 'BBC News - Africa'],
      ['World news | The Guardian', 'Sport | The Guardian'],
    ]);
  });

  it('twenty publishers behind one host count as twenty: loopback, an IP address, a feed proxy, a platform', () => {
    const behind = (base: string) =>
      ['Reuters', 'Bloomberg', 'Daily Mail', 'New York Daily News'].map((name) =>
        feed(`${base}/feeds/${name.toLowerCase().replace(/ /g, '-')}.xml`, `${base}/${name.toLowerCase().replace(/ /g, '-')}/`, name),
      );
    for (const base of ['http://127.0.0.1:8099', 'http://[::1]:8099', 'http://192.168.1.20', 'http://localhost:1200']) {
      expect(sources(behind(base))).toHaveLength(4);
    }
    // A proxy whose feeds all link to its own front page: each feed is its own source.
    const proxied = ['Reuters', 'Bloomberg', 'Daily Mail'].map((name) =>
      feed(`https://feeds.feedburner.com/${name.replace(/ /g, '')}`, 'https://feeds.feedburner.com/', name),
    );
    expect(sources(proxied)).toHaveLength(3);
    const medium = ['Towards Data Science', 'The Startup'].map((name) =>
      feed(
        `https://medium.com/feed/${name.toLowerCase().replace(/ /g, '-')}`,
        `https://medium.com/${name.toLowerCase().replace(/ /g, '-')}`,
        name,
      ),
    );
    expect(sources(medium)).toHaveLength(2);
  });

  it('a host nobody listed that serves many publishers shows it in their titles', () => {
    const base = 'https://rss.example-aggregator.org';
    expect(
      sources([
        feed(`${base}/reuters`, `${base}/`, 'Reuters: World'),
        feed(`${base}/ap`, `${base}/`, 'Associated Press'),
        feed(`${base}/afp`, `${base}/`, 'Agence France-Presse'),
      ]),
    ).toHaveLength(3);
  });

  it('the person’s own name for a feed’s publisher wins', () => {
    expect(
      sources([
        feed('https://feeds.example.net/a.xml', 'https://alpha.example.net/', 'Alpha Weekly', 'Alpha Group'),
        feed('https://other.example.org/b.xml', 'https://other.example.org/', 'Beta Daily', 'alpha group'),
        feed('https://third.example.com/c.xml', null, 'Gamma'),
      ]),
    ).toEqual([['Alpha Weekly', 'Beta Daily'], ['Gamma']]);
  });
});
