import type { ParsedItem } from '../feeds/parse/index.ts';
import { fold, htmlToWords } from '../feeds/parse/text.ts';
import { articleIdentity, contentHash } from './identity.ts';
import { sanitizeStoredHtml } from './sanitize-stored-html.ts';

const EXCERPT_CHARS = 280;

/**
 * An item made ready for storage: identity, fingerprint, the plain text to index and
 * the excerpt. Pure CPU work with no database, so the sync's parse thread does it while
 * the sync thread writes the previous feed.
 */
export interface PreparedArticle {
  identity: string;
  contentHash: string;
  url: string | null;
  title: string;
  author: string | null;
  /** UTF-8 bytes when it came from a reader thread (see sync/packed-text.ts). */
  contentHtml: string | Uint8Array;
  /** Plain text of the body, white space unfolded, for the full-text index (not stored). */
  bodyText: string | Uint8Array;
  excerpt: string;
  thumbnailUrl: string | null;
  /** Milliseconds, or null when the feed gave no usable date. */
  publishedAt: number | null;
  updatedAt: number | null;
}

export function prepareArticle(item: ParsedItem): PreparedArticle {
  // Sanitized before it is stored, not only before it is shown (see sanitize-stored-html.ts).
  const contentHtml = sanitizeStoredHtml(item.contentHtml ?? '');
  const bodyText = contentHtml ? htmlToWords(contentHtml) : (item.summary ?? '');
  const lead = fold(bodyText.slice(0, EXCERPT_CHARS * 3));
  const published = item.published ? Date.parse(item.published) : Number.NaN;
  const updated = item.updated ? Date.parse(item.updated) : Number.NaN;
  return {
    identity: articleIdentity(item),
    contentHash: contentHash(item),
    url: item.link,
    title: item.title?.trim() || untitled(lead),
    author: item.author,
    contentHtml,
    bodyText,
    excerpt: lead.length > EXCERPT_CHARS ? `${lead.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : lead,
    thumbnailUrl: item.thumbnail ?? firstImage(contentHtml),
    publishedAt: Number.isFinite(published) ? published : Number.isFinite(updated) ? updated : null,
    updatedAt: Number.isFinite(updated) ? updated : null,
  };
}

function untitled(text: string): string {
  if (!text) return 'Untitled';
  return text.length > 90 ? `${text.slice(0, 88).trimEnd()}…` : text;
}

function firstImage(html: string): string | null {
  const match = /<img\b[^>]*?\ssrc\s*=\s*["']?(https?:[^"'\s>]+)/i.exec(html);
  return match?.[1]?.replace(/&amp;/g, '&') ?? null;
}
