import { decodeHTMLAttribute } from 'entities';
import { resolveUrl } from './parse/urls.ts';

const FEED_TYPES = /^(application\/(rss|atom|feed|rdf)\+(xml|json)|application\/json|text\/xml|application\/xml)/i;

/**
 * Feed addresses advertised by an HTML page (`<link rel="alternate" type="…rss+xml">`),
 * in page order, resolved against the page's address (or its `<base href>`).
 */
export function discoverFeedLinks(html: string, pageUrl: string): string[] {
  const head = html.slice(0, 512 * 1024);
  const baseHref = /<base\b[^>]*\bhref\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  const base = resolveUrl(baseHref ? decodeHTMLAttribute(baseHref) : null, pageUrl) ?? pageUrl;
  const found: string[] = [];
  for (const tag of head.match(/<link\b[^>]*>/gi) ?? []) {
    const attrs = attributes(tag);
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate') || !attrs.href || !FEED_TYPES.test(attrs.type ?? '')) continue;
    const url = resolveUrl(attrs.href, base);
    if (url && !found.includes(url)) found.push(url);
  }
  return found;
}

/** Where sites commonly keep a feed that their pages do not advertise. */
export function commonFeedPaths(pageUrl: string): string[] {
  return ['/feed', '/rss', '/feed.xml', '/rss.xml', '/atom.xml', '/index.xml', '/feed.json'].map((p) => new URL(p, pageUrl).href);
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-z-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    out[(m[1] ?? '').toLowerCase()] = decodeHTMLAttribute(m[3] ?? m[4] ?? m[5] ?? '');
  }
  return out;
}
