import { buildItem } from './item-builder.ts';
import { FeedParseError, type ParsedFeed } from './types.ts';
import { resolveUrl } from './urls.ts';

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). */
export function readJsonFeed(text: string, documentBase: string | null): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new FeedParseError(`not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(doc) || !Array.isArray(doc.items)) throw new FeedParseError('a JSON document, but not a JSON Feed (no items)');
  const base = str(doc.feed_url) ? resolveUrl(str(doc.home_page_url) ?? str(doc.feed_url), documentBase) : documentBase;
  return {
    format: 'json1',
    title: str(doc.title),
    link: resolveUrl(str(doc.home_page_url), documentBase),
    description: str(doc.description),
    language: str(doc.language),
    items: doc.items.filter(isRecord).map((item) => {
      const authors = Array.isArray(item.authors) ? item.authors : isRecord(item.author) ? [item.author] : [];
      const firstAuthor = authors.find(isRecord);
      return buildItem({
        id: item.id === undefined || item.id === null ? null : String(item.id),
        title: str(item.title),
        link: str(item.url) ?? str(item.external_url),
        published: str(item.date_published),
        updated: str(item.date_modified),
        author: firstAuthor ? str(firstAuthor.name) : null,
        summaryHtml: str(item.summary) ? escapeHtml(str(item.summary) ?? '') : null,
        contentHtml:
          str(item.content_html) ?? (str(item.content_text) ? escapeHtml(str(item.content_text) ?? '').replace(/\n/g, '<br>') : null),
        // Out of spec but seen in the wild: a single string instead of an array.
        categories: (typeof item.tags === 'string' ? [item.tags] : Array.isArray(item.tags) ? item.tags : []).filter(
          (t): t is string => typeof t === 'string',
        ),
        enclosures: (Array.isArray(item.attachments) ? item.attachments : [])
          .filter(isRecord)
          .flatMap((a) =>
            str(a.url)
              ? [{ url: str(a.url) ?? '', type: str(a.mime_type), length: typeof a.size_in_bytes === 'number' ? a.size_in_bytes : null }]
              : [],
          ),
        thumbnail: str(item.image) ?? str(item.banner_image),
        base,
        keepLocalRefs: true,
      });
    }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
