import { resolveUrl } from './urls.ts';
import type { XmlElement } from './xml-tree.ts';

/** The base URL in force at an element: xml:base up the tree, then the document's own base. */
export function baseOf(element: XmlElement | null, documentBase: string | null): string | null {
  const chain: string[] = [];
  for (let e = element; e; e = e.parent) {
    const base = e.attrs['xml:base'];
    if (base !== undefined) chain.push(base);
  }
  let base = documentBase;
  for (let i = chain.length - 1; i >= 0; i--) base = resolveUrl(chain[i], base) ?? base;
  return base;
}
