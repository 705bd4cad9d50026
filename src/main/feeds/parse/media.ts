import type { ParsedEnclosure } from './types.ts';
import { allChildren, childElements, firstChild, type XmlElement } from './xml-tree.ts';

/** Enclosures (RSS `<enclosure>`, Atom `<link rel="enclosure">`) and a thumbnail from Media RSS, shared by RSS and Atom readers. */
export function readMedia(item: XmlElement): { enclosures: ParsedEnclosure[]; thumbnail: string | null } {
  const enclosures: ParsedEnclosure[] = [];
  for (const e of childElements(item)) {
    const isEnclosure = e.ns === '' && e.name === 'enclosure';
    const isEnclosureLink = (e.ns === '' || e.ns === 'atom') && e.name === 'link' && e.attrs.rel === 'enclosure';
    const url = (isEnclosure ? e.attrs.url : isEnclosureLink ? e.attrs.href : undefined)?.trim();
    if (url) enclosures.push({ url, type: e.attrs.type?.trim() || null, length: toLength(e.attrs.length) });
  }
  let thumbnail: string | null = null;
  const groups = [item, ...allChildren(item, 'media', 'group')];
  for (const group of groups) {
    for (const c of childElements(group)) {
      if (c.ns !== 'media') continue;
      if (c.name === 'thumbnail' && !thumbnail && c.attrs.url) thumbnail = c.attrs.url.trim();
      if (c.name === 'content' && c.attrs.url) {
        const type = c.attrs.type?.trim() ?? '';
        const isImage = c.attrs.medium === 'image' || type.startsWith('image/');
        if (isImage && !thumbnail) thumbnail = c.attrs.url.trim();
        if (!thumbnail) {
          const nested = firstChild(c, 'media', 'thumbnail');
          if (nested?.attrs.url) thumbnail = nested.attrs.url.trim();
        }
      }
    }
  }
  if (!thumbnail) {
    const image = enclosures.find((e) => e.type?.startsWith('image/'));
    thumbnail = image?.url ?? firstChild(item, 'itunes', 'image')?.attrs.href?.trim() ?? null;
  }
  return { enclosures, thumbnail };
}

function toLength(value: string | undefined): number | null {
  if (!value) return null;
  const n = Number.parseInt(value.trim(), 10);
  return Number.isFinite(n) && n >= 0 ? n : null;
}
