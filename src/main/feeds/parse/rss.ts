import { buildItem, type RawItem } from './item-builder.ts';
import { readMedia } from './media.ts';
import { foldOrNull, htmlToText } from './text.ts';
import type { FeedFormat, ParsedFeed } from './types.ts';
import { resolveUrl } from './urls.ts';
import { baseOf } from './xml-base.ts';
import { childElements, firstChild, innerMarkup, textOf, type XmlElement } from './xml-tree.ts';

/**
 * RSS 0.9x, 1.0 (RDF) and 2.0: one reader, because their items share a vocabulary.
 * Elements in the Atom namespace count as RSS's own (as in feedparser): publishers mix
 * `<atom:link>`, `<a10:author>` or a default Atom namespace into RSS all the time.
 */
export function readRss(root: XmlElement, format: FeedFormat, documentBase: string | null): ParsedFeed {
  const channel = own(root, 'channel') ?? root;
  // RSS 1.0 puts items beside the channel; a few broken RSS 2.0 feeds do too.
  const items = [...ownAll(channel, 'item'), ...(channel === root ? [] : ownAll(root, 'item'))];
  const channelBase = baseOf(channel, documentBase);
  const description = own(channel, 'description') ?? own(channel, 'subtitle') ?? firstChild(channel, 'dc', 'description');
  return {
    format,
    title: foldOrNull(text(own(channel, 'title') ?? firstChild(channel, 'dc', 'title'))),
    link: resolveUrl(linkOf(channel), channelBase),
    description: description ? foldOrNull(htmlToText(innerMarkup(description))) : null,
    language: foldOrNull(text(own(channel, 'language') ?? firstChild(channel, 'dc', 'language')) ?? inheritedLang(channel)),
    items: items.map((item) => buildItem(readItem(item, documentBase))),
    ttlMinutes: positiveInt(text(own(channel, 'ttl'))),
  };
}

function positiveInt(value: string | null): number | null {
  const n = value ? Number.parseInt(value.trim(), 10) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

function readItem(item: XmlElement, documentBase: string | null): RawItem {
  const guid = own(item, 'guid') ?? own(item, 'id');
  const guidText = guid ? textOf(guid).trim() : '';
  const permalink = guid?.name === 'guid' && guid.attrs.ispermalink?.toLowerCase() !== 'false' && /^https?:\/\//i.test(guidText);
  const content = firstChild(item, 'content', 'encoded') ?? firstChild(item, 'xhtml', 'body') ?? own(item, 'content');
  const description = own(item, 'description') ?? own(item, 'summary') ?? firstChild(item, 'dc', 'description');
  // Some publishers wrap categories in a <categories> element.
  const wrapped = ownAll(item, 'categories').flatMap((w) => ownAll(w, 'category'));
  const categories = [...ownAll(item, 'category'), ...wrapped, ...allOf(item, 'dc', 'subject')].map((c) => c.attrs.term ?? textOf(c));
  const media = readMedia(item);
  return {
    id: guid ? guidText : (item.attrs.about ?? null),
    title: text(own(item, 'title') ?? firstChild(item, 'dc', 'title')),
    link: linkOf(item) ?? (permalink ? guidText : null),
    // As feedparser reads them: pubDate is when it was published, dc:date when it was updated.
    published: text(own(item, 'pubdate') ?? firstChild(item, 'dcterms', 'issued') ?? own(item, 'published') ?? own(item, 'issued')),
    updated: text(
      firstChild(item, 'dc', 'date') ?? firstChild(item, 'dcterms', 'modified') ?? own(item, 'updated') ?? own(item, 'modified'),
    ),
    author: authorOf(item),
    summaryHtml: description ? innerMarkup(description) : null,
    contentHtml: content ? innerMarkup(content) : null,
    categories,
    enclosures: media.enclosures,
    thumbnail: media.thumbnail,
    base: baseOf(item, documentBase),
  };
}

/** The RSS element of that name, in no namespace, RSS's own, or Atom's. */
function own(element: XmlElement, name: string): XmlElement | undefined {
  for (const c of element.children) if (typeof c !== 'string' && c.name === name && (c.ns === '' || c.ns === 'atom')) return c;
  return undefined;
}

function ownAll(element: XmlElement, name: string): XmlElement[] {
  return childElements(element).filter((c) => c.name === name && (c.ns === '' || c.ns === 'atom'));
}

function allOf(element: XmlElement, ns: string, name: string): XmlElement[] {
  return childElements(element).filter((c) => c.ns === ns && c.name === name);
}

function text(element: XmlElement | undefined): string | null {
  return element ? textOf(element) : null;
}

/** `<link>text</link>`, or an Atom-style `<link href>` (alternate first). */
function linkOf(element: XmlElement): string | null {
  const links = ownAll(element, 'link');
  const textual = links.find((l) => !l.attrs.href && textOf(l).trim());
  if (textual) return textOf(textual).trim();
  const alternate = links.find((l) => l.attrs.href && (l.attrs.rel ?? 'alternate') === 'alternate');
  return alternate?.attrs.href ?? null;
}

/**
 * The item's author. Of `<author>`, `<dc:creator>` and `<itunes:author>`, the last one
 * written (and not empty) wins, as in feedparser; "email (Name)" reads as the name.
 */
function authorOf(item: XmlElement): string | null {
  let raw = '';
  for (const c of childElements(item)) {
    if ((c.name === 'author' && (c.ns === '' || c.ns === 'atom' || c.ns === 'itunes')) || (c.ns === 'dc' && c.name === 'creator')) {
      const name = own(c, 'name');
      const value = (name ? textOf(name) : textOf(c)).replace(/\s+/g, ' ').trim();
      if (value) raw = value;
    }
  }
  const emailAndName = /^[^\s@()]+@[^\s@()]+\s*\((.+)\)$/.exec(raw);
  return emailAndName?.[1]?.trim() || raw || null;
}

function inheritedLang(element: XmlElement): string | null {
  for (let e: XmlElement | null = element; e; e = e.parent) if (e.attrs['xml:lang']) return e.attrs['xml:lang'];
  return null;
}
