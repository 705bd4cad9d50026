import DOMPurify from 'dompurify';
import { absoluteHttpUrl, IMAGE_CACHE_PATH, imageSources } from '../../../../shared/image-sources.ts';

/**
 * Article HTML is hostile until proven otherwise: an allowlist keeps text, structure,
 * images and media; scripts, event handlers, forms, frames, styles and javascript:
 * URLs are removed. Links open outside the app and leak no referrer.
 *
 * Pictures the library keeps offline are shown from the cache, so the original host is
 * not asked again; the others get their lazy-loading and relative addresses resolved,
 * or, for a feed whose remote pictures are off, are left out and counted so the reader
 * can say so (asking a host for a picture tells it the article was opened).
 */
const purifier = DOMPurify(window);

export interface ArticleImages {
  /** The article's address: relative picture addresses resolve against it. */
  baseUrl: string | null;
  /** Original URL → the app's address of the cached copy. */
  offlineImages: Record<string, string>;
  /** False: pictures without an offline copy are not loaded from their hosts. */
  remotePictures?: boolean;
}

const NO_IMAGES: ArticleImages = { baseUrl: null, offlineImages: {}, remotePictures: true };
/** The article being sanitized: DOMPurify's hooks are global, and sanitizing is synchronous. */
let current: ArticleImages = NO_IMAGES;
/** Pictures left out of the article being sanitized because they would be fetched from their hosts. */
let blocked = 0;
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
    else if (current.remotePictures === false && !cachedCopy(node)) {
      if (imageSources((name) => node.getAttribute(name), current.baseUrl).length > 0) blocked++;
      node.remove();
    }
  }
  if (
    current.remotePictures === false &&
    data.tagName === 'source' &&
    node instanceof Element &&
    node.parentElement?.tagName === 'PICTURE'
  ) {
    const sibling = node.parentElement.querySelector('img');
    if (!cachedCopy(node) && !(sibling && cachedCopy(sibling))) node.remove();
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
  if (node.tagName === 'VIDEO' || node.tagName === 'AUDIO') {
    // Nothing is fetched until the person presses play; a poster is a picture like any other.
    node.setAttribute('preload', 'none');
    if (current.remotePictures === false) node.removeAttribute('poster');
  }
});

/** The safe HTML, and how many pictures were left out because the feed keeps to offline copies. */
export function sanitizeArticle(html: string, images: ArticleImages): { html: string; blockedPictures: number } {
  current = images;
  blocked = 0;
  try {
    const safe = purifier.sanitize(html, {
      USE_PROFILES: { html: true },
      FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'textarea', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base'],
      FORBID_ATTR: ['style', 'class', 'id', 'srcdoc'],
      ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|data:image\/(?:png|gif|jpe?g|webp);|#)/i,
    });
    return { html: safe, blockedPictures: blocked };
  } finally {
    current = NO_IMAGES;
  }
}
