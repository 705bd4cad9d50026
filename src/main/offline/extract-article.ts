import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToWords } from '../feeds/parse/text.ts';
import { resolveUrl } from '../feeds/parse/urls.ts';
import { sanitizeStoredHtml } from '../library/sanitize-stored-html.ts';

export interface ExtractedArticle {
  /** The readable content, URLs absolute; still hostile HTML: the reader sanitizes it. */
  html: string;
  /** Its plain text, for the search index. */
  text: string;
}

/** Less readable text than this is a cookie wall, an error page or a teaser, not the article. */
const MIN_TEXT_CHARS = 250;

/**
 * Finds an article page's readable content with Mozilla Readability, which scores the
 * page's blocks and drops navigation, sidebars ("trending"), footers and ads, on
 * linkedom's light server-side DOM. Throws a reason in words when there is none.
 */
export function extractArticle(pageHtml: string, pageUrl: string): ExtractedArticle {
  const { document } = parseHTML(pageHtml);
  const leadImage = metaContent(document, ['og:image', 'twitter:image']);
  // Readability decides on the whole document; large pages are slower, never unsafe (no scripts run).
  const result = new Readability(document as unknown as Document, {
    serializer: (node) => (node as unknown as { innerHTML: string }).innerHTML,
  }).parse();
  const html = typeof result?.content === 'string' ? result.content : '';
  const text = html ? htmlToWords(html) : '';
  if (text.trim().length < MIN_TEXT_CHARS) throw new Error('the page has no readable article text');
  // Readability often leaves the lead picture behind (it sits above the text); the page names it.
  const withLead =
    leadImage && !html.includes(leadImage) ? `<figure><img src="${escapeAttribute(leadImage)}" alt=""></figure>${html}` : html;
  // Readability keeps what the page had, so the page's own scripts in the body too: stored sanitized.
  return { html: sanitizeStoredHtml(absoluteUrls(withLead, pageUrl)), text };
}

function metaContent(document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null }, names: string[]) {
  for (const name of names) {
    const meta = document.querySelector(`meta[property="${name}"]`) ?? document.querySelector(`meta[name="${name}"]`);
    const content = meta?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  img: ['src', 'data-src', 'data-lazy-src', 'data-original'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
};

/** The article moves out of its page, so every relative address is resolved against the page. */
function absoluteUrls(html: string, pageUrl: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const [tag, attributes] of Object.entries(URL_ATTRIBUTES)) {
    for (const element of document.querySelectorAll(tag)) {
      for (const name of attributes) {
        const value = element.getAttribute(name);
        if (value) element.setAttribute(name, resolveUrl(value, pageUrl) ?? value);
      }
      for (const name of ['srcset', 'data-srcset']) {
        const value = element.getAttribute(name);
        if (value) element.setAttribute(name, resolveSrcset(value, pageUrl));
      }
    }
  }
  return document.body.innerHTML;
}

/**
 * A srcset's addresses resolved against the page. Candidates are split at a comma
 * followed by white space: CDN addresses often carry commas of their own (w_400,h_300).
 */
function resolveSrcset(srcset: string, base: string): string {
  return srcset
    .split(/,\s+/)
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
      return [resolveUrl(url, base) ?? url, ...descriptor].join(' ');
    })
    .join(', ');
}
