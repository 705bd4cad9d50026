import { readAtom } from './atom.ts';
import { decodeFeed } from './decode.ts';
import { readJsonFeed } from './json-feed.ts';
import { repairDoubleEncoding } from './mojibake.ts';
import { readRss } from './rss.ts';
import { FeedParseError, type ParsedFeed, type ParseOptions } from './types.ts';
import { childElements, parseXml, type XmlElement } from './xml-tree.ts';

export type { FeedFormat, ParsedFeed, ParsedItem } from './types.ts';
export { FeedParseError } from './types.ts';

/**
 * Reads a feed in any supported format. The format is decided from the content, never
 * from the Content-Type (servers get that wrong all the time). Throws FeedParseError,
 * with the reason in words, when the input is not a feed.
 */
export function parseFeed(input: Uint8Array | string, options: ParseOptions = {}): ParsedFeed {
  const { text, encoding } = typeof input === 'string' ? { text: input, encoding: 'utf-8' } : decodeFeed(input, options.contentType);
  const feed = readFeed(text, options);
  // Only Unicode text can carry UTF-8 encoded twice; in a single-byte decoding the same
  // letters are the document's own (CJK read without a label looks just like it).
  return encoding.startsWith('utf') ? repairTexts(feed) : feed;
}

function readFeed(text: string, options: ParseOptions): ParsedFeed {
  const base = options.baseUrl ?? null;
  const start = text.trimStart();
  if (start.startsWith('{')) return readJsonFeed(start, base);
  if (!start.startsWith('<')) throw new FeedParseError('not a feed: the document is neither XML nor JSON');

  const document = parseXml(text);
  const first = childElements(document)[0];
  if (!first) throw new FeedParseError('not a feed: the XML has no root element');
  // Feeds wrapped in an HTML page, or preceded by a server's error output, still read.
  const root = findFeedRoot(document) ?? first;
  switch (root.name) {
    case 'rss': {
      const version = root.attrs.version?.trim() ?? '';
      return readRss(root, version.startsWith('0.9') ? 'rss09' : 'rss2', base);
    }
    case 'rdf':
      return readRss(
        root,
        root.children.some((c) => typeof c !== 'string' && c.nsUri === 'http://my.netscape.com/rdf/simple/0.9/') ? 'rss09' : 'rss1',
        base,
      );
    case 'feed':
      return readAtom(root, root.nsUri === 'http://purl.org/atom/ns#' || root.attrs.version === '0.3' ? 'atom03' : 'atom1', base);
    case 'channel':
      return readRss(root, 'rss2', base);
    case 'html':
      throw new FeedParseError('not a feed: this is an HTML page (try subscribing to the site address to find its feed)');
    default:
      throw new FeedParseError(`not a feed: the root element is <${root.rawName}>`);
  }
}

/** Text encoded twice on its way to the feed ("KÃ¶ln"), repaired field by field (see mojibake.ts). */
function repairTexts(feed: ParsedFeed): ParsedFeed {
  const fix = (value: string | null) => (value === null ? null : repairDoubleEncoding(value));
  const items = feed.items.map((item) => {
    const repaired = {
      title: fix(item.title),
      author: fix(item.author),
      summary: fix(item.summary),
      contentHtml: fix(item.contentHtml),
      categories: item.categories.map(repairDoubleEncoding),
    };
    const same =
      repaired.title === item.title &&
      repaired.author === item.author &&
      repaired.summary === item.summary &&
      repaired.contentHtml === item.contentHtml &&
      repaired.categories.every((c, i) => c === item.categories[i]);
    return same ? item : { ...item, ...repaired };
  });
  return { ...feed, title: fix(feed.title), description: fix(feed.description), items };
}

const FEED_ROOTS = new Set(['rss', 'rdf', 'feed', 'channel']);

/** The outermost feed element, breadth first, so a feed's own nested elements never win. */
function findFeedRoot(document: XmlElement): XmlElement | undefined {
  let level = childElements(document);
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const found = level.find((e) => FEED_ROOTS.has(e.name) && (e.name !== 'feed' || e.ns === 'atom' || e.nsUri === ''));
    if (found) return found;
    level = level.flatMap(childElements);
  }
  return undefined;
}
