import { parseDate, toIso } from './dates.ts';
import { foldOrNull, htmlToText, looksLikeHtml } from './text.ts';
import type { ParsedEnclosure, ParsedItem } from './types.ts';
import { resolveUrl, resolveUrlsInHtml } from './urls.ts';

/** What a format reader found for one item, before normalization. */
export interface RawItem {
  id?: string | null;
  title?: string | null;
  titleIsHtml?: boolean;
  link?: string | null;
  published?: string | null;
  updated?: string | null;
  author?: string | null;
  /** The short description (HTML or text). */
  summaryHtml?: string | null;
  /** The full body (HTML). */
  contentHtml?: string | null;
  categories?: string[];
  enclosures?: ParsedEnclosure[];
  thumbnail?: string | null;
  base?: string | null;
  /** Leave `#fragment` and empty links in content as written (JSON Feed). */
  keepLocalRefs?: boolean;
}

export function buildItem(raw: RawItem): ParsedItem {
  const base = raw.base ?? null;
  const summarySource = raw.summaryHtml?.trim() ? raw.summaryHtml : null;
  const contentSource = raw.contentHtml?.trim() ? raw.contentHtml : summarySource;
  const title = raw.title == null ? null : raw.titleIsHtml || looksLikeHtml(raw.title) ? htmlToText(raw.title) : foldOrNull(raw.title);
  return {
    id: foldOrNull(raw.id),
    title: title || (raw.title == null ? null : ''),
    link: resolveUrl(raw.link, base),
    published: toIso(parseDate(raw.published)),
    updated: toIso(parseDate(raw.updated)),
    author: foldOrNull(raw.author),
    summary: summarySource ? htmlToText(summarySource) : null,
    contentHtml: contentSource ? resolveUrlsInHtml(contentSource.trim(), base, { keepLocalRefs: raw.keepLocalRefs }) : null,
    categories: unique((raw.categories ?? []).map((c) => c.trim()).filter(Boolean)),
    enclosures: (raw.enclosures ?? []).map((e) => ({ ...e, url: resolveUrl(e.url, base) ?? e.url })),
    thumbnail: resolveUrl(raw.thumbnail, base),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
