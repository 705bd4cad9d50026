/**
 * Which picture an <img> (or <picture><source>) really shows, shared by the capture
 * (which downloads one copy) and the reader (which swaps in the cached copy): lazy
 * loaders keep the real address in data-* attributes and put a placeholder in src;
 * responsive images list several sizes in srcset.
 */

/** Lazy-loading libraries' names for the real address, most common first. */
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset'];
/** Wide enough for a reading column on a high-density screen; larger copies waste the cache. */
const PREFERRED_WIDTH = 1600;

export type AttributeReader = (name: string) => string | null | undefined;

/**
 * The element's image addresses, absolute, best first: the srcset candidate closest to
 * a reading column's width, then the lazy and plain src. Placeholders (data: URIs) and
 * addresses that are not http(s) are left out.
 */
export function imageSources(attribute: AttributeReader, baseUrl: string | null): string[] {
  const srcset = [...LAZY_SRCSET, 'srcset'].map(attribute).find((value) => value?.trim());
  const candidates = srcset ? parseSrcset(srcset) : [];
  const ranked = [...candidates].sort((a, b) => preference(b.width) - preference(a.width));
  const singles = [...LAZY_SRC, 'src'].map(attribute).filter((value): value is string => Boolean(value?.trim()));
  const urls = [...ranked.slice(0, 1).map((c) => c.url), ...singles, ...ranked.slice(1).map((c) => c.url)];
  const absolute = urls.map((url) => absoluteHttpUrl(url, baseUrl)).filter((url): url is string => url !== null);
  return [...new Set(absolute)];
}

/** A srcset's candidates with their widths (densities count as multiples of 800 px). */
export function parseSrcset(srcset: string): { url: string; width: number }[] {
  const out: { url: string; width: number }[] = [];
  // Candidates are separated by commas followed by white space; URLs may contain commas.
  for (const part of srcset.split(/,\s+/)) {
    const [url, descriptor = '1x'] = part.trim().split(/\s+/);
    if (!url) continue;
    const value = Number.parseFloat(descriptor);
    const width = descriptor.endsWith('w') ? value : descriptor.endsWith('x') ? value * 800 : 800;
    out.push({ url: url.replace(/,$/, ''), width: Number.isFinite(width) ? width : 800 });
  }
  return out;
}

function preference(width: number): number {
  // Up to the preferred width, wider is better; beyond it, the closest wins.
  return width <= PREFERRED_WIDTH ? width : PREFERRED_WIDTH - (width - PREFERRED_WIDTH) / 4;
}

export function absoluteHttpUrl(url: string, baseUrl: string | null): string | null {
  const trimmed = url.trim();
  if (!trimmed || trimmed.startsWith('data:')) return null;
  try {
    const absolute = baseUrl ? new URL(trimmed, baseUrl) : new URL(trimmed);
    return absolute.protocol === 'http:' || absolute.protocol === 'https:' ? absolute.href : null;
  } catch {
    return null;
  }
}

/** Where the app serves a cached image: the same path in the Electron and browser shells. */
export const IMAGE_CACHE_PATH = '/image-cache/';
