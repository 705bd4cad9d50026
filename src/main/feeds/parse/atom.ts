import { buildItem, type RawItem } from './item-builder.ts';
import { readMedia } from './media.ts';
import { htmlToText } from './text.ts';
import type { FeedFormat, ParsedFeed } from './types.ts';
import { resolveUrl } from './urls.ts';
import { baseOf } from './xml-base.ts';
import { allChildren, firstChild, innerMarkup, textOf, type XmlElement } from './xml-tree.ts';

/** Atom 1.0 and 0.3. */
export function readAtom(feed: XmlElement, format: FeedFormat, documentBase: string | null): ParsedFeed {
  const feedBase = baseOf(feed, documentBase);
  const subtitle = firstChild(feed, 'atom', 'subtitle') ?? firstChild(feed, 'atom', 'tagline');
  const title = firstChild(feed, 'atom', 'title');
  return {
    format,
    title: title ? plain(title) : null,
    link: resolveUrl(alternateLink(feed), feedBase),
    description: subtitle ? plain(subtitle) : null,
    language: feed.attrs['xml:lang']?.trim() || null,
    items: allChildren(feed, 'atom', 'entry').map((entry) => buildItem(readEntry(entry, documentBase))),
  };
}

function readEntry(entry: XmlElement, documentBase: string | null): RawItem {
  const content = firstChild(entry, 'atom', 'content');
  const summary = firstChild(entry, 'atom', 'summary');
  const title = firstChild(entry, 'atom', 'title');
  // The feed's author is not copied onto entries: the reader shows the source instead.
  const author = firstChild(entry, 'atom', 'author');
  const contentBase = content ? baseOf(content, documentBase) : null;
  const entryBase = baseOf(entry, documentBase);
  const linkElement = alternateLinkElement(entry);
  const id = text(entry, 'id');
  return {
    id,
    title: title ? plain(title) : null,
    // An entry without a link whose id is a web address: that address is its page.
    link: linkElement ? resolveUrl(linkElement.attrs.href, baseOf(linkElement, documentBase)) : id && /^https?:\/\//i.test(id) ? id : null,
    published: text(entry, 'published') ?? text(entry, 'issued'),
    updated: text(entry, 'updated') ?? text(entry, 'modified'),
    author: author ? (text(author, 'name') ?? text(author, 'email') ?? null) : null,
    summaryHtml: summary ? markup(summary) : null,
    contentHtml: content && !content.attrs.src ? markup(content) : null,
    categories: allChildren(entry, 'atom', 'category').map((c) => c.attrs.term ?? c.attrs.label ?? textOf(c)),
    ...readMedia(entry),
    base: contentBase ?? entryBase,
  };
}

/** Atom text constructs: text, html or xhtml (and 0.3's escaped/base64 modes). */
function markup(element: XmlElement): string {
  const type = (element.attrs.type ?? 'text').toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml') {
    return innerMarkup(element).trim();
  }
  if (element.attrs.mode === 'base64') return Buffer.from(textOf(element), 'base64').toString('utf8');
  if (type === 'text' || type === 'text/plain') return escapeHtml(textOf(element));
  return innerMarkup(element);
}

function plain(element: XmlElement): string {
  const type = (element.attrs.type ?? 'text').toLowerCase();
  if (type === 'text' || type === 'text/plain') return textOf(element).replace(/\s+/g, ' ').trim();
  return htmlToText(markup(element));
}

function alternateLinkElement(element: XmlElement): XmlElement | undefined {
  const links = allChildren(element, 'atom', 'link');
  return (
    links.find((l) => (l.attrs.rel ?? 'alternate') === 'alternate' && (l.attrs.type ?? 'text/html').includes('html')) ??
    links.find((l) => (l.attrs.rel ?? 'alternate') === 'alternate')
  );
}

function alternateLink(element: XmlElement): string | null {
  return alternateLinkElement(element)?.attrs.href ?? null;
}

function text(element: XmlElement, name: string): string | null {
  const child = firstChild(element, 'atom', name);
  return child ? textOf(child).trim() : null;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
