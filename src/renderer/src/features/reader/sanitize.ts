import DOMPurify from 'dompurify';
import { absoluteHttpUrl, IMAGE_CACHE_PATH, imageSources } from '../../../../shared/image-sources.ts';

/**
 * Article HTML is hostile until proven otherwise: an allowlist keeps text, structure,
 * images and media; scripts, event handlers, forms, frames, styles and javascript:
 * URLs are removed. Links open outside the app and leak no referrer.
 *
 * Pictures the library keeps offline are shown from the cache, so the original host is
 * not asked again; the others get their lazy-loading and relative addresses resolved.
 */
const purifier = DOMPurify(window);

export interface ArticleImages {
  /** The article's address: relative picture addresses resolve against it. */
  baseUrl: string | null;
  /** Original URL → the app's address of the cached copy. */
  offlineImages: Record<string, string>;
}

/** The article being sanitized: DOMPurify's hooks are global, and sanitizing is synchronous. */
let current: ArticleImages = { baseUrl: null, offlineImages: {} };
const CACHED = new RegExp(`^${IMAGE_CACHE_PATH}[0-9a-f]{32}$`);

function cachedCopy(element: Element): string | null {
  for (const url of imageSources((name) => element.getAttribute(name), current.baseUrl)) {
    const local = current.offlineImages[url];
    if (local) return local;
  }
  return null;
}

purifier.addHook('uponSanitizeElement', (node, data) => {
  // A 1×1 picture is a read receipt for the sender (libraries stored before the main
  // process dropped them still hold some): it goes, so opening an article tells no one.
  if (data.tagName === 'img' && node instanceof Element) {
    const size = (name: string) => Number.parseFloat(node.getAttribute(name) ?? 'NaN');
    if (size('width') <= 1 && size('height') <= 1) node.remove();
  }
});

purifier.addHook('beforeSanitizeAttributes', (node) => {
  if (node.tagName === 'IMG') {
    const local = cachedCopy(node);
    const sources = imageSources((name) => node.getAttribute(name), current.baseUrl);
    const src = local ?? sources.find((url) => url === absoluteHttpUrl(node.getAttribute('src') ?? '', current.baseUrl)) ?? sources[0];
    if (src) node.setAttribute('src', src);
    for (const name of ['srcset', 'data-srcset', 'data-src', 'data-lazy-src', 'data-original']) {
      if (local || name !== 'srcset') node.removeAttribute(name);
    }
  }
  if (node.tagName === 'SOURCE' && node.parentElement?.tagName === 'PICTURE') {
    // A <picture> prefers its sources: point them at the cached copy too, or the browser asks the host.
    const sibling = node.parentElement.querySelector('img');
    const local = cachedCopy(node) ?? (sibling ? cachedCopy(sibling) : null);
    if (local) node.setAttribute('srcset', local);
  }
});

purifier.addHook('uponSanitizeAttribute', (_node, data) => {
  // The cache's own addresses are relative; the URI allowlist would drop them.
  if ((data.attrName === 'src' || data.attrName === 'srcset') && CACHED.test(data.attrValue)) data.forceKeepAttr = true;
});

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node.tagName === 'IMG') {
    node.setAttribute('loading', 'lazy');
    node.setAttribute('referrerpolicy', 'no-referrer');
  }
});

export function sanitizeArticleHtml(html: string, images: ArticleImages = { baseUrl: null, offlineImages: {} }): string {
  current = images;
  try {
    return purifier.sanitize(html, {
      USE_PROFILES: { html: true },
      FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'textarea', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base'],
      FORBID_ATTR: ['style', 'class', 'id', 'srcdoc'],
      ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|data:image\/(?:png|gif|jpe?g|webp);|#)/i,
    });
  } finally {
    current = { baseUrl: null, offlineImages: {} };
  }
}
