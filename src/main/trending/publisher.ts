import net from 'node:net';
import { getDomain } from 'tldts';

/** What trending needs to know of a feed to tell who publishes it. */
export interface FeedIdentity {
  id: number;
  url: string;
  siteUrl: string | null;
  title: string;
  /** The person's own name for the publisher, from the feed's dialog; null: worked out. */
  publisher: string | null;
}

/**
 * Hosts that serve many publishers' feeds: feed proxies and converters, platforms where
 * every channel or blog is someone else. A feed there is its own publisher (by its site
 * address, else its own), never its host's.
 */
const MANY_PUBLISHER_DOMAINS = new Set([
  'feedburner.com',
  'feedblitz.com',
  'feedproxy.google.com',
  'news.google.com',
  'rsshub.app',
  'rss.app',
  'fetchrss.com',
  'politepol.com',
  'feed43.com',
  'rssbridge.org',
  'inoreader.com',
  'feedly.com',
  'newsblur.com',
  'medium.com',
  'substack.com',
  'reddit.com',
  'youtube.com',
  'vimeo.com',
  'tumblr.com',
  'wordpress.com',
  'blogger.com',
  'blogspot.com',
  'github.io',
  'github.com',
  'gitlab.io',
  'soundcloud.com',
  'podbean.com',
  'libsyn.com',
  'buzzsprout.com',
  'anchor.fm',
  'transistor.fm',
  'simplecast.com',
  'megaphone.fm',
  'twitter.com',
  'x.com',
  'mastodon.social',
  'bsky.app',
]);

/** Words a feed title shares with many others: they say nothing of who publishes it. */
const GENERIC_TITLE_WORDS = new Set(
  `the a an and of in on for to at by with news daily times post world sport sports business tech technology science
  health politics opinion blog feed rss all latest top stories live online today weekly journal magazine review herald
  tribune media radio tv channel podcast video videos home front page edition local national international`.split(/\s+/),
);

/**
 * Each feed's publisher: what trending counts as one source, so that one publisher's
 * several feeds (BBC World, BBC Africa) count once and twenty publishers read through one
 * host (a feed proxy, a self-hosted aggregator, loopback in tests) count as twenty.
 *
 * 1. The person's own name for it, when given in the feed's dialog.
 * 2. Else the registrable domain (Public Suffix List) of the feed's site link, or of the
 *    feed itself when it has none: `feeds.bbci.co.uk` and `www.bbc.co.uk` are `bbc.co.uk`.
 * 3. A host that serves many publishers (an IP address, loopback, a known proxy or
 *    platform) proves nothing: there each feed is its own publisher, known by its site
 *    link, or by its own address when several of them share one site link.
 * 4. Feeds of one domain whose titles have no telling word in common ("Towards Data
 *    Science", "The Startup") are told apart as well: a host nobody listed that serves
 *    many publishers looks like that.
 */
export function publishers(feeds: readonly FeedIdentity[]): Map<number, string> {
  const out = new Map<number, string>();
  const byDomain = new Map<string, FeedIdentity[]>();
  const sharedSiteLinks = new Map<string, number>();
  for (const feed of feeds) {
    const site = httpAddress(feed.siteUrl);
    if (site) sharedSiteLinks.set(site.href, (sharedSiteLinks.get(site.href) ?? 0) + 1);
  }
  for (const feed of feeds) {
    const named = feed.publisher?.trim();
    if (named) {
      out.set(feed.id, `named:${named.toLowerCase()}`);
      continue;
    }
    const site = httpAddress(feed.siteUrl);
    const address = site ?? httpAddress(feed.url);
    if (!address) {
      out.set(feed.id, `feed:${feed.url}`);
      continue;
    }
    const domain = registrableDomain(address.hostname);
    if (!domain || servesManyPublishers(address.hostname, domain)) {
      const ownSite = site && (sharedSiteLinks.get(site.href) ?? 0) === 1 ? site.href : null;
      out.set(feed.id, `feed:${ownSite ?? feed.url}`);
      continue;
    }
    const group = byDomain.get(domain);
    if (group) group.push(feed);
    else byDomain.set(domain, [feed]);
  }
  for (const [domain, group] of byDomain) {
    for (const [i, members] of titleFamilies(group).entries()) {
      for (const feed of members) out.set(feed.id, i === 0 ? `domain:${domain}` : `domain:${domain}#${members[0]?.id}`);
    }
  }
  return out;
}

function httpAddress(text: string | null): URL | null {
  if (!text) return null;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    url.search = '';
    url.pathname = url.pathname.replace(/\/+$/, '') || '/';
    return url;
  } catch {
    return null;
  }
}

function registrableDomain(hostname: string): string | null {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (net.isIP(host) || host === 'localhost' || host.endsWith('.localhost')) return null;
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

function servesManyPublishers(hostname: string, domain: string): boolean {
  if (MANY_PUBLISHER_DOMAINS.has(domain)) return true;
  // news.google.com, feedproxy.google.com: a listed host inside a domain that is not.
  const labels = hostname.toLowerCase().split('.');
  return labels.some((_, i) => MANY_PUBLISHER_DOMAINS.has(labels.slice(i).join('.')));
}

/**
 * One domain's feeds in families that share a telling word of their titles (BBC News -
 * World, BBC News - Africa); the largest family first (it keeps the domain's name),
 * then by the lowest feed id.
 */
function titleFamilies(group: readonly FeedIdentity[]): FeedIdentity[][] {
  if (group.length === 1) return [[...group]];
  const words = group.map(
    (feed) =>
      new Set(
        feed.title
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .filter((w) => w.length >= 2 && !GENERIC_TITLE_WORDS.has(w)),
      ),
  );
  const parent = group.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    return root;
  };
  for (let i = 0; i < group.length; i++) {
    for (let j = i + 1; j < group.length; j++) {
      const a = words[i] as Set<string>;
      const b = words[j] as Set<string>;
      // A feed with no telling words in its title (untitled, "News") joins whatever it is beside.
      if (a.size === 0 || b.size === 0 || [...a].some((w) => b.has(w))) parent[find(j)] = find(i);
    }
  }
  const families = new Map<number, FeedIdentity[]>();
  group.forEach((feed, i) => {
    const root = find(i);
    const family = families.get(root);
    if (family) family.push(feed);
    else families.set(root, [feed]);
  });
  return [...families.values()].sort((x, y) => y.length - x.length || (x[0]?.id ?? 0) - (y[0]?.id ?? 0));
}
