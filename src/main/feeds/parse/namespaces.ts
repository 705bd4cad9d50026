/**
 * Canonical prefixes for the namespaces feeds use, so that `<dc:creator>` reads the
 * same whatever prefix a publisher chose. The formats' own namespaces (RSS 1.0/0.90)
 * map to '' like plain RSS 2.0; Atom maps to 'atom' wherever it appears.
 */
const KNOWN: Record<string, string> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/xml/1998/namespace': 'xml',
  'http://wellformedweb.org/commentapi/': 'wfw',
  'http://purl.org/rss/1.0/modules/slash/': 'slash',
  'http://feedburner.org/2004/xmlns': 'feedburner',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
};

export const ATOM_10 = 'http://www.w3.org/2005/atom';
export const ATOM_03 = 'http://purl.org/atom/ns#';

export function canonicalPrefix(uri: string, prefixAsWritten: string): string {
  const known = KNOWN[uri.trim().toLowerCase()];
  return known ?? prefixAsWritten;
}
