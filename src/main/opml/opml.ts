import { childElements, parseXml, type XmlElement } from '../feeds/parse/xml-tree.ts';

export interface OpmlEntry {
  url: string;
  title: string;
  siteUrl: string | null;
  /** The outline folder the feed sat in (nested folders joined with " / "), or null at top level. */
  section: string | null;
}

export interface OpmlReadResult {
  entries: OpmlEntry[];
  /** Outlines that could not be read, each in words. */
  problems: string[];
}

/**
 * Reads subscriptions from OPML, tolerating the broken files other readers export:
 * unknown attributes, any case, missing titles, unescaped ampersands, truncation.
 */
export function readOpml(text: string): OpmlReadResult {
  const document = parseXml(text);
  const root = childElements(document).find((e) => e.name === 'opml');
  if (!root) throw new Error('This is not an OPML file (no <opml> element).');
  const body = childElements(root).find((e) => e.name === 'body') ?? root;
  const result: OpmlReadResult = { entries: [], problems: [] };
  walk(body, [], result);
  return result;
}

function walk(element: XmlElement, folders: string[], result: OpmlReadResult): void {
  for (const outline of childElements(element).filter((e) => e.name === 'outline')) {
    const attrs = lowerKeys(outline.attrs);
    const title = (attrs.title ?? attrs.text ?? '').trim();
    const xmlUrl = (attrs.xmlurl ?? attrs.url ?? '').trim();
    if (xmlUrl) {
      if (/^https?:\/\//i.test(xmlUrl)) {
        result.entries.push({
          url: xmlUrl,
          title,
          siteUrl: attrs.htmlurl?.trim() || null,
          section: folders.length ? folders.join(' / ') : null,
        });
      } else {
        result.problems.push(`“${title || xmlUrl}”: ${xmlUrl} is not a web address`);
      }
    } else if (childElements(outline).some((e) => e.name === 'outline')) {
      walk(outline, title ? [...folders, title] : folders, result);
    } else if (title) {
      result.problems.push(`“${title}”: no feed address (xmlUrl)`);
    }
  }
}

function lowerKeys(attrs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k.toLowerCase(), v]));
}
