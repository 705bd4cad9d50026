import { buildItem, type RawItem } from './item-builder.ts';
import { readMedia } from './media.ts';
import type { FeedFormat, ParsedFeed } from './types.ts';
import { resolveUrl } from './urls.ts';
import { baseOf } from './xml-base.ts';
import { allChildren, firstChild, innerMarkup, textOf, type XmlElement } from './xml-tree.ts';

/** RSS 0.9x, 1.0 (RDF) and 2.0: one reader, because their items share a vocabulary. */
export function readRss(root: XmlElement, format: FeedFormat, documentBase: string | null): ParsedFeed {
  const channel = firstChild(root, '', 'channel') ?? root;
  // RSS 1.0 puts items beside the channel; a few broken RSS 2.0 feeds do too.
  const items = [...allChildren(channel, '', 'item'), ...(channel === root ? [] : allChildren(root, '', 'item'))];
  const channelBase = baseOf(channel, documentBase);
  const link = text(channel, '', 'link') ?? atomLink(channel);
  return {
    format,
    title: collapse(text(channel, '', 'title') ?? text(channel, 'dc', 'title')),
    link: resolveUrl(link, channelBase),
    description: collapse(text(channel, '', 'description') ?? text(channel, 'dc', 'description') ?? text(channel, 'itunes', 'summary')),
    language: collapse(text(channel, '', 'language') ?? text(channel, 'dc', 'language')),
    items: items.map((item) => buildItem(readItem(item, documentBase))),
  };
}

function readItem(item: XmlElement, documentBase: string | null): RawItem {
  const guid = firstChild(item, '', 'guid');
  const link =
    text(item, '', 'link') ??
    atomLink(item) ??
    (guid && guid.attrs.ispermalink !== 'false' && /^https?:/i.test(textOf(guid).trim()) ? textOf(guid) : null);
  const content = firstChild(item, 'content', 'encoded') ?? firstChild(item, 'xhtml', 'body');
  const description = firstChild(item, '', 'description') ?? firstChild(item, 'dc', 'description') ?? firstChild(item, 'itunes', 'summary');
  const categories = [...allChildren(item, '', 'category'), ...allChildren(item, 'dc', 'subject')].map((c) => textOf(c));
  return {
    id: guid ? textOf(guid) : (item.attrs.about ?? null),
    title: text(item, '', 'title') ?? text(item, 'dc', 'title'),
    link,
    // As feedparser reads them: pubDate is when it was published, dc:date when it was updated.
    published: text(item, '', 'pubdate') ?? text(item, 'dcterms', 'issued') ?? text(item, 'atom', 'published'),
    updated: text(item, 'dc', 'date') ?? text(item, 'dcterms', 'modified') ?? text(item, 'atom', 'updated'),
    author: text(item, '', 'author') ?? text(item, 'dc', 'creator') ?? text(item, 'itunes', 'author'),
    summaryHtml: description ? innerMarkup(description) : null,
    contentHtml: content ? innerMarkup(content) : null,
    categories,
    ...readMedia(item),
    base: baseOf(item, documentBase),
  };
}

function text(element: XmlElement, ns: string, name: string): string | null {
  const child = firstChild(element, ns, name);
  return child ? textOf(child) : null;
}

function atomLink(element: XmlElement): string | null {
  const links = allChildren(element, 'atom', 'link');
  const alternate = links.find((l) => (l.attrs.rel ?? 'alternate') === 'alternate');
  return alternate?.attrs.href ?? null;
}

function collapse(value: string | null): string | null {
  const folded = value?.replace(/\s+/g, ' ').trim();
  return folded || null;
}
